package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Security;
import org.relaybench.probe.DnsQuery;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.MailDns;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.SmtpProber;
import org.relaybench.probe.TrustPolicy;
import org.relaybench.tests.common.OsgiServices;

/**
 * Randomised robustness of the two parsers of server bytes that the probe has: the SMTP reply reader
 * and DNS answer handling. A seeded {@link Random} mutates a good SMTP dialogue and good DNS answers
 * (bytes flipped, inserted, deleted, lines cut, codes changed, line ends broken, endless lines and
 * replies); each mutant is served by a fake server on loopback to the real OSGi services. Every probe
 * and lookup must return (no exception), end before its deadline plus scheduling slack, and say what
 * happened: an SMTP result is either a success or has a known cause code and a summary; a DNS result's
 * failures are problems naming their lookup. Counts and time are bounded; the seed is in every message
 * and can be set with {@code -Drelaybench.mutation.seed=N} to replay a failure.
 */
class MutatedRepliesTest {

    private static final long SEED = Long.getLong("relaybench.mutation.seed", 20261204L);
    private static final int SMTP_CASES = 60;
    private static final int DNS_CASES = 60;
    /** Stop generating new cases after this long, whatever the count. */
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final Duration STAGE = Duration.ofMillis(400);
    private static final Duration TOTAL = Duration.ofMillis(1200);
    private static final long SLACK_MS = 1500;

    /** A good dialogue for a probe without credentials: greeting, EHLO, MAIL, RCPT, RSET, QUIT. */
    private static final List<String> DIALOGUE = List.of(
            "220 fake.relaybench.test ESMTP ready\r\n",
            "250-fake.relaybench.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n",
            "250 2.1.0 Ok\r\n",
            "250 2.1.5 Ok\r\n",
            "250 2.0.0 Ok\r\n",
            "221 2.0.0 Bye\r\n");

