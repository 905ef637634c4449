package org.relaybench.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaybench.tests.common.servers.DnsServer;
import org.relaybench.tests.common.servers.RealServers;
import org.relaybench.tests.common.servers.MailServers;

import com.google.gson.JsonObject;

/**
 * {@code batch --probe} against the real test Postfix (and dnsmasq): identical server settings are
 * probed once per run, a dead server costs each of its accounts at most the deadline, and no server is
 * asked by more than {@code --per-host} accounts at once.
 */
@ExtendWith(RealServers.class)
class ProbeBatchTest {

    private static final String HEADER = "id,email,client,error,smtp-host,smtp-port,smtp-security,smtp-auth\n";
    private static final String RELAYING = "\"The recipient \"\"sam@example.org\"\" was rejected by the server because it"
            + " does not allow relaying.\"";

    private static String[] probe(String... more) {
        List<String> args = new ArrayList<>(List.of("batch", "--probe", "--trust-cert",
                RealServers.mail().certificate().toString(), "--dns", DnsServer.address(), "--timeout", "3"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static long connections(Path postfixLog) throws IOException {
        if (!Files.exists(postfixLog)) {
            return 0;
        }
        return Files.readAllLines(postfixLog, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("connect from") && !l.contains("disconnect from")).count();
    }

    @Test
    void identicalSettingsAreProbedOnceAndADeadServerCostsItsDeadline() throws Exception {
        Path dir = Batch.folder("probe");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) { // 40 accounts, two settings on the real Postfix
            int port = i % 2 == 0 ? MailServers.SUBMISSION : MailServers.SUBMISSIONS;
            String security = i % 2 == 0 ? "starttls" : "tls";
            csv.append("p").append(i).append(",user").append(i).append('@').append(MailServers.DOMAIN).append(",ios-12,")
                    .append(RELAYING).append(',').append(MailServers.HOST).append(',').append(port).append(',')
                    .append(security).append(",none\n");
        }
        try (ServerSocket dead = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // a server that accepts and never says a word
            for (int i = 0; i < 6; i++) {
                csv.append("d").append(i).append(",dead").append(i).append("@dead-").append(i).append(".test,ios-12,,127.0.0.1,")
                        .append(dead.getLocalPort()).append(",none,none\n");
            }
            Path input = dir.resolve("accounts.csv");
            Files.writeString(input, csv);
            Path postfixLog = RealServers.mail().postfixLog();
            long before = connections(postfixLog);
            long t0 = System.nanoTime();
            Batch b = Batch.run(probe("--concurrency", "16", "--per-host", "2", input.toString()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(0, b.exit(), b.err());
            List<JsonObject> r = b.results();
            assertEquals(46, r.size());
            for (JsonObject o : r) {
                assertEquals("diagnosed", o.get("status").getAsString(), o.toString());
                assertTrue(o.get("probe").isJsonObject(), "every account has its probe: " + o.get("id"));
                assertFalse(o.get("probe").toString().matches("(?s).*(user|dead)\\d+@.*"),
                        "a shared probe carries no customer's address: " + o.get("probe"));
            }
            JsonObject live = r.get(0).getAsJsonObject("probe");
            assertEquals(MailServers.SUBMISSION, live.get("port").getAsInt());
            JsonObject silent = r.get(40).getAsJsonObject("probe");
            assertTrue(silent.get("code").getAsString().contains("greeting") || silent.get("code").getAsString().contains("slow"),
                    silent.toString());
            // the dead server: 6 distinct domains (6 probes), 2 at a time, each at most its 3 s deadline
            assertTrue(seconds < 3 * 3 * 3 + 15, "ended in " + seconds + " s");
            assertTrue(b.err().contains("8 probes, 38 shared"), b.err());
            Thread.sleep(1500); // Postfix logs asynchronously
            long made = connections(postfixLog) - before;
            assertTrue(made >= 2 && made <= 4, "40 accounts, two settings: " + made + " connections to Postfix");
            System.out.println("probe batch: 46 accounts (40 on the test Postfix with two settings, 6 on a silent server) in "
                    + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s; " + made + " connections to Postfix");
        }
    }

    @Test
    void noServerIsAskedByMoreThanPerHostAccountsAtOnce() throws Exception {
        // each connection's life on the server: from accept to the client's hang-up (EOF)
        List<long[]> lives = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        long[] life = { System.nanoTime(), Long.MAX_VALUE };
                        lives.add(life);
                        accepted.incrementAndGet();
                        Thread t = new Thread(() -> { // greets slowly with a refusal, then waits for the hang-up
                            try (s; OutputStream out = s.getOutputStream()) {
                                Thread.sleep(400);
                                out.write("554 5.3.2 busy, come back later\r\n".getBytes(StandardCharsets.US_ASCII));
                                out.flush();
                                s.setSoTimeout(10_000);
                                java.io.InputStream in = s.getInputStream();
                                while (in.read() != -1) {
                                    // the client's QUIT, then its hang-up
                                }
                            } catch (IOException | InterruptedException e) {
                                // the test ends
                            } finally {
                                life[1] = System.nanoTime();
                            }
                        });
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < 12; i++) { // twelve domains: twelve different probes, all of one host
                csv.append("h").append(i).append(",user@domain-").append(i).append(".test,ios-12,,127.0.0.1,")
                        .append(server.getLocalPort()).append(",none,none\n");
            }
            Path input = Batch.folder("polite").resolve("accounts.csv");
            Files.writeString(input, csv);
            Batch b = Batch.run(probe("--concurrency", "12", "--per-host", "2", input.toString()));
            assertEquals(0, b.exit(), b.err());
            assertEquals(12, b.results().size());
            assertTrue(accepted.get() >= 12, "every account's probe reached the server: " + accepted.get());
            Thread.sleep(200); // the last hang-ups
            assertEquals(2, mostAtOnce(lives), "at most --per-host connections to one server at once, and that many used");
        }
    }

    /**
     * Figures, not a timed test: a thousand accounts with a thousand different settings (one domain
     * each) on the test Postfix's submission port, probed at concurrency 16 (16 per host: all are on
     * one host), next to swaks asking the same server the same way (STARTTLS, MAIL FROM, RCPT TO, quit)
     * one run after another.
     */
    @Test
    void aThousandProbesAtConcurrency16NextToSwaksOneAfterAnother() throws Exception {
        int n = 1_000;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < n; i++) {
            csv.append("b").append(i).append(",user@d").append(i).append('.').append(MailServers.DOMAIN).append(",ios-12,,")
                    .append(MailServers.HOST).append(',').append(MailServers.SUBMISSION).append(",starttls,none\n");
        }
        Path input = Batch.folder("probe-thousand").resolve("accounts.csv");
        Files.writeString(input, csv);
        long t0 = System.nanoTime();
        Batch b = Batch.run(probe("--concurrency", "16", "--per-host", "16", "--output-format", "csv", input.toString()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, b.exit(), b.err());
        assertTrue(b.err().contains("1,000 probes, 0 shared"), b.err());
        long relayRefused = b.lines().stream().skip(1).filter(l -> l.contains(",diagnosed,")).count();
        assertEquals(n, relayRefused);
        int swaksRuns = 40;
        long s0 = System.nanoTime();
        for (int i = 0; i < swaksRuns; i++) {
            Process p = new ProcessBuilder("swaks", "--server", MailServers.HOST, "--port",
                    Integer.toString(MailServers.SUBMISSION), "--tls", "--from", "user@d" + i + "."
                            + MailServers.DOMAIN, "--to", "relaybench-probe@example.com", "--quit-after", "RCPT")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
        }
        double swaks = (System.nanoTime() - s0) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "probe batch: %d accounts probed (all different settings) at concurrency 16 in %.1f s, %.0f accounts/s;"
                        + " swaks one after another: %d runs in %.1f s, %.1f runs/s (%.0f s for %d); %.0fx%n",
                n, seconds, n / seconds, swaksRuns, swaks, swaksRuns / swaks, swaks / swaksRuns * n, n,
                (swaks / swaksRuns * n) / seconds);
    }

    /**
     * The most connections alive at one moment, counting a connection's end 50 ms early: the server
     * sees a hang-up a moment after the client has moved on to its next probe, while connections that
     * really overlap do so for the whole 400 ms greeting.
     */
    private static int mostAtOnce(List<long[]> lives) {
        long slack = 50_000_000L;
        int most = 0;
        synchronized (lives) {
            for (long[] a : lives) {
                int at = 0;
                for (long[] b : lives) {
                    if (b[0] <= a[0] && a[0] < b[1] - slack) {
                        at++;
                    }
                }
                most = Math.max(most, at);
            }
        }
        return most;
    }
}
