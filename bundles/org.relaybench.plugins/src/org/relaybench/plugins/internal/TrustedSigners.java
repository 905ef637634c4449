package org.relaybench.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.equinox.p2.core.IAgentLocation;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.ProfileScope;
import org.osgi.framework.BundleContext;
import org.osgi.service.prefs.BackingStoreException;
import org.relaybench.plugins.internal.PluginException.Kind;

/**
 * The PGP keys and X.509 certificates this installation trusts to sign plugins. Kept where p2 itself
 * keeps them: the preferences of the installation's profile ({@code p2/org.eclipse.equinox.p2.engine/
 * profileRegistry/<profile>.profile/.data/.settings/org.eclipse.equinox.p2.engine.prefs}), keys
 * {@code pgp.trustedPublicKeys} (armored) and {@code trustedCertificates} (a PKCS#7 certificate path).
 * So p2's own trust check treats them as trusted while it installs, and the workbench's Install New
 * Software and p2's director see the same trust. Reads and writes go to the file at once.
 */
final class TrustedSigners {

    private static final String NODE = "org.eclipse.equinox.p2.engine";
    private static final String KEYS = "pgp.trustedPublicKeys";
    private static final String CERTIFICATES = "trustedCertificates";
    /** p2's job that writes profile preferences (internal to p2; found by name, it has no API). */
    private static final String SAVE_JOB = "org.eclipse.equinox.internal.p2.engine.ProfilePreferences$SaveJob";
    private static final String CONFIG_DIR = "@config.dir";

    private final IEclipsePreferences node;

    TrustedSigners(IProvisioningAgent agent, IProfile profile) throws PluginException {
        IAgentLocation location = agent.getService(IAgentLocation.class);
        if (location == null) {
            throw new PluginException(Kind.FAILED, "p2 has no data area in this Relaybench: its trusted signers cannot be kept");
        }
        node = new ProfileScope(location, profile.getProfileId()).getNode(NODE);
    }

    /** @return the trusted keys: each primary key (with its user IDs, as far as they were given), then its subkeys */
    List<PGPPublicKey> keys() {
        return readKeys(node.get(KEYS, null));
    }

    /** @return the trusted certificates */
    List<Certificate> certificates() {
        byte[] encoded = node.getByteArray(CERTIFICATES, null);
        if (encoded == null || encoded.length == 0) {
            return List.of();
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(new ByteArrayInputStream(encoded), "PKCS7");
            return List.copyOf(path.getCertificates());
        } catch (CertificateException e) {
            return List.of(); // unreadable: nothing is trusted by it, which is the safe reading
        }
    }

    /** @return every trusted signer, keys first (primary keys: their subkeys are trusted with them) */
    List<Signer> list() {
        List<Signer> signers = new ArrayList<>();
        keys().stream().filter(PGPPublicKey::isMasterKey).forEach(k -> signers.add(Signer.of(k)));
        certificates().forEach(c -> signers.add(Signer.of(c)));
        return signers;
    }

    /**
     * @param added keys to trust besides those trusted already
     * @throws PluginException when the preferences cannot be written
     */
    void addKeys(List<PGPPublicKey> added) throws PluginException {
        Map<String, PGPPublicKey> all = new LinkedHashMap<>();
        keys().forEach(k -> all.put(Signer.fingerprint(k), k));
        added.forEach(k -> all.put(Signer.fingerprint(k), k));
        writeKeys(List.copyOf(all.values()));
    }

    /**
     * @param added certificates to trust besides those trusted already
     * @throws PluginException when the preferences cannot be written
     */
    void addCertificates(List<Certificate> added) throws PluginException {
        Map<String, Certificate> all = new LinkedHashMap<>();
        certificates().forEach(c -> all.put(Signer.fingerprint(c), c));
        added.forEach(c -> all.put(Signer.fingerprint(c), c));
        writeCertificates(List.copyOf(all.values()));
    }

