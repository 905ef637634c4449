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
 * The example third-party plugin, built by its own Tycho reactor, installed into a copy of the
 * materialized headless product both ways (p2 from its update site, and a jar in dropins/), listed
 * with its origin by {@code relaybench providers --json}, used by a diagnosis, and removed again.
 */
class ExamplePluginTest {

    private static final String[] EXAMPLENET_ALIAS = { "diagnose", "--email", "anna@examplenet.example",
            "--smtp-host", "smtp.examplenet.example", "--smtp-port", "465", "--smtp-security", "tls",
            "--smtp-user", "bob@examplenet.example", "--json" };

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
    void installedByP2ItIsListedWithOriginP2AndRemovedAgain() throws Exception {
        Product product = Product.copy("example-p2");
        assertFalse(Outputs.provider(Outputs.json(product.run("providers", "--json")), "examplenet").isPresent());

        long start = System.nanoTime();
        Product.Run install = product.run("plugins", "install", "--trust-key", example.key().publicKey().toString(),
                example.repository().toUri().toString(), ExampleBuild.FEATURE);
        System.out.println("plugins install took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertEquals(0, install.exit(), install::err);
        assertTrue(install.out().startsWith("Installed " + ExampleBuild.FEATURE + ".feature.group "), install.out());

        JsonObject providers = Outputs.json(product.run("providers", "--json"));
        JsonObject examplenet = Outputs.provider(providers, "examplenet").orElseThrow(
                () -> new AssertionError("examplenet not listed after install: " + providers));
        assertEquals("p2", Outputs.source(examplenet));
        assertEquals(ExampleBuild.BUNDLE, examplenet.getAsJsonObject("origin").get("bundle").getAsString());
        assertEquals("built-in", Outputs.source(Outputs.provider(providers, "aol").orElseThrow()),
                "the product's own providers stay built-in");
        assertEquals(List.of(), Outputs.problems(providers, ExampleBuild.BUNDLE));

        JsonObject plugin = Outputs.objects(Outputs.json(product.run("plugins", "list", "--json")), "plugins").get(0);
        assertEquals(ExampleBuild.FEATURE + ".feature.group", plugin.get("id").getAsString());
        assertEquals("p2", plugin.get("source").getAsString());
        JsonObject bundle = plugin.getAsJsonArray("bundles").get(0).getAsJsonObject();
        assertEquals(ExampleBuild.BUNDLE, bundle.get("bundle").getAsString());
        assertEquals("examplenet", bundle.getAsJsonArray("providers").get(0).getAsJsonObject().get("id").getAsString());

        JsonObject diagnosis = Outputs.json(product.run(EXAMPLENET_ALIAS));
        assertEquals("examplenet", diagnosis.getAsJsonObject("provider").get("id").getAsString());
        assertEquals("examplenet.sender-alias",
                diagnosis.getAsJsonArray("findings").get(0).getAsJsonObject().get("code").getAsString(),
                "the plugin's code rule runs");

        Product.Run remove = product.run("plugins", "remove", ExampleBuild.FEATURE);
        assertEquals(0, remove.exit(), remove::err);
        assertFalse(Outputs.provider(Outputs.json(product.run("providers", "--json")), "examplenet").isPresent(),
                "examplenet is gone after remove");
        assertEquals(0, Outputs.json(product.run("plugins", "list", "--json")).getAsJsonArray("plugins").size());
    }

    @Test
    void droppedIntoDropinsItIsListedWithOriginDropinsAndRemovedAgain() throws Exception {
        Product product = Product.copy("example-dropins");
        Path dropins = Files.createDirectories(product.root().resolve("dropins"));
        Path jar = Files.copy(example.bundleJar(), dropins.resolve(example.bundleJar().getFileName()));
        Path signature = example.key().detachSign(jar); // a dropped-in jar loads when a trusted key signed it
        assertEquals(0, product.run("plugins", "trust", "add", example.key().publicKey().toString()).exit());

        JsonObject providers = Outputs.json(product.run("providers", "--json"));
        JsonObject examplenet = Outputs.provider(providers, "examplenet").orElseThrow(
                () -> new AssertionError("examplenet not listed from dropins: " + providers));
        assertEquals("dropins", Outputs.source(examplenet));
        JsonObject plugin = Outputs.objects(Outputs.json(product.run("plugins", "list", "--json")), "plugins").get(0);
        assertEquals(ExampleBuild.BUNDLE, plugin.get("id").getAsString());
        assertEquals("dropins", plugin.get("source").getAsString());
        assertEquals(jar.toString(), plugin.get("location").getAsString());

        Product.Run remove = product.run("plugins", "remove", ExampleBuild.BUNDLE);
        assertEquals(0, remove.exit(), remove::err);
        assertFalse(Files.exists(jar), "remove deletes the dropped-in jar");
        assertFalse(Files.exists(signature), "and its signature");
        assertFalse(Outputs.provider(Outputs.json(product.run("providers", "--json")), "examplenet").isPresent());

        // and the plain way: deleting the file by hand
        Files.copy(example.bundleJar(), jar);
        example.key().detachSign(jar);
        assertTrue(Outputs.provider(Outputs.json(product.run("providers", "--json")), "examplenet").isPresent());
        Files.delete(jar);
        assertFalse(Outputs.provider(Outputs.json(product.run("providers", "--json")), "examplenet").isPresent());
    }

    @Test
    void reinstallingIsHarmlessAndTheFeatureIdMayBeGivenWithItsSuffix() throws Exception {
        Product product = Product.copy("example-twice");
        String repository = example.repository().toString(); // a plain folder works too
        assertEquals(0, product.run("plugins", "install", "--trust-key", example.key().fingerprint(), repository,
                ExampleBuild.FEATURE + ".feature.group").exit());
        Product.Run again = product.run("plugins", "install", repository);
        assertEquals(0, again.exit(), again::err);
        assertTrue(again.out().startsWith("Already installed: "), again.out());
    }
}