    @Test
    void theUnmutatedDialogueSucceeds() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(bytes(DIALOGUE))) {
            ProbeReport report = probe(server.port());
            assertTrue(report.ok(), report::toString);
        }
    }

    @Test
    void mutatedSmtpRepliesEndInTimeWithACause() throws Exception {
        Random random = new Random(SEED);
        long end = System.nanoTime() + BUDGET.toNanos();
        Map<String, Integer> codes = new TreeMap<>();
        int run = 0;
        for (; run < SMTP_CASES && System.nanoTime() < end; run++) {
            List<byte[]> script = mutate(bytes(DIALOGUE), random);
            String id = "seed " + SEED + ", case " + run + ": " + shown(script);
            ProbeReport report;
            try (FakeSmtpServer server = new FakeSmtpServer(script)) {
                report = probe(server.port());
            } catch (RuntimeException e) {
                throw new AssertionError(id + " threw " + e, e);
            }
            assertTrue(report.millis() < TOTAL.toMillis() + SLACK_MS, id + " took " + report.millis() + " ms");
            if (!report.ok()) {
                String code = report.code().orElseThrow(() -> new AssertionError(id + ": no cause code: " + report));
                assertTrue(CauseCode.of(code).isPresent(), id + ": unknown cause code " + code);
                assertFalse(report.summary().isBlank(), id + ": no summary");
                codes.merge(code, 1, Integer::sum);
            }
            assertTrue(report.transcript().stream().allMatch(l -> l.length() < 300
                    && l.chars().allMatch(c -> c >= 0x20 && c != 0x7f)), id + ": transcript " + report.transcript());
        }
        assertTrue(run >= 20, "only " + run + " cases in " + BUDGET);
        assertTrue(codes.size() >= 3, "the mutants reached too few causes: " + codes);
    }

    @Test
    void mutatedDnsAnswersEndInTimeAsProblems() throws Exception {
        Random random = new Random(SEED);
        long end = System.nanoTime() + BUDGET.toNanos();
        int run = 0;
        int problems = 0;
        for (; run < DNS_CASES && System.nanoTime() < end; run++) {
            long caseSeed = random.nextLong();
            String id = "seed " + SEED + ", DNS case " + run;
            DnsReport report;
            try (FakeDnsServer server = new FakeDnsServer(q -> mutateDns(goodAnswer(q), new Random(caseSeed)))) {
                report = OsgiServices.service(MailDns.class).lookup(new DnsQuery("relaybench.test",
                        Optional.of("smtp.relaybench.test"), Optional.of(server.address()), TOTAL));
            } catch (RuntimeException e) {
                throw new AssertionError(id + " threw " + e, e);
            }
            DnsReport r = report;
            assertTrue(r.millis() < TOTAL.toMillis() + SLACK_MS, () -> id + " took " + r.millis() + " ms");
            assertTrue(r.problems().stream().allMatch(p -> p.matches("(MX|SRV|A|AAAA) \\S+: .+")),
                    () -> id + ": " + r.problems());
            assertTrue(r.mx().stream().allMatch(m -> !m.host().isEmpty()), () -> id + ": " + r.mx());
            problems += r.problems().size();
        }
        assertTrue(run >= 20, "only " + run + " cases in " + BUDGET);
        assertTrue(problems > 0, "no mutant was noticed: the mutations are too mild");
    }

    private static ProbeReport probe(int port) throws Exception {
        ProbeRequest request = ProbeRequest.builder("127.0.0.1", port, Security.NONE).stageTimeout(STAGE)
                .timeout(TOTAL).trust(TrustPolicy.insecure()).build();
        return OsgiServices.service(SmtpProber.class).probe(request);
    }

    private static List<byte[]> bytes(List<String> replies) {
        return replies.stream().map(r -> r.getBytes(StandardCharsets.US_ASCII)).toList();
    }

    /** One to three mutations, each of one reply. */
    static List<byte[]> mutate(List<byte[]> replies, Random random) {
        List<byte[]> out = new ArrayList<>(replies);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int i = random.nextInt(out.size());
            out.set(i, mutateReply(out.get(i), random));
        }
        return out;
    }

    private static byte[] mutateReply(byte[] reply, Random random) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int at = reply.length == 0 ? 0 : random.nextInt(reply.length);
        switch (random.nextInt(9)) {
        case 0 -> { // flip a byte
            byte[] c = reply.clone();
            if (c.length > 0) {
                c[at] = (byte) random.nextInt(256);
            }
            return c;
        }
        case 1 -> { // insert random bytes
            b.write(reply, 0, at);
            byte[] junk = new byte[1 + random.nextInt(8)];
            random.nextBytes(junk);
            b.writeBytes(junk);
            b.write(reply, at, reply.length - at);
        }
        case 2 -> { // delete a run
            b.write(reply, 0, at);
            int skip = Math.min(reply.length - at, 1 + random.nextInt(6));
            b.write(reply, at + skip, reply.length - at - skip);
        }
        case 3 -> b.write(reply, 0, at); // cut short
        case 4 -> { // another reply code
            byte[] c = reply.clone();
            String code = Integer.toString(100 + random.nextInt(900));
            System.arraycopy(code.getBytes(StandardCharsets.US_ASCII), 0, c, 0, Math.min(3, c.length));
            return c;
        }
        case 5 -> { // bare LF or bare CR line ends
            String s = new String(reply, StandardCharsets.ISO_8859_1);
            return s.replace("\r\n", random.nextBoolean() ? "\n" : "\r").getBytes(StandardCharsets.ISO_8859_1);
        }
        case 6 -> { // an over-long line
            b.writeBytes("250-".getBytes(StandardCharsets.US_ASCII));
            b.writeBytes("x".repeat(2000 + random.nextInt(4000)).getBytes(StandardCharsets.US_ASCII));
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(reply);
        }
        case 7 -> { // too many continuation lines
            for (int i = 0, k = 90 + random.nextInt(30); i < k; i++) {
                b.writeBytes("250-MORE\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            b.writeBytes(reply);
        }
        default -> { // the reply twice, or pure noise instead of it
            if (random.nextBoolean()) {
                b.writeBytes(reply);
                b.writeBytes(reply);
            } else {
                byte[] noise = new byte[1 + random.nextInt(64)];
                random.nextBytes(noise);
                return noise;
            }
        }
        }
        return b.toByteArray();
    }

    /**
     * A good answer to a query: for MX two records, for SRV one, for A and AAAA one address, owner names
     * compressed against the question.
     */
    static byte[] goodAnswer(byte[] query) {
        int type = FakeDnsServer.type(query);
        ByteArrayOutputStream b = FakeDnsServer.respond(query, 0, type == 15 ? 2 : 1);
        byte[] data = switch (type) {
        case 15 -> new byte[] { 0, 10, 3, 'm', 'x', '1', (byte) 0xc0, 12 };
        case 33 -> new byte[] { 0, 0, 0, 1, 0x50, 0x6b, 4, 's', 'm', 't', 'p', (byte) 0xc0, 12 };
        case 28 -> new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
        default -> new byte[] { 127, 0, 0, 1 };
        };
        for (int i = 0; i < (type == 15 ? 2 : 1); i++) {
            b.writeBytes(new byte[] { (byte) 0xc0, 12, (byte) (type >> 8), (byte) type, 0, 1, 0, 0, 0x0e, 0x10,
                    0, (byte) data.length });
            b.writeBytes(data);
        }
        return b.toByteArray();
    }

    /** Mostly past the header, so that the answer still looks like the query's and gets parsed. */
    static byte[] mutateDns(byte[] answer, Random random) {
        byte[] a = answer.clone();
        int from = random.nextInt(10) == 0 ? 2 : 12;
        switch (random.nextInt(5)) {
        case 0 -> {
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                a[from + random.nextInt(a.length - from)] = (byte) random.nextInt(256);
            }
            return a;
        }
        case 1 -> {
            return Arrays.copyOf(a, from + random.nextInt(a.length - from));
        }
        case 2 -> { // counts that lie
            a[4 + 2 * random.nextInt(4) + 1] = (byte) random.nextInt(256);
            return a;
        }
        case 3 -> { // a compression pointer anywhere
            int at = from + random.nextInt(a.length - from - 1);
            a[at] = (byte) (0xc0 | random.nextInt(64));
            a[at + 1] = (byte) random.nextInt(256);
            return a;
        }
        default -> {
            byte[] longer = Arrays.copyOf(a, a.length + 1 + random.nextInt(32));
            for (int i = a.length; i < longer.length; i++) {
                longer[i] = (byte) random.nextInt(256);
            }
            return longer;
        }
        }
    }

    private static String shown(List<byte[]> script) {
        StringBuilder s = new StringBuilder();
        for (byte[] r : script) {
            String text = new String(r, 0, Math.min(r.length, 80), StandardCharsets.ISO_8859_1);
            s.append('[').append(text.replaceAll("[^\\x20-\\x7e]", "?")).append(r.length > 80 ? "…" : "").append(']');
        }
        return s.toString();
    }
}