    /**
     * @param id a fingerprint (or long key ID) of a trusted key or certificate
     * @return the signers no longer trusted; empty when none matched
     * @throws PluginException when the preferences cannot be written
     */
    List<Signer> remove(String id) throws PluginException {
        List<Signer> removed = new ArrayList<>();
        List<PGPPublicKey> keys = new ArrayList<>();
        boolean removing = false;
        for (PGPPublicKey key : keys()) {
            if (key.isMasterKey()) {
                removing = Signer.of(key).matches(id);
                if (removing) {
                    removed.add(Signer.of(key));
                }
            }
            if (!removing) {
                keys.add(key);
            }
        }
        List<Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : certificates()) {
            if (Signer.of(certificate).matches(id)) {
                removed.add(Signer.of(certificate));
            } else {
                certificates.add(certificate);
            }
        }
        if (!removed.isEmpty()) {
            writeKeys(keys);
            writeCertificates(certificates);
        }
        return removed;
    }

    private void writeKeys(List<PGPPublicKey> given) throws PluginException {
        // a subkey is kept only after its primary key: alone it could not be read back as a key ring
        List<PGPPublicKey> keys = new ArrayList<>();
        for (PGPPublicKey key : given) {
            if (key.isMasterKey() || !keys.isEmpty()) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            node.remove(KEYS);
        } else {
            node.put(KEYS, armored(keys));
        }
        flush();
    }

    private void writeCertificates(List<Certificate> certificates) throws PluginException {
        if (certificates.isEmpty()) {
            node.remove(CERTIFICATES);
        } else {
            try {
                CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(certificates);
                node.putByteArray(CERTIFICATES, path.getEncoded("PKCS7"));
            } catch (CertificateException e) {
                throw new PluginException(Kind.FAILED, "cannot encode the trusted certificates: " + e.getMessage());
            }
        }
        flush();
    }

    /**
     * Writes the preferences to their file now. p2's profile preferences do not write on flush: they
     * schedule a save job half a second later, which a command-line process may not live to see, so
     * that job is woken and waited for.
     */
    private void flush() throws PluginException {
        try {
            node.flush();
            for (Job job : Job.getJobManager().find(null)) {
                if (SAVE_JOB.equals(job.getClass().getName())) {
                    job.wakeUp();
                    job.join();
                }
            }
        } catch (BackingStoreException e) {
            throw new PluginException(Kind.FAILED, "cannot write the trusted signers into p2's profile preferences: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(Kind.FAILED, "interrupted while writing the trusted signers");
        }
    }

    /**
     * Reads the trusted keys without p2: straight from the preferences file p2 keeps them in, found from
     * the framework properties {@code eclipse.p2.data.area} and {@code eclipse.p2.profile}. For code
     * that runs before p2 starts (the dropins resolver hook).
     *
     * @param context any bundle's context
     * @return the trusted keys; none when the installation has no p2 data area or nothing is trusted
     */
    static List<PGPPublicKey> keys(BundleContext context) {
        return readKeys(keysText(context));
    }

    /**
     * @param context any bundle's context
     * @return the trusted keys as p2 keeps them (armored), or null when there are none
     */
    static String keysText(BundleContext context) {
        Path file = preferencesFile(context);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        Properties preferences = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            preferences.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null; // unreadable: nothing is trusted by it
        }
        return preferences.getProperty(KEYS);
    }

    /** @return where p2 keeps the profile's engine preferences, or null without a p2 data area */
    static Path preferencesFile(BundleContext context) {
        String area = context.getProperty("eclipse.p2.data.area");
        String profile = context.getProperty("eclipse.p2.profile");
        if (area == null || profile == null) {
            return null;
        }
        if (area.startsWith(CONFIG_DIR)) {
            String configuration = context.getProperty("osgi.configuration.area");
            if (configuration == null) {
                return null;
            }
            area = configuration.replaceFirst("/?$", "/") + area.substring(CONFIG_DIR.length()).replaceFirst("^/", "");
        }
        try {
            Path root = area.startsWith("file:") ? Path.of(URI.create(area.replace(" ", "%20"))) : Path.of(area);
            return root.normalize().resolve(NODE).resolve("profileRegistry").resolve(profile + ".profile")
                    .resolve(".data").resolve(".settings").resolve(NODE + ".prefs");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param armored PGP public keys, armored or binary, one or more key rings
     * @return their keys, each primary key (with user IDs and signatures) followed by its subkeys
     */
    static List<PGPPublicKey> readKeys(String armored) {
        if (armored == null || armored.isBlank()) {
            return List.of();
        }
        try {
            return readKeys(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException | PGPException e) {
            return List.of(); // unreadable: nothing is trusted by it
        }
    }

    /** @return the keys of the key rings in a file */
    static List<PGPPublicKey> readKeys(Path file) throws IOException, PGPException {
        try (InputStream in = Files.newInputStream(file)) {
            return readKeys(in);
        }
    }

    private static List<PGPPublicKey> readKeys(InputStream in) throws IOException, PGPException {
        List<PGPPublicKey> keys = new ArrayList<>();
        try (InputStream decoded = PGPUtil.getDecoderStream(in)) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(decoded, new JcaKeyFingerprintCalculator());
            for (PGPPublicKeyRing ring : rings) {
                ring.getPublicKeys().forEachRemaining(keys::add); // the primary key first, then its subkeys
            }
        }
        return keys;
    }

    /** @return keys as one armored block, as p2 reads its trusted keys */
    static String armored(List<PGPPublicKey> keys) throws PluginException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream out = new ArmoredOutputStream(bytes)) {
            for (PGPPublicKey key : keys) {
                key.encode(out);
            }
        } catch (IOException e) {
            throw new PluginException(Kind.FAILED, "cannot encode the trusted keys: " + e.getMessage());
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** @return the certificates in a PEM or DER file */
    static List<Certificate> readCertificates(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }
}
