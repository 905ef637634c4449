package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaybench.core.Security;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.SmtpProber;
import org.relaybench.probe.TrustPolicy;
import org.relaybench.probe.tests.FakeSmtpServer.Fault;
import org.relaybench.tests.common.OsgiServices;

/**
 * Every misbehaviour ends within its deadline and with its cause code. Stages get 1 s and the probe
 * 3 s; a fault caught by a stage deadline must end well before the probe's.
 */
class FaultModesTest {

    private static final Duration STAGE = Duration.ofSeconds(1);
    private static final Duration TOTAL = Duration.ofSeconds(3);
    /** Scheduling slack on a busy 2-core machine. */
    private static final long SLACK_MS = 1500;

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.SILENT, Security.NONE, "no-greeting", STAGE),
                Arguments.of(Fault.TRICKLE_GREETING, Security.NONE, "server-too-slow", STAGE),
                Arguments.of(Fault.GARBAGE, Security.NONE, "not-smtp", Duration.ZERO),
                Arguments.of(Fault.ENDLESS_LINE, Security.NONE, "protocol-violation", Duration.ZERO),
                Arguments.of(Fault.GREETING_421, Security.NONE, "service-unavailable", Duration.ZERO),
                Arguments.of(Fault.STARTTLS_DROP, Security.STARTTLS, "tls-handshake-failed", Duration.ZERO),
                Arguments.of(Fault.TLS_DROP, Security.TLS, "tls-handshake-failed", Duration.ZERO),
                Arguments.of(Fault.TRICKLE_EHLO, Security.NONE, "server-too-slow", STAGE),
                Arguments.of(Fault.ENDLESS_REPLY, Security.NONE, "protocol-violation", Duration.ZERO),
                Arguments.of(Fault.MALFORMED_REPLY, Security.NONE, "protocol-violation", Duration.ZERO),
                Arguments.of(Fault.MUTE_AFTER_GREETING, Security.NONE, "server-too-slow", STAGE),
                Arguments.of(Fault.STARTTLS_INJECTION, Security.STARTTLS, "protocol-violation", Duration.ZERO));
    }

    @ParameterizedTest(name = "{0} over {1} ends with {2}")
    @MethodSource("faults")
    void faultEndsInBoundedTimeWithItsCode(Fault fault, Security security, String code, Duration expected)
            throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(fault)) {
            ProbeReport report = probe(server.port(), security, STAGE, TOTAL);
            assertEquals(code, report.code().orElse("none"), () -> fault + ": " + report);
            assertTrue(report.millis() < expected.toMillis() + SLACK_MS,
                    () -> fault + " took " + report.millis() + " ms: " + report.stages());
            assertTrue(report.millis() >= expected.toMillis() - 50, () -> fault + " ended early: " + report.millis());
            assertFalse(report.summary().isBlank());
            assertFalse(report.ok());
        }
    }

    @Test
    void theProbeDeadlineWinsOverLongerStageDeadlines() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Fault.TRICKLE_GREETING)) {
            ProbeReport report = probe(server.port(), Security.NONE, Duration.ofSeconds(30), Duration.ofSeconds(2));
            assertEquals("server-too-slow", report.code().orElseThrow(), report::toString);
            assertTrue(report.millis() >= 1950 && report.millis() < 2000 + SLACK_MS, () -> report.millis() + " ms");
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free again once closed: nothing listens there
        }
        ProbeReport report = probe(port, Security.NONE, STAGE, TOTAL);
        assertEquals("server-unreachable", report.code().orElseThrow(), report::toString);
        assertTrue(report.millis() < SLACK_MS, () -> report.millis() + " ms");
        assertEquals("connect", report.stages().get(0).name());
    }

    @Test
    void garbageIsShownEscaped() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Fault.GARBAGE)) {
            ProbeReport report = probe(server.port(), Security.NONE, STAGE, TOTAL);
            String first = report.transcript().stream().filter(l -> l.startsWith("S: ")).findFirst().orElseThrow();
            assertTrue(first.startsWith("S: \\x00\\xff\\x16\\x03garbage"), first);
            assertTrue(report.transcript().stream().allMatch(l -> l.chars().allMatch(c -> c >= 0x20 && c != 0x7f)),
                    report.transcript()::toString);
        }
    }

    @Test
    void anEndlessLineIsCutNotKept() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Fault.ENDLESS_LINE)) {
            ProbeReport report = probe(server.port(), Security.NONE, STAGE, TOTAL);
            assertTrue(report.transcript().stream().allMatch(l -> l.length() < 200), report.transcript()::toString);
            assertTrue(report.summary().contains("longer than 2048 bytes"), report.summary());
        }
    }

    private static ProbeReport probe(int port, Security security, Duration stage, Duration total) throws Exception {
        ProbeRequest request = ProbeRequest.builder("127.0.0.1", port, security).stageTimeout(stage).timeout(total)
                .trust(TrustPolicy.insecure()).build();
        return OsgiServices.service(SmtpProber.class).probe(request);
    }
}
