package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * Only trusted plugins are installed: {@code relaybench plugins install} of the example plugin's
 * update site, signed with PGP by its build, unsigned (signatures stripped), tampered with (one byte
 * changed after signing) and signed with jarsigner instead, into copies of the headless product, with
 * and without the key or certificate trusted. Exit code 4 and nothing installed when refused; the
 * product's own providers unaffected.
 */
class TrustedPluginsTest {

    private static final int REFUSED = 4;

    private static ExampleBuild example;
    private static Path work;

    @BeforeAll
    static void buildTheExample() throws Exception {
        example = ExampleBuild.get();
        work = Files.createDirectories(Path.of(System.getProperty("relaybench.work"), "trust-repositories"));
    }

    @AfterAll
    static void deleteCopies() throws Exception {
        Product.deleteCopies();
    }

    @Test
    void unsignedIsRefusedByDefaultAndAcceptedWithAllowUnsigned() throws Exception {
        Product product = Product.copy("trust-unsigned");
        String unsigned = RepositoryCopies.unsigned(example.repository(), work.resolve("unsigned")).toUri().toString();

        Product.Run refused = product.run("plugins", "install", unsigned, ExampleBuild.FEATURE);
        assertEquals(REFUSED, refused.exit(), refused::err);
        assertTrue(refused.err().contains("refused, nothing was installed"), refused.err());
        assertTrue(refused.err().contains(ExampleBuild.BUNDLE + " 1.0.0.") && refused.err().contains(": not signed"),
                "lists the unsigned artifact: " + refused.err());
        assertTrue(refused.err().contains("--allow-unsigned"), "says how to accept it: " + refused.err());
        assertNothingInstalled(product);

        Product.Run allowed = product.run("plugins", "install", "--allow-unsigned", unsigned, ExampleBuild.FEATURE);
        assertEquals(0, allowed.exit(), allowed::err);
        assertInstalled(product);
        assertEquals("Trusted signers (0)", product.run("plugins", "trust", "list").out().strip(),
                "allowing unsigned content is not kept");
    }

    @Test
    void signedIsRefusedUntilItsKeyIsTrustedThenInstalled() throws Exception {
        Product product = Product.copy("trust-signed");
        String signed = example.repository().toUri().toString();
        String fingerprint = example.key().fingerprint();

        Product.Run refused = product.run("plugins", "install", signed, ExampleBuild.FEATURE);
        assertEquals(REFUSED, refused.exit(), refused::err);
        assertTrue(refused.err().contains("signed by PGP key " + fingerprint), "names the signer: " + refused.err());
        assertTrue(refused.err().contains("Example Net plugins (test key)"), refused.err());
        assertTrue(refused.err().contains("--trust-key FILE|FINGERPRINT"), refused.err());
        assertNothingInstalled(product);
        Product.Run unsignedAllowed = product.run("plugins", "install", "--allow-unsigned", signed, ExampleBuild.FEATURE);
        assertEquals(REFUSED, unsignedAllowed.exit(), "--allow-unsigned does not trust a signer: " + unsignedAllowed.err());
        assertNothingInstalled(product);

        Product.Run trusted = product.run("plugins", "install", "--trust-key", example.key().publicKey().toString(), signed,
                ExampleBuild.FEATURE);
        assertEquals(0, trusted.exit(), trusted::err);
        assertInstalled(product);
        JsonObject list = Outputs.json(product.run("plugins", "trust", "list", "--json"));
        List<JsonObject> signers = Outputs.objects(list, "trusted");
        assertEquals(1, signers.size(), list::toString);
        assertEquals("pgp", signers.get(0).get("kind").getAsString());
        assertEquals(fingerprint, signers.get(0).get("id").getAsString());

        // the trust is kept: after a remove, installing again needs no option; removing the key refuses again
        assertEquals(0, product.run("plugins", "remove", ExampleBuild.FEATURE).exit());
        Product.Run again = product.run("plugins", "install", signed, ExampleBuild.FEATURE);
        assertEquals(0, again.exit(), again::err);
        assertEquals(0, product.run("plugins", "remove", ExampleBuild.FEATURE).exit());
        Product.Run distrust = product.run("plugins", "trust", "remove", fingerprint.substring(fingerprint.length() - 16));
        assertEquals(0, distrust.exit(), distrust::err);
        assertTrue(distrust.out().contains("No longer trusted: PGP key " + fingerprint), distrust.out());
        assertEquals(REFUSED, product.run("plugins", "install", signed, ExampleBuild.FEATURE).exit());
        assertNotInstalled(product); // the jar of the first install may stay in p2's bundle pool, unused
    }

