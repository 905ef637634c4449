package org.relaybench.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * Whether a bundle in {@code dropins/} is signed by a key this installation trusts. The signature is
 * a detached, armored PGP signature beside the jar, named after it with {@code .asc} added
 * ({@code gpg --armor --detach-sign org.example_1.0.0.jar} writes it), and is checked with Bouncy
 * Castle against the installation's trusted PGP keys ({@link TrustedSigners}). A folder-shaped bundle
 * cannot be signed this way, so it is never trusted. Immutable.
 *
 * @param trusted whether the bundle may be started
 * @param reason why not, said so that an operator can act on it; empty when trusted
 */
record DropinTrust(boolean trusted, String reason) {

    /** The framework property (config.ini or -D) that lets unsigned and untrusted dropins load. */
    static final String ALLOW_UNSIGNED = "relaybench.dropins.allowUnsigned";

    static final String SIGNATURE_SUFFIX = ".asc";

    private static final DropinTrust TRUSTED = new DropinTrust(true, "");

    /**
     * @param bundle a jar or folder in dropins/
     * @param keys the trusted keys
     * @return the verdict
     */
    static DropinTrust of(Path bundle, List<PGPPublicKey> keys) {
        if (Files.isDirectory(bundle)) {
            return untrusted("it is a folder, which cannot carry a signature: drop in the signed jar");
        }
        Path signatureFile = bundle.resolveSibling(bundle.getFileName() + SIGNATURE_SUFFIX);
        if (!Files.isRegularFile(signatureFile)) {
            return untrusted("it is not signed (no " + signatureFile.getFileName() + " beside it)");
        }
        List<PGPSignature> signatures;
        try {
            signatures = signatures(signatureFile);
        } catch (IOException | PGPException | RuntimeException e) {
            return untrusted(signatureFile.getFileName() + " is not a PGP signature (" + e.getMessage() + ")");
        }
        if (signatures.isEmpty()) {
            return untrusted(signatureFile.getFileName() + " holds no PGP signature");
        }
        StringBuilder signers = new StringBuilder();
        for (PGPSignature signature : signatures) {
            Optional<PGPPublicKey> key = find(keys, signature.getKeyID());
            if (key.isEmpty()) {
                signers.append(signers.length() == 0 ? "" : ", ").append(String.format("%016X", signature.getKeyID()));
                continue;
            }
            try {
                if (verifies(signature, key.get(), bundle)) {
                    return TRUSTED;
                }
                return untrusted("it does not match its signature by " + Signer.of(key.get()).describe()
                        + ": it was changed after it was signed");
            } catch (IOException | PGPException e) {
                return untrusted("its signature cannot be checked: " + e.getMessage());
            }
        }
        return untrusted("it is signed by PGP key " + signers + ", which this Relaybench does not trust");
    }

    private static DropinTrust untrusted(String reason) {
        return new DropinTrust(false, reason);
    }

    private static Optional<PGPPublicKey> find(List<PGPPublicKey> keys, long keyId) {
        return keys.stream().filter(k -> k.getKeyID() == keyId).findFirst();
    }

    private static List<PGPSignature> signatures(Path file) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            List<PGPSignature> found = new ArrayList<>();
            for (Object o : new JcaPGPObjectFactory(in)) {
                if (o instanceof PGPSignatureList list) {
                    list.forEach(found::add);
                }
            }
            return found;
        }
    }

    private static boolean verifies(PGPSignature signature, PGPPublicKey key, Path file) throws IOException, PGPException {
        signature.init(new JcaPGPContentVerifierBuilderProvider(), key);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                signature.update(buffer, 0, n);
            }
        }
        return signature.verify();
    }
}
