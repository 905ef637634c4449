package org.relaybench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaybench.cli.tests.CliRun.account;
import static org.relaybench.cli.tests.CliRun.concat;
import static org.relaybench.cli.tests.CliRun.probeOptions;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaybench.tests.common.servers.DnsServer;
import org.relaybench.tests.common.servers.MailServers;
import org.relaybench.tests.common.servers.RealServers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code relaybench diagnose --probe} against the real Postfix, Dovecot and dnsmasq: the probe's
 * results enter the diagnosis as evidence and decide it.
 */
@ExtendWith(RealServers.class)
class DiagnoseProbeTest {

    private static final String[] INCOMING = { "--incoming-host", MailServers.HOST, "--incoming-port",
            Integer.toString(MailServers.IMAP), "--incoming-protocol", "imap" };

    @Test
    void unauthenticatedRelayIsDiagnosedAsAuthMissing() {
        CliRun run = CliRun.run(null, concat(account(MailServers.USER, MailServers.SUBMISSION, "starttls", "none", null),
                new String[] { "--error", "The recipient was rejected by the server because it does not allow relaying.",
                        "--json" }, probeOptions()));
        assertEquals(0, run.exit(), run::err);
        JsonObject top = findings(run).get(0);
        assertEquals("smtp-auth-missing", top.get("code").getAsString(), run::out);
        assertEquals("error", top.get("severity").getAsString());
        assertTrue(kinds(top).contains("probe"), top::toString);
        JsonObject probe = run.json().getAsJsonObject("probe");
        assertEquals("smtp-auth-missing", probe.get("code").getAsString());
        assertTrue(stage(probe, "rcpt").get("reply").getAsString().contains("Relay access denied"), probe::toString);
    }

    @Test
    void theProbeShowsTheDeviceIsNotAuthenticating() {
        CliRun run = CliRun.run(MailServers.PASSWORD, concat(account(MailServers.USER, MailServers.SUBMISSION, "starttls",
                "none", null), new String[] { "--password-env", CliRun.PASSWORD_VAR, "--json" }, INCOMING, probeOptions()));
        assertEquals(0, run.exit(), run::err);
        JsonObject top = findings(run).get(0);
        assertEquals("smtp-auth-missing", top.get("code").getAsString(), run::out);
        String evidence = top.get("evidence").toString();
        assertTrue(evidence.contains("refuses to relay without auth") || top.get("title").getAsString()
                .contains("the device is not authenticating"), run::out);
        assertTrue(evidence.contains("Relay access denied"), evidence);
        assertTrue(evidence.contains("accepted") || evidence.contains("250"), evidence);
        assertEquals("accepted", run.json().getAsJsonObject("probe").getAsJsonObject("incoming").get("outcome")
                .getAsString());
    }

    @Test
    void wrongPasswordIsDiagnosedAsCredentialsRejectedAndThePasswordItselfIsWrong() {
        CliRun run = CliRun.run("not-the-password", concat(account(MailServers.USER, MailServers.SUBMISSION, "starttls",
                "password", MailServers.USER), new String[] { "--password-env", CliRun.PASSWORD_VAR, "--json" },
                INCOMING, probeOptions()));
        assertEquals(0, run.exit(), run::err);
        JsonObject top = findings(run).get(0);
        assertEquals("smtp-credentials-rejected", top.get("code").getAsString(), run::out);
        assertTrue(top.toString().contains("The password itself is wrong"), top::toString);
        assertEquals("rejected", run.json().getAsJsonObject("probe").getAsJsonObject("incoming").get("outcome")
                .getAsString());
    }

    @Test
    void startTlsRequiredPortIsDiagnosedAsTlsRequired() {
        CliRun run = CliRun.run(MailServers.PASSWORD, concat(account(MailServers.USER, MailServers.STRICT, "none",
                "password", MailServers.USER), new String[] { "--password-env", CliRun.PASSWORD_VAR, "--json" },
                probeOptions()));
        assertEquals(0, run.exit(), run::err);
        assertEquals("tls-required", findings(run).get(0).get("code").getAsString(), run::out);
    }

    @Test
    void foreignSenderAfterLoginIsDiagnosedAsSenderNotOwned() {
        CliRun run = CliRun.run(MailServers.PASSWORD, concat(account(MailServers.OTHER_USER, MailServers.SENDER_LOGIN,
                "starttls", "password", MailServers.USER), new String[] { "--password-env", CliRun.PASSWORD_VAR,
                        "--json" }, probeOptions()));
        assertEquals(0, run.exit(), run::err);
        assertEquals("sender-not-owned", findings(run).get(0).get("code").getAsString(), run::out);
    }

    @Test
    void correctSettingsGiveNoErrorFinding() {
        CliRun run = CliRun.run(MailServers.PASSWORD, concat(account(MailServers.USER, MailServers.SUBMISSION, "starttls",
                "password", MailServers.USER), new String[] { "--password-env", CliRun.PASSWORD_VAR, "--json",
                        "--fail-on", "error" }, INCOMING, probeOptions()));
        assertEquals(0, run.exit(), run::out);
        for (JsonElement f : run.json().getAsJsonArray("findings")) {
            assertTrue(!f.getAsJsonObject().get("severity").getAsString().equals("error"), f::toString);
        }
        JsonObject probe = run.json().getAsJsonObject("probe");
        assertTrue(probe.get("code").isJsonNull(), probe::toString);
        assertEquals("accepted", probe.getAsJsonObject("incoming").get("outcome").getAsString());
        JsonObject dns = probe.getAsJsonObject("dns");
        assertEquals("mx1.relaybench.test", dns.getAsJsonArray("mx").get(0).getAsJsonObject().get("host").getAsString());
    }

