package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.relaybench.core.Security;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.ProbeStage;
import org.relaybench.probe.SmtpProber;
import org.relaybench.probe.TrustPolicy;
import org.relaybench.probe.tests.FakeSmtpServer.Fault;
import org.relaybench.tests.common.OsgiServices;

/**
 * Bytes that are not TLS where TLS belongs mean different things before and after STARTTLS. A server
 * that agreed to STARTTLS and then answers the ClientHello with junk is broken, or something between
 * the device and the server intercepts: {@code tls-handshake-failed}. Plain SMTP answering an implicit
 * TLS connection is a TLS mode that does not fit the port: {@code wrong-security}. The same fake server
 * shows both.
 */
class StarttlsJunkTest {

    private static final Duration STAGE = Duration.ofSeconds(2);
    private static final Duration TOTAL = Duration.ofSeconds(5);

    @Test
    void junkAfterAnAgreedStarttlsIsAFailedHandshakeNotTheWrongSecurity() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Fault.STARTTLS_JUNK)) {
            ProbeReport report = probe(server.port(), Security.STARTTLS);
            assertEquals("tls-handshake-failed", report.code().orElse("none"), report::toString);
            assertTrue(report.summary().contains("agreed to STARTTLS"), report.summary());
            assertTrue(report.stages().stream().anyMatch(s -> s.name().equals("starttls") && s.ok()),
                    () -> "the STARTTLS command itself succeeded: " + report.stages());
            ProbeStage tls = report.stages().get(report.stages().size() - 1);
            assertEquals("tls", tls.name());
            assertFalse(tls.ok());
            assertTrue(report.millis() < STAGE.toMillis(), () -> "junk is recognised at once, not by a deadline: "
                    + report.millis() + " ms");
        }
    }

    @Test
    void implicitTlsAgainstPlainSmtpIsStillTheWrongSecurity() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Fault.STARTTLS_JUNK)) {
            ProbeReport report = probe(server.port(), Security.TLS);
            assertEquals("wrong-security", report.code().orElse("none"), report::toString);
            assertTrue(report.summary().contains("plain text where TLS was expected"), report.summary());
        }
    }

    private static ProbeReport probe(int port, Security security) throws Exception {
        ProbeRequest request = ProbeRequest.builder("127.0.0.1", port, security).stageTimeout(STAGE).timeout(TOTAL)
                .trust(TrustPolicy.insecure()).build();
        return OsgiServices.service(SmtpProber.class).probe(request);
    }
}
