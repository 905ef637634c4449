package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaybench.probe.DnsQuery;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.MailDns;
import org.relaybench.probe.SrvRecord;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.servers.DnsServer;
import org.relaybench.tests.common.servers.RealServers;

/**
 * MX, SRV and address lookups against the real dnsmasq on loopback, and against a fake server whose
 * answers are broken: every failure ends as a problem of the report, never as an exception.
 */
@ExtendWith(RealServers.class)
class DnsTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress(DnsServer.HOST, DnsServer.PORT);

    private static DnsReport lookup(String domain, String host, InetSocketAddress server, Duration timeout)
            throws InterruptedException {
        return OsgiServices.service(MailDns.class).lookup(new DnsQuery(domain, Optional.ofNullable(host), Optional.of(server),
                timeout));
    }

    @Test
    void mxSubmissionSrvAndTheServersAddress() throws Exception {
        DnsReport r = lookup(DnsServer.DOMAIN, DnsServer.SMTP_HOST, SERVER, Duration.ofSeconds(10));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("mx1.relaybench.test", "mx2.relaybench.test"), r.mxHosts());
        assertEquals(10, r.mx().get(0).preference());
        assertEquals(List.of(new SrvRecord(0, 1, 20587, DnsServer.SMTP_HOST)), r.submission());
        assertEquals(List.of(new SrvRecord(0, 1, 20465, DnsServer.SMTP_HOST)), r.submissions());
        assertEquals(List.of("127.0.0.1"), r.smtpAddresses());
        assertFalse(r.smtpHostMissing());
        assertEquals("127.0.0.1:21053", r.resolver());
    }

    @Test
    void aHostThatDoesNotExistIsNxdomain() throws Exception {
        DnsReport r = lookup(DnsServer.DOMAIN, "nothere.relaybench.test", SERVER, Duration.ofSeconds(10));
        assertTrue(r.smtpHostMissing(), r::toString);
        assertTrue(r.smtpAddresses().isEmpty());
    }

    @Test
    void aTruncatedUdpAnswerIsAskedAgainOverTcp() throws Exception {
        DnsReport r = lookup(DnsServer.BIG, null, SERVER, Duration.ofSeconds(10));
        assertEquals(DnsServer.BIG_MX, r.mx().size(), r::toString);
        assertEquals("mail-exchanger-number-0.big.relaybench.test", r.mxHosts().get(0));
    }

    @Test
    void aCustomDomainsMxNamesItsProvider() throws Exception {
        DnsReport r = lookup(DnsServer.HOSTED, null, SERVER, Duration.ofSeconds(10));
        assertEquals(List.of(DnsServer.HOSTED_MX), r.mxHosts());
        assertTrue(r.submission().isEmpty());
    }

    @Test
    void aResolverThatDoesNotAnswerEndsAtTheDeadline() throws Exception {
        DnsReport r = lookup(DnsServer.DOMAIN, DnsServer.SMTP_HOST, new InetSocketAddress("127.0.0.1", 21054),
                Duration.ofSeconds(2));
        assertFalse(r.problems().isEmpty(), r::toString);
        assertTrue(r.mx().isEmpty());
        assertTrue(r.millis() < 3500, () -> r.millis() + " ms");
    }

    /** Answer sections, made for the offset at which they start. */
    static Stream<Arguments> malformedAnswers() {
        return Stream.of(
                Arguments.of("an owner name that points to itself", 1, (IntFunction<byte[]>) at -> new byte[] {
                        (byte) (0xc0 | at >> 8), (byte) at, 0, 15, 0, 1, 0, 0, 0, 0, 0, 4, 0, 10, (byte) 0xc0, 12 }),
                Arguments.of("record data past the end", 1,
                        (IntFunction<byte[]>) at -> new byte[] { 0, 0, 15, 0, 1, 0, 0, 0, 0, 0, 100, 0, 10 }),
                Arguments.of("a label longer than the message", 1, (IntFunction<byte[]>) at -> new byte[] { 60, 'a', 'b' }),
                Arguments.of("a pointer past the end", 1, (IntFunction<byte[]>) at -> new byte[] { (byte) 0xff, (byte) 0xff }),
                Arguments.of("more answers claimed than sent", 40, (IntFunction<byte[]>) at -> new byte[0]));
    }

    /** Hostile or broken answers end as problems of the report, quickly, whatever the record type. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedAnswers")
    void malformedAnswersAreProblemsNotCrashes(String what, int claimed, IntFunction<byte[]> answer) throws Exception {
        try (FakeDnsServer fake = new FakeDnsServer(q -> {
            byte[] start = FakeDnsServer.respond(q, 0, claimed).toByteArray();
            return concat(start, answer.apply(start.length));
        })) {
            DnsReport r = lookup(DnsServer.DOMAIN, DnsServer.SMTP_HOST, fake.address(), Duration.ofSeconds(5));
            assertEquals(5, r.problems().size(), r::toString);
            assertTrue(r.problems().stream().allMatch(p -> p.contains("malformed answer from 127.0.0.1:")),
                    r::toString);
            assertTrue(r.mx().isEmpty() && r.submission().isEmpty() && r.smtpAddresses().isEmpty(), r::toString);
            assertFalse(r.smtpHostMissing());
            assertTrue(r.millis() < 2000, () -> "a malformed answer is no reason to wait: " + r.millis() + " ms");
        }
    }

    @Test
    void aShortOrForeignAnswerIsNotTaken() throws Exception {
        try (FakeDnsServer shortAnswers = new FakeDnsServer(q -> new byte[] { q[0], q[1], (byte) 0x81, 0 });
                FakeDnsServer foreign = new FakeDnsServer(q -> {
                    byte[] a = FakeDnsServer.respond(q, 0, 0).toByteArray();
                    a[0] ^= 0x5a; // another query's id
                    return a;
                })) {
            for (FakeDnsServer fake : List.of(shortAnswers, foreign)) {
                DnsReport r = lookup(DnsServer.DOMAIN, null, fake.address(), Duration.ofSeconds(5));
                assertEquals(3, r.problems().size(), r::toString);
                assertTrue(r.mx().isEmpty(), r::toString);
                assertTrue(fake.queries() >= 3, () -> fake.queries() + " queries");
            }
        }
    }

    @Test
    void aServerFailureIsNamed() throws Exception {
        try (FakeDnsServer fake = new FakeDnsServer(q -> FakeDnsServer.respond(q, 2, 0).toByteArray())) {
            DnsReport r = lookup(DnsServer.DOMAIN, DnsServer.SMTP_HOST, fake.address(), Duration.ofSeconds(5));
            assertEquals(5, r.problems().size(), r::toString);
            assertTrue(r.problems().get(0).startsWith("MX relaybench.test: "), r.problems().get(0));
            assertTrue(r.problems().stream().allMatch(p -> p.endsWith("answered with error SERVFAIL")), r::toString);
            assertFalse(r.smtpHostMissing(), "SERVFAIL is not NXDOMAIN");
        }
    }

    @Test
    void namesThatAreNoDomainNamesAreProblemsNotCrashes() throws Exception {
        DnsReport r = lookup("a..b", "x".repeat(64) + ".test", SERVER, Duration.ofSeconds(5));
        assertEquals(5, r.problems().size(), r::toString);
        assertTrue(r.problems().stream().allMatch(p -> p.endsWith(": not a domain name")), r::toString);
    }

    /**
     * Without a server in the query the system's resolver configuration is read at every lookup (here
     * dnsjava's {@code dns.server} property, which comes before /etc/resolv.conf); a first server that
     * never answers costs one try's share of the deadline, and the next one answers.
     */
    @Test
    void theSystemsServersAreAskedInTurnWhenNoneIsGiven() throws Exception {
        String before = System.getProperty("dns.server");
        try (FakeDnsServer silent = new FakeDnsServer(q -> null)) {
            System.setProperty("dns.server", "127.0.0.1:" + silent.address().getPort() + "," + DnsServer.HOST + ":"
                    + DnsServer.PORT);
            DnsReport r = OsgiServices.service(MailDns.class).lookup(new DnsQuery(DnsServer.DOMAIN,
                    Optional.of(DnsServer.SMTP_HOST), Optional.empty(), Duration.ofSeconds(6)));
            assertEquals("127.0.0.1:" + silent.address().getPort() + ", 127.0.0.1:21053", r.resolver());
            assertEquals(List.of(), r.problems());
            assertEquals(List.of("mx1.relaybench.test", "mx2.relaybench.test"), r.mxHosts());
            assertEquals(List.of("127.0.0.1"), r.smtpAddresses());
            assertTrue(silent.queries() > 0, "the first server was asked first");
            // a try's share is 6 s / (2 tries x 2 servers); dnsjava notices timeouts within a second after
            assertTrue(r.millis() >= 1400 && r.millis() < 4500, () -> r.millis() + " ms");
        } finally {
            if (before == null) {
                System.clearProperty("dns.server");
            } else {
                System.setProperty("dns.server", before);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
