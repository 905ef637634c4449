package org.relaybench.probe;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which server certificates a probe trusts: the JDK's trust store, the certificates of a PEM file, or
 * any certificate ({@code --insecure}: the certificate is still checked and reported, but a problem
 * does not stop the probe).
 *
 * @param kind where trust comes from
 * @param pem the PEM file, for {@link Kind#PEM}
 * @since 0.1
 */
public record TrustPolicy(Kind kind, Optional<Path> pem) {

    /** Where trust comes from. */
    public enum Kind {
        JDK, PEM, INSECURE
    }

    public TrustPolicy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pem, "pem");
        if ((kind == Kind.PEM) != pem.isPresent()) {
            throw new IllegalArgumentException("a PEM file goes with kind PEM only");
        }
    }

    /** @return trust the JDK's certificate authorities */
    public static TrustPolicy jdk() {
        return new TrustPolicy(Kind.JDK, Optional.empty());
    }

    /**
     * @param file a PEM file with one or more certificates (a self-signed server certificate or a CA)
     * @return trust those certificates only
     */
    public static TrustPolicy pem(Path file) {
        return new TrustPolicy(Kind.PEM, Optional.of(file));
    }

    /** @return accept any certificate, reporting its problems */
    public static TrustPolicy insecure() {
        return new TrustPolicy(Kind.INSECURE, Optional.empty());
    }
}
