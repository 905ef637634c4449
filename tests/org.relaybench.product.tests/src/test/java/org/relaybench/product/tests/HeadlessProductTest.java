package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The headless product's command-line face, through its launch script. */
class HeadlessProductTest {

    private static Product product;

    @BeforeAll
    static void copyProduct() throws Exception {
        product = Product.copy("headless");
    }

    @AfterAll
    static void deleteCopies() throws Exception {
        Product.deleteCopies();
    }

    @Test
    void helpListsCommandsAndExitCodes() throws Exception {
        Product.Run run = product.run("--help");
        assertEquals(0, run.exit(), run::err);
        assertTrue(run.out().contains("Usage: relaybench <command>"), run.out());
        assertTrue(run.out().contains("providers"), run.out());
        assertTrue(run.out().contains("2 bad usage or input"), run.out());
        Product.Run commandHelp = product.run("providers", "--help");
        assertEquals(0, commandHelp.exit());
        assertTrue(commandHelp.out().startsWith("Usage: relaybench providers [--check] [--json]"), commandHelp.out());
    }

    @Test
    void providersJsonListsAolWithDomainsAndSettings() throws Exception {
        Product.Run run = product.run("providers", "--json");
        assertEquals(0, run.exit(), run::err);
        JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
        JsonObject aol = provider(root, "aol");
        assertEquals("AOL Mail", aol.get("name").getAsString());
        assertEquals("built-in", aol.getAsJsonObject("origin").get("source").getAsString());
        List<String> domains = strings(aol.getAsJsonArray("domains"));
        assertTrue(domains.containsAll(List.of("aol.com", "aim.com", "verizon.net")), domains::toString);
        JsonObject smtp = aol.getAsJsonArray("outgoing").get(0).getAsJsonObject();
        assertEquals("smtp.aol.com", smtp.get("host").getAsString());
        assertEquals(465, smtp.get("port").getAsInt());
        assertEquals("tls", smtp.get("security").getAsString());
        assertEquals(0, root.getAsJsonArray("problems").size(), run.out());
    }

    @Test
    void brokenDroppedInPluginIsALoadErrorNotACrash() throws Exception {
        Product withDropin = Product.copy("headless-dropins").allowUnsignedDropins();
        Path dropins = Files.createDirectories(withDropin.root().resolve("dropins"));
        Path faulty = Path.of(System.getProperty("relaybench.faultyBundle"));
        Files.copy(faulty, dropins.resolve(faulty.getFileName()));

        Product.Run run = withDropin.run("providers", "--json");
        assertEquals(0, run.exit(), run::err);
        JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
        provider(root, "aol");
        JsonObject ok = provider(root, "faulty-ok");
        assertEquals("dropins", ok.getAsJsonObject("origin").get("source").getAsString());
        JsonObject noName = problem(root, "provider[faulty-no-name]");
        assertEquals("org.relaybench.tests.faulty", noName.get("contributor").getAsString());
        assertTrue(noName.get("reason").getAsString().contains("missing required attribute 'name'"));

        Product.Run text = withDropin.run("providers");
        assertEquals(0, text.exit(), text::err);
        assertTrue(text.out().contains("Load errors (12)"), text.out());
        assertTrue(text.out().contains("org.relaybench.tests.faulty: provider[faulty-no-name]"), text.out());
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() throws Exception {
        Product.Run unknownOption = product.run("providers", "--colour");
        assertEquals(2, unknownOption.exit());
        assertTrue(unknownOption.err().contains("unknown option --colour"), unknownOption.err());
        Product.Run unknownCommand = product.run("frobnicate");
        assertEquals(2, unknownCommand.exit());
        assertTrue(unknownCommand.err().contains("unknown command 'frobnicate'"), unknownCommand.err());
        Product.Run none = product.run();
        assertEquals(2, none.exit());
    }

    private static JsonObject provider(JsonObject root, String id) {
        for (JsonElement e : root.getAsJsonArray("providers")) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("provider " + id + " not listed: " + root);
    }

    private static JsonObject problem(JsonObject root, String element) {
        for (JsonElement e : root.getAsJsonArray("problems")) {
            if (e.getAsJsonObject().get("element").getAsString().equals(element)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no problem for " + element + ": " + root.getAsJsonArray("problems"));
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }
}
