package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.relaybench.tests.common.LeakWatch;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.servers.MailServers;
import org.relaybench.tests.common.servers.RealServers;

/**
 * A known password appears nowhere: not in reports, transcripts, the platform log, or exception text,
 * in plain or in any of the base64 forms AUTH sends it. (The command line's JSON and text output and
 * standard error: {@code CommandLineRedactionTest} in org.relaybench.cli.tests.)
 */
@ExtendWith(RealServers.class)
class RedactionTest {

    private static final String WRONG = "Wr0ng-but-still-S3cret!";

    @RegisterExtension
    final LeakWatch leaks = new LeakWatch();

    private void assertNowhere(String password, String... outputs) {
        leaks.assertNowhere(MailServers.USER, password, outputs);
    }

    @Test
    void probeReportsOfRightAndWrongPasswordsNeverContainIt() throws Exception {
        for (String password : List.of(MailServers.PASSWORD, WRONG)) {
            for (int port : new int[] { MailServers.SUBMISSION, MailServers.STRICT }) {
                ProbeReport r = OsgiServices.service(SmtpProber.class).probe(PostfixProbeTest.request(port, Security.STARTTLS)
                        .credentials(MailServers.USER, Secret.of(password.toCharArray())).build());
                assertNowhere(password, r.toString(), String.join("\n", r.transcript()), r.summary());
            }
        }
    }

    @Test
    void aServerThatEchoesTheAuthPayloadIsScrubbed() throws Exception {
        try (FakeSmtpServer echo = new FakeSmtpServer(Fault.ECHO_AUTH)) {
            ProbeReport r = OsgiServices.service(SmtpProber.class).probe(ProbeRequest.builder("127.0.0.1", echo.port(),
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
            String report = OsgiServices.service(LoginProber.class).check(new LoginRequest(MailProtocol.IMAP, MailServers.HOST,
                    MailServers.IMAP, Security.NONE, MailServers.USER, Secret.of(password.toCharArray()),
                    Duration.ofSeconds(20), TrustPolicy.jdk())).toString();
            assertNowhere(password, report);
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
