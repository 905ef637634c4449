package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code relaybench diagnose} through the product's launch script. */
class DiagnoseCommandTest {

    private static final String IOS_RELAYING = "A copy has been placed in your Outbox. The recipient \"sam@example.org\""
            + " was rejected by the server because it does not allow relaying.";
    private static final String[] AOL_IOS12 = { "diagnose", "--email", "someone@aol.com", "--client", "ios-12",
            "--smtp-host", "smtp.aol.com", "--smtp-port", "587", "--smtp-security", "starttls", "--smtp-auth", "none",
            "--error", IOS_RELAYING };

    private static Product product;

    @BeforeAll
    static void copyProduct() throws Exception {
        product = Product.copy("diagnose");
    }

    @AfterAll
    static void deleteCopies() throws Exception {
        Product.deleteCopies();
    }

    @Test
    void issueExampleRanksAuthMissingFirstAndShowsAolStepsForIos12() throws Exception {
        Product.Run run = product.run(AOL_IOS12);
        assertEquals(0, run.exit(), run::err);
        String out = run.out();
        assertTrue(out.contains("Provider: AOL Mail [aol]"), out);
        assertTrue(out.contains(" 1. ERROR   smtp-auth-missing"), out);
        assertTrue(out.contains("Recommended procedure: Check the AOL outgoing server (SMTP) settings [aol-smtp-settings], worded for ios-12"), out);
        assertTrue(out.contains("1. Open Settings > Passwords & Accounts, tap the AOL account"), out);
    }

    @Test
    void jsonHasThePromisedShape() throws Exception {
        String[] args = java.util.Arrays.copyOf(AOL_IOS12, AOL_IOS12.length + 1);
        args[args.length - 1] = "--json";
        Product.Run run = product.run(args);
        assertEquals(0, run.exit(), run::err);
        JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("someone@aol.com", root.get("email").getAsString());
        assertEquals("aol", root.getAsJsonObject("provider").get("id").getAsString());
        JsonObject top = root.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("smtp-auth-missing", top.get("code").getAsString());
        assertEquals("error", top.get("severity").getAsString());
        assertTrue(top.get("confidence").getAsDouble() > 0.9);
        for (String member : new String[] { "title", "evidence", "provider", "rule", "procedure" }) {
            assertTrue(top.has(member), member);
        }
        assertTrue(root.get("probe").isJsonNull());
        assertEquals(0, root.getAsJsonArray("errors").size());
        String step = root.getAsJsonObject("procedures").getAsJsonObject("aol-smtp-settings").getAsJsonArray("steps")
                .get(0).getAsJsonObject().get("text").getAsString();
        assertTrue(step.contains("Passwords & Accounts"), step);
    }

    @Test
    void failOnGivesExitOneAndCorrectSettingsExitZero() throws Exception {
        String[] failing = java.util.Arrays.copyOf(AOL_IOS12, AOL_IOS12.length + 2);
        failing[failing.length - 2] = "--fail-on";
        failing[failing.length - 1] = "error";
        assertEquals(1, product.run(failing).exit());
        Product.Run ok = product.run("diagnose", "--email", "ok@aol.com", "--smtp-host", "smtp.aol.com", "--smtp-port",
                "465", "--smtp-security", "tls", "--smtp-auth", "password", "--smtp-user", "ok@aol.com", "--fail-on",
                "warning");
        assertEquals(0, ok.exit(), ok::out);
        assertTrue(ok.out().contains("No problem found"), ok.out());
    }

    @Test
    void passwordFromEnvironmentNeverAppears() throws Exception {
        String secret = "Tr0ub4dor&3-do-not-print";
        Product.Run run = product.run(Map.of("CUSTOMER_PW", secret), "diagnose", "--email", "p@aol.com",
                "--smtp-host", "smtp.aol.com", "--smtp-port", "465", "--smtp-security", "tls", "--smtp-user", "p",
                "--password-env", "CUSTOMER_PW", "--json");
        assertEquals(0, run.exit(), run::err);
        assertFalse(run.out().contains(secret) || run.err().contains(secret), "the password leaked");
        assertTrue(run.out().contains("smtp-username-form"), run.out());
        Product.Run missing = product.run("diagnose", "--email", "p@aol.com", "--password-env", "NO_SUCH_VARIABLE_X");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("NO_SUCH_VARIABLE_X is not set"), missing.err());
    }

    @Test
    void accountFilesAreReadAndPasswordsInThemRefused() throws Exception {
        Path examples = Path.of(System.getProperty("relaybench.root")).resolve("examples/accounts");
        Product.Run icloud = product.run("diagnose", "--account", examples.resolve("icloud-iphone-relaying.json").toString(),
                "--json");
        assertEquals(0, icloud.exit(), icloud::err);
        JsonObject root = JsonParser.parseString(icloud.out()).getAsJsonObject();
        assertEquals("icloud", root.getAsJsonObject("provider").get("id").getAsString());
        root.getAsJsonArray("findings").forEach(f -> assertFalse(
                f.getAsJsonObject().get("code").getAsString().equals("smtp-auth-missing"),
                "no outgoing-password advice for iCloud on iOS"));
        assertEquals("account-stale", root.getAsJsonArray("findings").get(0).getAsJsonObject().get("code").getAsString());

        Path withPassword = Files.writeString(Files.createTempFile("account", ".json"),
                "{\"email\": \"a@aol.com\", \"outgoing\": {\"host\": \"smtp.aol.com\", \"password\": \"hunter2\"}}");
        Product.Run refused = product.run("diagnose", "--account", withPassword.toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("$.outgoing.password"), refused.err());
        assertFalse(refused.err().contains("hunter2"));

        Path broken = Files.writeString(Files.createTempFile("account", ".json"), "{\"email\": \"a@aol.com\", \"outgoing\": [");
        Product.Run bad = product.run("diagnose", "--account", broken.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("not valid JSON"), bad.err());
    }
}
