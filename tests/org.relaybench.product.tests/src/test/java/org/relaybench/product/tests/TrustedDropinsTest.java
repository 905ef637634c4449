package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * A bundle dropped into {@code dropins/} starts only when a key the installation trusts signed it (a
 * detached {@code .asc} PGP signature beside the jar), or when the installation allows unsigned
 * dropins ({@code relaybench.dropins.allowUnsigned=true} in config.ini). Otherwise it is listed as a
 * load problem and none of its providers loads; the product's own providers are unaffected.
 */
class TrustedDropinsTest {

    private static ExampleBuild example;

    @BeforeAll
    static void buildTheExample() throws Exception {
        example = ExampleBuild.get();
    }

    @AfterAll
    static void deleteCopies() throws Exception {
        Product.deleteCopies();
    }

    @Test
    void anUnsignedDropinIsNotStartedUnlessTheInstallationAllowsIt() throws Exception {
        Product product = Product.copy("dropins-unsigned");
        dropIn(product);
        assertNotStarted(product, "it is not signed (no " + example.bundleJar().getFileName() + ".asc beside it)");

        product.allowUnsignedDropins();
        assertStarted(product);
    }

    @Test
    void aSignedDropinStartsOnceItsKeyIsTrustedAndStopsWhenItIsNoLonger() throws Exception {
        Product product = Product.copy("dropins-signed");
        example.key().detachSign(dropIn(product));
        assertNotStarted(product, "it is signed by PGP key " + example.key().fingerprint().substring(24)
                + ", which this Relaybench does not trust");

        assertEquals(0, product.run("plugins", "trust", "add", example.key().publicKey().toString()).exit());
        assertStarted(product);

        assertEquals(0, product.run("plugins", "trust", "remove", example.key().fingerprint()).exit());
        assertNotStarted(product, "which this Relaybench does not trust");
    }

    @Test
    void aDropinChangedAfterSigningIsNotStartedWhateverIsTrusted() throws Exception {
        Product product = Product.copy("dropins-tampered");
        Path jar = dropIn(product);
        example.key().detachSign(jar);
        assertEquals(0, product.run("plugins", "trust", "add", example.key().publicKey().toString()).exit());
        assertStarted(product); // resolved once: the next start must take it back

        byte[] bytes = Files.readAllBytes(jar);
        bytes[10] ^= 0x01; // the first entry's modification time: still a valid jar
        Files.write(jar, bytes);
        assertNotStarted(product, "it does not match its signature by PGP key " + example.key().fingerprint());
        assertNotStarted(product, "it was changed after it was signed"); // and at every start after
    }

    private static Path dropIn(Product product) throws Exception {
        Path dropins = Files.createDirectories(product.root().resolve("dropins"));
        return Files.copy(example.bundleJar(), dropins.resolve(example.bundleJar().getFileName()));
    }

    private static void assertNotStarted(Product product, String why) throws Exception {
        JsonObject providers = Outputs.json(product.run("providers", "--json"));
        assertFalse(Outputs.provider(providers, "examplenet").isPresent(), "examplenet must not load: " + providers);
        List<JsonObject> problems = Outputs.problems(providers, ExampleBuild.BUNDLE);
        assertTrue(problems.stream().anyMatch(p -> p.get("reason").getAsString().startsWith(
                "not started: no key this Relaybench trusts signed it: ") && p.get("reason").getAsString().contains(why)),
                "a load problem says why: " + problems);
        TrustedPluginsTest.assertBuiltInsUnaffected(product);
    }

    private static void assertStarted(Product product) throws Exception {
        JsonObject providers = Outputs.json(product.run("providers", "--json"));
        JsonObject examplenet = Outputs.provider(providers, "examplenet")
                .orElseThrow(() -> new AssertionError("examplenet not loaded from dropins: " + providers));
        assertEquals("dropins", Outputs.source(examplenet));
        assertEquals(List.of(), Outputs.problems(providers, ExampleBuild.BUNDLE));
        TrustedPluginsTest.assertBuiltInsUnaffected(product);
    }
}
