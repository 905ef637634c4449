package org.relaybench.plugins.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * Who signed a plugin's artifacts, or who is trusted to: a PGP key or an X.509 certificate. Immutable.
 *
 * @param kind {@link #PGP} or {@link #X509}
 * @param id the PGP key's fingerprint, or the certificate's SHA-256 fingerprint, as upper-case hex
 * @param name the key's first user ID, or the certificate's subject; empty when the key has none
 */
public record Signer(String kind, String id, String name) {

    /** A PGP public key. */
    public static final String PGP = "pgp";
    /** An X.509 certificate (a jar signed with jarsigner). */
    public static final String X509 = "x509";

    public Signer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }

    /** @return the signer of a PGP key */
    static Signer of(PGPPublicKey key) {
        Iterator<String> userIds = key.getUserIDs();
        return new Signer(PGP, fingerprint(key), userIds.hasNext() ? userIds.next() : "");
    }

    /** @return the signer of a certificate */
    static Signer of(Certificate certificate) {
        String subject = certificate instanceof X509Certificate x509 ? x509.getSubjectX500Principal().getName() : "";
        return new Signer(X509, fingerprint(certificate), subject);
    }

    /** @return the key's fingerprint as upper-case hex, as gpg prints it without spaces */
    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    /** @return the certificate's SHA-256 fingerprint as upper-case hex, as keytool prints it without colons */
    static String fingerprint(Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            // every Java runtime has SHA-256, and a certificate read from a file or a jar encodes
            throw new IllegalStateException("cannot fingerprint the certificate " + certificate, e);
        }
    }

    /**
     * @param text a fingerprint as people write it: any case, with spaces or colons
     * @return it as {@link #id()} holds fingerprints
     */
    static String normalized(String text) {
        return text.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * @param text a fingerprint, or its last 16 or more hex digits (a long key ID)
     * @return whether it names this signer
     */
    boolean matches(String text) {
        String wanted = normalized(text);
        return wanted.length() >= 16 && id.endsWith(wanted);
    }

    /** @return how an operator reads it: "PGP key 0123… (Name <mail>)" or "certificate CN=…" */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(PGP.equals(kind) ? "PGP key " + id : "certificate " + (name.isEmpty() ? id : name));
        if (PGP.equals(kind) && !name.isEmpty()) {
            parts.add("(" + name + ")");
        } else if (X509.equals(kind) && !name.isEmpty()) {
            parts.add("(SHA-256 " + id + ")");
        }
        return String.join(" ", parts);
    }
}