    @Test
    void aKeyMayBeTrustedByFingerprintOrAddedBeforehand() throws Exception {
        Product byFingerprint = Product.copy("trust-fingerprint");
        String signed = example.repository().toUri().toString();
        Product.Run run = byFingerprint.run("plugins", "install", "--trust-key", example.key().fingerprint(), signed);
        assertEquals(0, run.exit(), run::err);
        assertInstalled(byFingerprint);
        assertTrue(byFingerprint.run("plugins", "trust", "list").out().contains(example.key().fingerprint()));

        Product added = Product.copy("trust-added");
        Product.Run add = added.run("plugins", "trust", "add", example.key().publicKey().toString());
        assertEquals(0, add.exit(), add::err);
        assertTrue(add.out().startsWith("Trusted PGP key " + example.key().fingerprint()), add.out());
        Product.Run install = added.run("plugins", "install", signed, ExampleBuild.FEATURE);
        assertEquals(0, install.exit(), install::err);
        assertInstalled(added);

        Product.Run wrongKey = added.run("plugins", "install", "--trust-key", "0123456789ABCDEF0123", signed);
        assertEquals(0, wrongKey.exit(), "already installed: " + wrongKey.err());
        assertEquals(2, added.run("plugins", "trust", "remove", "0123456789ABCDEF").exit(), "no such trusted key");
        assertEquals(2, added.run("plugins", "trust", "add", added.root().resolve("relaybench").toString()).exit(),
                "a file that holds no key nor certificate");
    }

    @Test
    void aTamperedArtifactIsRefusedWhateverIsTrusted() throws Exception {
        Product product = Product.copy("trust-tampered");
        String tampered = RepositoryCopies.tampered(example.repository(), work.resolve("tampered")).toUri().toString();
        assertEquals(0, product.run("plugins", "trust", "add", example.key().publicKey().toString()).exit());

        Product.Run refused = product.run("plugins", "install", "--allow-unsigned", "--trust-key",
                example.key().fingerprint(), tampered, ExampleBuild.FEATURE);
        assertEquals(REFUSED, refused.exit(), refused::err);
        assertTrue(refused.err().contains("does not match its signature"), refused.err());
        assertNothingInstalled(product);
    }

    @Test
    void aJarSignedWithAnUntrustedCertificateIsRefusedUntilTheCertificateIsTrusted() throws Exception {
        Path keys = Files.createDirectories(work.resolve("jarsigner"));
        Path keystore = keys.resolve("signer.p12");
        Files.deleteIfExists(keystore);
        String password = "test-" + System.nanoTime();
        tool("keytool", "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password,
                "-alias", "signer", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=Example Net Code Signing (test),O=Example Net");
        Path certificate = keys.resolve("signer.pem");
        tool("keytool", "-exportcert", "-rfc", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass",
                password, "-alias", "signer", "-file", certificate.toString());
        Path repository = RepositoryCopies.jarSigned(example.repository(), work.resolve("jarsigned"),
                jar -> tool("jarsigner", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password,
                        jar.toString(), "signer"));
        Product product = Product.copy("trust-certificate");

        Product.Run refused = product.run("plugins", "install", repository.toUri().toString(), ExampleBuild.FEATURE);
        assertEquals(REFUSED, refused.exit(), refused::err);
        assertTrue(refused.err().contains("signed with certificate CN=Example Net Code Signing (test),O=Example Net"),
                "names the certificate's subject: " + refused.err());
        assertNothingInstalled(product);

        Product.Run trusted = product.run("plugins", "install", "--trust-cert", certificate.toString(),
                repository.toUri().toString(), ExampleBuild.FEATURE);
        assertEquals(0, trusted.exit(), trusted::err);
        assertInstalled(product);
        assertTrue(product.run("plugins", "trust", "list").out().contains("x509"), "the certificate is kept");
    }

    private static void tool(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new AssertionError(name + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void assertNothingInstalled(Product product) throws Exception {
        assertNotInstalled(product);
        assertEquals(List.of(), jars(product), "no artifact of the plugin is left in the installation");
    }

    private static void assertNotInstalled(Product product) throws Exception {
        assertEquals("Plugins (0)", product.run("plugins", "list").out().strip());
        assertFalse(Outputs.provider(Outputs.json(product.run("providers", "--json")), "examplenet").isPresent());
        assertBuiltInsUnaffected(product);
    }

    private static void assertInstalled(Product product) throws Exception {
        JsonObject providers = Outputs.json(product.run("providers", "--json"));
        JsonObject examplenet = Outputs.provider(providers, "examplenet")
                .orElseThrow(() -> new AssertionError("examplenet not listed after install: " + providers));
        assertEquals("p2", Outputs.source(examplenet));
        assertEquals(List.of(), Outputs.problems(providers, ExampleBuild.BUNDLE));
        assertBuiltInsUnaffected(product);
    }

    /** The product's own providers are installed with it, not through plugins install: never checked, never refused. */
    static void assertBuiltInsUnaffected(Product product) throws Exception {
        JsonObject providers = Outputs.json(product.run("providers", "--json"));
        for (String id : List.of("aol", "gmail", "yahoo")) {
            JsonObject provider = Outputs.provider(providers, id)
                    .orElseThrow(() -> new AssertionError(id + " is missing: " + providers));
            assertEquals("built-in", Outputs.source(provider), id);
        }
        assertEquals(List.of(), Outputs.problems(providers, "org.relaybench.providers.aol"));
    }

    private static List<Path> jars(Product product) throws IOException {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(product.root().resolve("plugins"),
                ExampleBuild.BUNDLE + "_*.jar")) {
            return StreamSupport.stream(found.spliterator(), false).toList();
        }
    }
}
