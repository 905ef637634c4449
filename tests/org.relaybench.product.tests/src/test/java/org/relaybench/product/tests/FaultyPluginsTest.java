package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Every kind of faulty provider plugin dropped into a copy of the headless product at once: the
 * diagnoses of other providers' accounts do not change, each faulty plugin is listed with its reason,
 * and even the faulty providers' own accounts are diagnosed to the end.
 */
class FaultyPluginsTest {

    private static final String IOS_RELAYING = "A copy has been placed in your Outbox. The recipient \"sam@example.org\""
            + " was rejected by the server because it does not allow relaying.";
    /** The seed case: AOL on iOS 12 without outgoing authentication. */
    private static final String[] AOL = { "diagnose", "--email", "someone@aol.com", "--client", "ios-12",
            "--smtp-host", "smtp.aol.com", "--smtp-port", "587", "--smtp-security", "starttls", "--smtp-auth", "none",
            "--error", IOS_RELAYING, "--json" };
    /** A small ISP nobody has a plugin for: the generic provider, port 25, Postfix's refusal. */
    private static final String[] GENERIC = { "diagnose", "--email", "office@small-isp.example", "--client",
            "thunderbird", "--smtp-host", "mail.small-isp.example", "--smtp-port", "25", "--smtp-security", "none",
            "--smtp-auth", "none", "--error", "554 5.7.1 <sam@example.org>: Relay access denied", "--json" };

    private static Product clean;
    private static Product faulty;

    @BeforeAll
    static void products() throws Exception {
        clean = Product.copy("faulty-baseline");
        faulty = Product.copy("faulty-plugins").allowUnsignedDropins();
        FaultyPlugins.writeAll(faulty.root().resolve("dropins"));
    }

    @AfterAll
    static void deleteCopies() throws Exception {
        Product.deleteCopies();
    }

    @Test
    void diagnosesOfOtherProvidersDoNotChange() throws Exception {
        for (String[] account : List.of(AOL, GENERIC)) {
            JsonObject before = Outputs.json(clean.run(account));
            JsonObject after = Outputs.json(faulty.run(account));
            assertEquals(before.get("provider"), after.get("provider"));
            assertEquals(before.get("findings"), after.get("findings"), "findings for " + account[2]);
            assertEquals(before.get("procedures"), after.get("procedures"));
            assertEquals(0, after.getAsJsonArray("errors").size(), () -> after.get("errors").toString());
            assertTrue(after.getAsJsonArray("findings").size() > 0);
        }
    }

    @Test
    void providersListsEveryFaultyPluginWithItsReason() throws Exception {
        JsonObject clean = Outputs.json(FaultyPluginsTest.clean.run("providers", "--json"));
        JsonObject listed = Outputs.json(faulty.run("providers", "--check", "--json"));

        assertTrue(reason(listed, FaultyPlugins.MALFORMED).contains("missing required attribute 'name'"));
        assertTrue(reason(listed, FaultyPlugins.CLASS_MISSING)
                .contains("class org.relaybench.tests.faulty.NoSuchRule could not be created"));
        assertTrue(reason(listed, FaultyPlugins.THROWS).contains("rule threw java.lang.IllegalStateException"));
        assertTrue(reason(listed, FaultyPlugins.LOOPS).contains("rule did not finish within its budget"));
        String unresolved = reason(listed, FaultyPlugins.UNRESOLVED);
        assertTrue(unresolved.contains("Require-Bundle org.relaybench.tests.nowhere [1.0.0,2.0.0)"), unresolved);
        assertTrue(Outputs.problems(listed, FaultyPlugins.UNRESOLVED.bundle()).get(0).get("skipped").getAsString()
                .contains("quarantined"));
        assertFalse(Outputs.provider(listed, "unresolved-isp").isPresent(), "an unresolved plugin's provider never loads");
        assertFalse(Outputs.provider(listed, "malformed-isp").isPresent());

        // every provider of the clean product is still there, unchanged
        for (JsonObject p : Outputs.objects(clean, "providers")) {
            assertEquals(p, Outputs.provider(listed, p.get("id").getAsString()).orElseThrow());
        }
        // the faulty providers whose contribution is valid load, from dropins
        for (FaultyPlugins.Kind kind : List.of(FaultyPlugins.CLASS_MISSING, FaultyPlugins.THROWS, FaultyPlugins.LOOPS)) {
            assertEquals("dropins", Outputs.source(Outputs.provider(listed, kind.provider()).orElseThrow()));
        }
    }

