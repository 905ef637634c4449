package org.relaybench.probe;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a probe learnt about the server's TLS.
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipher the cipher suite
 * @param subject the server certificate's subject
 * @param issuer its issuer
 * @param notAfter when it expires
 * @param hostnameMatches whether it names the host the probe connected to
 * @param trusted whether the trust policy accepts it
 * @param problem what is wrong with it, when anything is
 * @since 0.1
 */
public record TlsInfo(String protocol, String cipher, String subject, String issuer, Instant notAfter,
        boolean hostnameMatches, boolean trusted, Optional<String> problem) {

    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(problem, "problem");
    }
}
