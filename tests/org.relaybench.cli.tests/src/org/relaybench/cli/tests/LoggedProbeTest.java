package org.relaybench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaybench.cli.tests.CliRun.account;
import static org.relaybench.cli.tests.CliRun.concat;
import static org.relaybench.cli.tests.CliRun.probeOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.servers.MailServers;
import org.relaybench.tests.common.servers.RealServers;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code diagnose --probe --store ... --customer X} against the real Postfix logs the session with the
 * probe's redacted transcript; {@code sessions show --json} prints it in the one JSON form of a
 * session, the export's, whose account {@code diagnose --account} reads back.
 */
@ExtendWith(RealServers.class)
class LoggedProbeTest {

    @Test
    void aProbedDiagnosisIsLoggedWithItsTranscriptInTheOneJsonForm(@TempDir Path dir) throws Exception {
        String store = Backend.H2.freshStore("logged-probe");
        CliRun diagnose = CliRun.run(MailServers.PASSWORD, concat(account(MailServers.USER, MailServers.SUBMISSION,
                "starttls", "password", MailServers.USER), new String[] { "--password-env", CliRun.PASSWORD_VAR,
                        "--error", "The recipient was rejected by the server because it does not allow relaying.",
                        "--store", store, "--customer", "Pat Lee", "--ticket", "HD-9", "--json" }, probeOptions()));
        assertEquals(0, diagnose.exit(), diagnose::err);
        String id = diagnose.json().getAsJsonObject("session").get("id").getAsString();

        CliRun show = CliRun.run(null, "sessions", "show", id, "--store", store, "--json");
        assertEquals(0, show.exit(), show::err);
        JsonObject shown = JsonParser.parseString(show.out()).getAsJsonObject();
        assertEquals("relaybench.session/1", shown.get("schema").getAsString());
        JsonArray probes = shown.getAsJsonArray("probes");
        assertEquals(1, probes.size(), show::out);
        String transcript = probes.get(0).getAsJsonObject().get("transcript").toString();
        assertTrue(transcript.contains("EHLO") && transcript.contains("RCPT TO"), transcript);
        assertTrue(transcript.contains("AUTH"), "the AUTH exchange is in the transcript, redacted: " + transcript);
        assertFalse(show.out().contains(MailServers.PASSWORD), "no password in the logged session");
        assertEquals(1, shown.getAsJsonArray("diagnoses").size());
        assertTrue(shown.getAsJsonObject("account").get("network").isJsonObject(), "network is an object, as documented");

        CliRun export = CliRun.run(null, "sessions", "export", id, "--store", store, "--format", "json");
        assertEquals(0, export.exit(), export::err);
        JsonObject exported = JsonParser.parseString(export.out()).getAsJsonObject();
        exported.remove("exported");
        shown.remove("exported");
        assertEquals(exported, shown, "sessions show --json and the JSON export are one form");

        Path file = dir.resolve("session.json");
        Files.writeString(file, show.out(), StandardCharsets.UTF_8);
        CliRun again = CliRun.run(null, "diagnose", "--account", file.toString(), "--json");
        assertEquals(0, again.exit(), again::err);
        assertEquals(MailServers.USER, again.json().get("email").getAsString());
    }
}
