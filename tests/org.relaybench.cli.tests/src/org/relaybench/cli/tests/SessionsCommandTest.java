package org.relaybench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaybench.tests.common.db.Backend;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code relaybench diagnose --store ... --customer ... --ticket ...} and {@code relaybench sessions
 * list|show}, run in this OSGi runtime with the real services, on both databases.
 */
class SessionsCommandTest {

    /** The error text iPhone Mail shows when the outgoing server refuses to relay. */
    static final String RELAYING = "A copy has been placed in your Outbox. The recipient \"sam@example.org\" was"
            + " rejected by the server because it does not allow relaying.";

    private static final String[] AOL_IOS12 = { "diagnose", "--email", "someone@aol.com", "--client", "ios-12",
            "--smtp-host", "smtp.aol.com", "--smtp-port", "587", "--smtp-security", "starttls", "--smtp-auth", "none",
            "--error", SessionsCommandTest.RELAYING };

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void diagnoseLogsASessionThatListAndShowFind(Backend backend) throws Exception {
        String url = backend.freshStore("cli");
        CliRun diagnose = CliRun.run(null, with(AOL_IOS12, "--store", url, "--customer", "Ann Example", "--ticket",
                "HD-4711", "--agent", "desk-7"));
        assertEquals(0, diagnose.exit(), diagnose::err);
        Matcher m = Pattern.compile("Session ([0-9a-f-]{36}) logged in ").matcher(diagnose.out());
        assertTrue(m.find(), diagnose.out());
        String id = m.group(1);

        CliRun list = CliRun.run(null, "sessions", "list", "--store", url, "--ticket", "hd-4711");
        assertEquals(0, list.exit(), list::err);
        assertTrue(list.out().contains(id) && list.out().contains("Ann Example") && list.out().contains("smtp-auth-missing"),
                list.out());

        CliRun json = CliRun.run(null, "sessions", "list", "--store", url, "--provider", "aol", "--cause",
                "smtp-auth-missing", "--status", "open", "--since", "2020-01-01", "--text", "relaying", "--json");
        assertEquals(0, json.exit(), json::err);
        JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
        JsonArray sessions = root.getAsJsonArray("sessions");
        assertEquals(1, sessions.size(), json.out());
        JsonObject s = sessions.get(0).getAsJsonObject();
        assertEquals(id, s.get("id").getAsString());
        assertEquals("desk-7", s.get("agent").getAsString());
        assertEquals("aol", s.get("provider").getAsString());
        assertEquals("someone@aol.com", s.get("email").getAsString());
        assertEquals(2, s.get("changes").getAsInt());
        assertEquals(false, root.get("more").getAsBoolean());

        CliRun none = CliRun.run(null, "sessions", "list", "--store", url, "--until", "2020-01-01");
        assertEquals(0, none.exit(), none::err);
        assertTrue(none.out().contains("No sessions found."), none.out());

        CliRun show = CliRun.run(null, "sessions", "show", id, "--store", url);
        assertEquals(0, show.exit(), show::err);
        for (String expected : new String[] { "Customer: Ann Example", "Ticket: HD-4711", "smtp.aol.com:587 starttls",
                "smtp-auth-missing", "Audit trail:", "opened for Ann Example" }) {
            assertTrue(show.out().contains(expected), expected + " in\n" + show.out());
        }
        CliRun showJson = CliRun.run(null, "sessions", "show", id, "--store", url, "--json");
        assertEquals(0, showJson.exit(), showJson::err);
        JsonObject full = JsonParser.parseString(showJson.out()).getAsJsonObject();
        assertEquals("someone@aol.com", full.getAsJsonObject("account").get("email").getAsString());
        assertEquals("smtp-auth-missing", full.getAsJsonArray("diagnoses").get(0).getAsJsonObject()
                .getAsJsonArray("findings").get(0).getAsJsonObject().get("code").getAsString());
        assertEquals(2, full.getAsJsonArray("audit").size());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void diagnoseJsonNamesTheSession(Backend backend) throws Exception {
        String url = backend.freshStore("clijson");
        CliRun run = CliRun.run(null, with(AOL_IOS12, "--store", url, "--ticket", "HD-1", "--json"));
        assertEquals(0, run.exit(), run::err);
        JsonObject session = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("session");
        String id = session.get("id").getAsString();
        assertTrue(CliRun.run(null, "sessions", "show", id, "--store", url).out().contains("Ticket: HD-1"));
    }

    @org.junit.jupiter.api.Test
    void anUnreachableStoreStillPrintsTheDiagnosisAndNeverThePassword() {
        CliRun run = CliRun.run(null, with(AOL_IOS12, "--store",
                "jdbc:postgresql://127.0.0.1:25999/none?user=rb&password=hunter2-secret", "--customer", "X"));
        assertEquals(3, run.exit(), run::err);
        assertTrue(run.out().contains("smtp-auth-missing"), run.out());
        assertTrue(run.err().contains("the session was not logged: cannot open the session store"), run.err());
        assertTrue(run.err().contains("password=***"), run.err());
        assertTrue(!(run.out() + run.err()).contains("hunter2-secret"), run.err());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void badUsageExitsTwo(Backend backend) throws Exception {
        String url = backend.freshStore("cliusage");
        assertEquals(2, CliRun.run(null, "sessions").exit());
        assertEquals(2, CliRun.run(null, "sessions", "delete").exit());
        assertEquals(2, CliRun.run(null, "sessions", "show", "nope", "--store", url).exit());
        assertEquals(2, CliRun.run(null, "sessions", "list", "--store", url, "--status", "pending").exit());
        assertEquals(2, CliRun.run(null, "sessions", "list", "--store", url, "--since", "yesterday").exit());
        assertEquals(2, CliRun.run(null, "sessions", "list", "--store", "jdbc:sqlite:/tmp/x").exit());
        assertEquals(2, CliRun.run(null, with(AOL_IOS12, "--store", url)).exit(), "--store needs a customer or ticket");
        assertEquals(2, CliRun.run(null, with(AOL_IOS12, "--agent", "x")).exit());
        assertTrue(CliRun.run(null, "sessions", "--help").out().contains("list"));
        assertTrue(CliRun.run(null, "sessions", "list", "--help").out().contains("--cause"));
    }
}
