package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaybench.probe.DnsQuery;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.MailDns;
import org.relaybench.probe.SrvRecord;
import org.relaybench.probe.internal.dns.DnsException;
import org.relaybench.probe.internal.dns.DnsMessage;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.servers.DnsServer;
import org.relaybench.tests.common.servers.RealServers;

/** MX, SRV and address lookups against the real dnsmasq on loopback, and a parser that survives bad answers. */
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

    @Test
    void malformedAnswersFailCleanly() {
        byte[] header = { 0x12, 0x34, (byte) 0x81, (byte) 0x80, 0, 0, 0, 1, 0, 0, 0, 0 };
        // an answer whose owner name is a compression pointer to itself
        byte[] loop = concat(header, new byte[] { (byte) 0xc0, 12, 0, 15, 0, 1, 0, 0, 0, 0, 0, 4, 0, 10, (byte) 0xc0, 12 });
        assertThrows(DnsException.class, () -> DnsMessage.parse(loop, loop.length));
        // an answer whose data runs past the end of the message
        byte[] overrun = concat(header, new byte[] { 0, 0, 15, 0, 1, 0, 0, 0, 0, 0, 100, 0, 10 });
        assertThrows(DnsException.class, () -> DnsMessage.parse(overrun, overrun.length));
        // a label longer than the message
        byte[] label = concat(header, new byte[] { 60, 'a', 'b' });
        assertThrows(DnsException.class, () -> DnsMessage.parse(label, label.length));
        assertThrows(DnsException.class, () -> DnsMessage.parse(header, 5));
        // a pointer past the end
        byte[] far = concat(header, new byte[] { (byte) 0xff, (byte) 0xff });
        assertThrows(DnsException.class, () -> DnsMessage.parse(far, far.length));
    }

    @Test
    void queriesAreWellFormed() throws Exception {
        byte[] q = DnsMessage.query(0x1234, "relaybench.test", DnsMessage.MX);
        assertEquals(12 + 17 + 4, q.length);
        assertEquals(10, q[12]);
        assertThrows(DnsException.class, () -> DnsMessage.query(1, "a..b", DnsMessage.MX));
        assertThrows(DnsException.class, () -> DnsMessage.query(1, "x".repeat(64) + ".test", DnsMessage.MX));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