    @Test
    void withoutCheckTheContributionAndResolutionFaultsAreListedAlready() throws Exception {
        JsonObject listed = Outputs.json(faulty.run("providers", "--json"));
        assertFalse(Outputs.problems(listed, FaultyPlugins.MALFORMED.bundle()).isEmpty());
        assertFalse(Outputs.problems(listed, FaultyPlugins.UNRESOLVED.bundle()).isEmpty());
        Product.Run text = faulty.run("providers");
        assertTrue(text.out().contains("org.relaybench.tests.plugin.unresolved: bundle org.relaybench.tests.plugin.unresolved"
                + " 1.0.0 (org.relaybench.tests.plugin.unresolved_1.0.0.jar)"), text.out());
    }

    @Test
    void faultyProvidersOwnAccountsAreDiagnosedToTheEndWithTheFaultsAsErrors() throws Exception {
        for (FaultyPlugins.Kind kind : List.of(FaultyPlugins.CLASS_MISSING, FaultyPlugins.THROWS, FaultyPlugins.LOOPS)) {
            long start = System.nanoTime();
            JsonObject d = Outputs.json(faulty.run("diagnose", "--email", "someone@" + kind.provider() + ".example",
                    "--smtp-host", "smtp." + kind.provider() + ".example", "--smtp-port", "587", "--smtp-security",
                    "starttls", "--smtp-auth", "none", "--error", IOS_RELAYING, "--json"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(kind.provider(), d.getAsJsonObject("provider").get("id").getAsString());
            assertEquals("smtp-auth-missing", d.getAsJsonArray("findings").get(0).getAsJsonObject().get("code")
                    .getAsString(), "the built-in checks still find the cause");
            assertEquals(1, d.getAsJsonArray("errors").size(), () -> kind + ": " + d.get("errors"));
            assertTrue(millis < 60_000, kind + " took " + millis + " ms");
        }
    }

    @Test
    void pluginsListShowsTheDroppedInPluginsAndTheirProblems() throws Exception {
        JsonObject list = Outputs.json(faulty.run("plugins", "list", "--json"));
        List<String> ids = Outputs.objects(list, "plugins").stream().map(p -> p.get("id").getAsString()).toList();
        assertEquals(FaultyPlugins.ALL.stream().map(FaultyPlugins.Kind::bundle).sorted().toList(), ids);
        JsonObject unresolved = Outputs.objects(list, "plugins").stream()
                .filter(p -> p.get("id").getAsString().equals(FaultyPlugins.UNRESOLVED.bundle())).findFirst().orElseThrow();
        String problems = unresolved.getAsJsonArray("bundles").get(0).getAsJsonObject().getAsJsonArray("problems")
                .asList().stream().map(JsonElement::toString).collect(Collectors.joining());
        assertTrue(problems.contains("org.relaybench.tests.nowhere"), problems);
    }

    private static String reason(JsonObject providers, FaultyPlugins.Kind kind) {
        List<JsonObject> problems = Outputs.problems(providers, kind.bundle());
        if (problems.isEmpty()) {
            throw new AssertionError(kind + " is not listed: " + providers.get("problems"));
        }
        return problems.stream().map(p -> p.get("element").getAsString() + ": " + p.get("reason").getAsString())
                .collect(Collectors.joining("\n"));
    }
}
