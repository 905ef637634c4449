package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaybench.probe.tests.CliRun.account;
import static org.relaybench.probe.tests.CliRun.concat;
import static org.relaybench.probe.tests.CliRun.probeOptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.probe.LoginProber;
import org.relaybench.probe.LoginRequest;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.Secret;
import org.relaybench.probe.SmtpProber;
import org.relaybench.probe.TrustPolicy;
import org.relaybench.probe.tests.FakeSmtpServer.Fault;
import org.relaybench.tests.servers.MailServers;

/**
 * A known password appears nowhere: not in reports, transcripts, JSON or text output, standard error,
 * the platform log, or exception text, in plain or in any of the base64 forms AUTH sends it.
 */
@ExtendWith(RealServers.class)
class RedactionTest {

    private static final String WRONG = "Wr0ng-but-still-S3cret!";

    private final List<String> logged = new ArrayList<>();
    private final ILogListener listener = (status, plugin) -> record(status);

    @BeforeEach
    void listen() {
        Platform.addLogListener(listener);
    }

    @AfterEach
    void stopListening() {
        Platform.removeLogListener(listener);
    }

    private void record(IStatus status) {
        synchronized (logged) {
            logged.add(status.toString());
            if (status.getException() != null) {
                logged.add(String.valueOf(status.getException()));
            }
        }
    }

    /** The password and every form an AUTH exchange puts it in. */
    private static List<String> forms(String user, String password) {
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(password, b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private void assertNowhere(String password, String... outputs) {
        List<String> all = new ArrayList<>(List.of(outputs));
        synchronized (logged) {
            all.addAll(logged);
        }
        for (String form : forms(MailServers.USER, password)) {
            for (String out : all) {
                assertFalse(out.contains(form), () -> "the password (as " + form + ") leaked into: " + out);
            }
        }
    }

    @Test
    void probeReportsOfRightAndWrongPasswordsNeverContainIt() throws Exception {
        for (String password : List.of(MailServers.PASSWORD, WRONG)) {
            for (int port : new int[] { MailServers.SUBMISSION, MailServers.STRICT }) {
                ProbeReport r = Osgi.service(SmtpProber.class).probe(PostfixProbeTest.request(port, Security.STARTTLS)
                        .credentials(MailServers.USER, Secret.of(password.toCharArray())).build());
                assertNowhere(password, r.toString(), String.join("\n", r.transcript()), r.summary());
            }
        }
    }

    @Test
    void aServerThatEchoesTheAuthPayloadIsScrubbed() throws Exception {
        try (FakeSmtpServer echo = new FakeSmtpServer(Fault.ECHO_AUTH)) {
            ProbeReport r = Osgi.service(SmtpProber.class).probe(ProbeRequest.builder("127.0.0.1", echo.port(),
                    Security.NONE).credentials(MailServers.USER, Secret.of(MailServers.PASSWORD.toCharArray()))
                    .timeout(Duration.ofSeconds(5)).stageTimeout(Duration.ofSeconds(2)).build());
            assertEquals("smtp-credentials-rejected", r.code().orElseThrow(), r::toString);
            assertTrue(r.transcript().contains("S: 535 5.7.8 Authentication failed for AUTH PLAIN ****"),
                    r.transcript()::toString);
            assertNowhere(MailServers.PASSWORD, r.toString());
        }
    }

    @Test
    void loginReportsNeverContainIt() throws Exception {
        for (String password : List.of(MailServers.PASSWORD, WRONG)) {
            String report = Osgi.service(LoginProber.class).check(new LoginRequest(MailProtocol.IMAP, MailServers.HOST,
                    MailServers.IMAP, Security.NONE, MailServers.USER, Secret.of(password.toCharArray()),
                    Duration.ofSeconds(20), TrustPolicy.jdk())).toString();
            assertNowhere(password, report);
        }
    }

    @Test
    void commandLineOutputNeverContainsIt() {
        List<String> outputs = new ArrayList<>();
        for (String password : List.of(MailServers.PASSWORD, WRONG)) {
            CliRun probe = CliRun.run(password, "probe", "--host", MailServers.HOST, "--port",
                    Integer.toString(MailServers.SUBMISSION), "--user", MailServers.USER, "--password-env",
                    CliRun.PASSWORD_VAR, "--trust-cert", RealServers.mail().certificate().toString(), "--json",
                    "--incoming-host", MailServers.HOST, "--incoming-port", Integer.toString(MailServers.IMAP));
            CliRun text = CliRun.run(password, "probe", "--host", MailServers.HOST, "--port",
                    Integer.toString(MailServers.SUBMISSION), "--security", "starttls", "--user", MailServers.USER, "--password-env",
                    CliRun.PASSWORD_VAR, "--insecure");
            CliRun diagnose = CliRun.run(password, concat(account(MailServers.USER, MailServers.SUBMISSION, "starttls",
                    "password", MailServers.USER), new String[] { "--password-env", CliRun.PASSWORD_VAR, "--json" },
                    probeOptions()));
            CliRun diagnoseText = CliRun.run(password, concat(account(MailServers.USER, MailServers.SUBMISSION,
                    "starttls", "password", MailServers.USER), new String[] { "--password-env", CliRun.PASSWORD_VAR },
                    probeOptions()));
            for (CliRun run : List.of(probe, text, diagnose, diagnoseText)) {
                assertEquals(0, run.exit(), run::err);
                outputs.add(run.out());
                outputs.add(run.err());
            }
            assertTrue(text.out().contains("AUTH PLAIN ****"), text::out);
            assertNowhere(password, outputs.toArray(String[]::new));
        }
    }

    @Test
    void aSecretDoesNotPrintItself() {
        Secret s = Secret.of(MailServers.PASSWORD.toCharArray());
        assertEquals("(secret)", s.toString());
        assertTrue(s.occursIn("x" + MailServers.PASSWORD + "y"));
        s.clear();
        assertFalse(s.occursIn(MailServers.PASSWORD));
    }
}
