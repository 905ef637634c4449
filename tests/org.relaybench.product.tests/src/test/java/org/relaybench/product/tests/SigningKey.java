package org.relaybench.product.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

/**
 * A throw-away PGP signing key, generated for one test run: an armored secret key file (for the
 * example's build to sign with), its passphrase, and the armored public key file a center trusts.
 * Never a key anyone should trust outside these tests; nothing of it is kept in the sources.
 */
final class SigningKey {

    private final PGPSecretKey signingKey;
    private final Path secretKey;
    private final Path publicKey;
    private final String passphrase;
    private final String fingerprint;

    private SigningKey(PGPSecretKey signingKey, Path secretKey, Path publicKey, String passphrase, String fingerprint) {
        this.signingKey = signingKey;
        this.secretKey = secretKey;
        this.publicKey = publicKey;
        this.passphrase = passphrase;
        this.fingerprint = fingerprint;
    }

    /**
     * @param folder where to write {@code secret-key.asc} and {@code public-key.asc}
     * @param userId the key's user ID, for example {@code Example Net <plugins@examplenet.example>}
     */
    static SigningKey generate(Path folder, String userId) throws IOException {
        try {
            SecureRandom random = new SecureRandom();
            byte[] pass = new byte[18];
            random.nextBytes(pass);
            String passphrase = HexFormat.of().formatHex(pass);
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(3072, random);
            PGPKeyPair pair = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), new Date());
            PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
            flags.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId,
                    new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1), flags.generate(),
                    null, new JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                    new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).build(passphrase.toCharArray()));
            Files.createDirectories(folder);
            Path secret = folder.resolve("secret-key.asc");
            Path pub = folder.resolve("public-key.asc");
            Files.write(secret, armored(out -> rings.generateSecretKeyRing().encode(out)));
            Files.write(pub, armored(out -> rings.generatePublicKeyRing().encode(out)));
            return new SigningKey(rings.generateSecretKeyRing().getSecretKey(), secret, pub, passphrase,
                    HexFormat.of().withUpperCase().formatHex(pair.getPublicKey().getFingerprint()));
        } catch (GeneralSecurityException | PGPException e) {
            throw new IOException("cannot generate a PGP key: " + e, e);
        }
    }

    private interface Encoder {
        void encode(OutputStream out) throws IOException;
    }

    private static byte[] armored(Encoder encoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream out = new ArmoredOutputStream(bytes)) {
            encoder.encode(out);
        }
        return bytes.toString(StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Signs a file as {@code gpg --armor --detach-sign} does: an armored signature beside it, named
     * after it with {@code .asc} added.
     *
     * @return the signature file
     */
    Path detachSign(Path file) throws IOException {
        try {
            PGPPrivateKey privateKey = signingKey.extractPrivateKey(
                    new JcePBESecretKeyDecryptorBuilder().build(passphrase.toCharArray()));
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(signingKey.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                    signingKey.getPublicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            generator.update(Files.readAllBytes(file));
            PGPSignature signature = generator.generate();
            Path asc = file.resolveSibling(file.getFileName() + ".asc");
            Files.write(asc, armored(signature::encode));
            return asc;
        } catch (PGPException e) {
            throw new IOException("cannot sign " + file + ": " + e, e);
        }
    }

    Path secretKey() {
        return secretKey;
    }

    /** @return the armored public key file, as an author publishes it */
    Path publicKey() {
        return publicKey;
    }

    String passphrase() {
        return passphrase;
    }

    /** @return the key's fingerprint, upper-case hex without spaces */
    String fingerprint() {
        return fingerprint;
    }
}