    @Test
    void withoutThePasswordTheProbeDoesNotBlameADeviceThatAuthenticates() {
        CliRun run = CliRun.run(null, concat(account(MailServers.USER, MailServers.SUBMISSION, "starttls", "password",
                MailServers.USER), new String[] { "--json" }, probeOptions()));
        assertEquals(0, run.exit(), run::err);
        assertEquals("smtp-auth-missing", run.json().getAsJsonObject("probe").get("code").getAsString(), run::out);
        for (JsonElement f : run.json().getAsJsonArray("findings")) {
            assertTrue(!f.getAsJsonObject().get("code").getAsString().equals("smtp-auth-missing"), f::toString);
        }
    }

    @Test
    void dnsMxRecognisesACustomDomainHostedByAProvider() {
        CliRun run = CliRun.run(null, concat(account("carol@" + DnsServer.HOSTED, MailServers.SUBMISSION, "starttls",
                "none", null), new String[] { "--json" }, probeOptions()));
        assertEquals(0, run.exit(), run::err);
        assertEquals("gmail", run.json().getAsJsonObject("provider").get("id").getAsString(), run::out);
    }

    @Test
    void textOutputHasAProbeSection() {
        CliRun run = CliRun.run(null, concat(account(MailServers.USER, MailServers.SUBMISSION, "starttls", "none", null),
                probeOptions()));
        assertEquals(0, run.exit(), run::err);
        assertTrue(run.out().contains("Live probe:"), run::out);
        assertTrue(run.out().contains("Probe of 127.0.0.1:20587 (starttls): smtp-auth-missing"), run::out);
        assertTrue(run.out().contains("S: 554 5.7.1"), run::out);
        assertTrue(run.out().contains("DNS (127.0.0.1:21053) relaybench.test: MX mx1.relaybench.test"), run::out);
    }

    @Test
    void probeCommandPrintsTheDesignedJson() {
        CliRun run = CliRun.run(MailServers.PASSWORD, "probe", "--host", MailServers.HOST, "--port",
                Integer.toString(MailServers.SUBMISSION), "--security", "starttls", "--user", MailServers.USER,
                "--password-env", CliRun.PASSWORD_VAR, "--trust-cert", RealServers.mail().certificate().toString(),
                "--json");
        assertEquals(0, run.exit(), run::err);
        JsonObject root = run.json();
        assertEquals(MailServers.HOST, root.get("host").getAsString());
        assertEquals(MailServers.SUBMISSION, root.get("port").getAsInt());
        assertEquals("starttls", root.get("security").getAsString());
        assertTrue(root.get("code").isJsonNull(), run::out);
        for (JsonElement e : root.getAsJsonArray("stages")) {
            JsonObject s = e.getAsJsonObject();
            for (String key : List.of("name", "ok", "reply", "millis")) {
                assertTrue(s.has(key), s::toString);
            }
        }
        assertTrue(root.getAsJsonArray("transcript").toString().contains("C: AUTH PLAIN ****"), run::out);
    }

    @Test
    void probeOptionsAreCheckedAsUsage() {
        assertEquals(2, CliRun.run(null, "diagnose", "--email", "a@relaybench.test", "--insecure").exit());
        assertEquals(2, CliRun.run(null, "probe", "--host", MailServers.HOST).exit());
        assertEquals(2, CliRun.run(null, "probe", "--host", MailServers.HOST, "--port", "20587", "--user", "u").exit());
        assertEquals(2, CliRun.run(null, "probe", "--host", MailServers.HOST, "--port", "20587", "--dns", "x:y").exit());
        assertEquals(2, CliRun.run(null, "probe", "--host", MailServers.HOST, "--port", "20587", "--insecure",
                "--trust-cert", RealServers.mail().certificate().toString()).exit());
        CliRun failOn = CliRun.run(null, "probe", "--host", MailServers.HOST, "--port",
                Integer.toString(MailServers.SUBMISSION), "--trust-cert", RealServers.mail().certificate().toString(),
                "--fail-on", "error");
        assertEquals(1, failOn.exit(), failOn::out);
    }

    static List<JsonObject> findings(CliRun run) {
        List<JsonObject> out = new ArrayList<>();
        JsonArray a = run.json().getAsJsonArray("findings");
        a.forEach(e -> out.add(e.getAsJsonObject()));
        assertTrue(!out.isEmpty(), run::out);
        return out;
    }

    private static List<String> kinds(JsonObject finding) {
        List<String> out = new ArrayList<>();
        finding.getAsJsonArray("evidence").forEach(e -> out.add(e.getAsJsonObject().get("kind").getAsString()));
        return out;
    }

    private static JsonObject stage(JsonObject probe, String name) {
        for (JsonElement e : probe.getAsJsonArray("stages")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no stage " + name + " in " + probe);
    }
}
