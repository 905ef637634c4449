package org.relaybench.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.relaybench.core.Security;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.Secret;
import org.relaybench.probe.TrustPolicy;
import org.relaybench.probe.internal.SmtpProberImpl;
import org.relaybench.tests.common.servers.MailServers;

/**
 * Relaybench's SMTP probe against swaks, on the test Postfix's submission port (STARTTLS, AUTH PLAIN,
 * MAIL, RCPT to an outside address, QUIT; never DATA), in one run: N probes one after another, N
 * probes at concurrency 16, and N swaks runs one after another. Starts and stops the same private
 * Postfix and Dovecot as the tests. Run with {@code releng/probe-benchmark [N]}.
 */
public final class ProbeBenchmark {

    private static final int CONCURRENCY = 16;

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Path.of(args.length > 1 ? args[1] : "releng/org.relaybench.benchmarks/target/probe-servers");
        try (MailServers servers = MailServers.start(dir); SmtpProberImpl prober = new SmtpProberImpl()) {
            ProbeRequest request = ProbeRequest.builder(MailServers.HOST, MailServers.SUBMISSION, Security.STARTTLS)
                    .credentials(MailServers.USER, Secret.of(MailServers.PASSWORD.toCharArray()))
                    .relayWithoutAuth(false) // the same dialogue as swaks: one AUTH, one MAIL, one RCPT
                    .trust(TrustPolicy.pem(servers.certificate())).timeout(Duration.ofSeconds(30)).build();
            System.out.printf(Locale.ROOT, "Probe benchmark: %d probes of %s:%d (STARTTLS + AUTH PLAIN + RCPT), "
                    + "Java %s, %d cores%n", n, MailServers.HOST, MailServers.SUBMISSION,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

            for (int i = 0; i < Math.min(50, n); i++) { // warm-up: JIT, TLS context, Postfix's smtpd processes
                check(prober.probe(request));
            }
            long[] each = new long[n];
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                check(prober.probe(request));
                each[i] = System.nanoTime() - s;
            }
            double sequential = seconds(System.nanoTime() - t0);

            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            long t1 = System.nanoTime();
            List<Future<ProbeReport>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> prober.probe(request)));
            }
            for (Future<ProbeReport> f : futures) {
                check(f.get(60, TimeUnit.SECONDS));
            }
            double concurrent = seconds(System.nanoTime() - t1);
            pool.shutdown();

            List<String> swaks = List.of("swaks", "--server", MailServers.HOST + ":" + MailServers.SUBMISSION, "-tls",
                    "--auth", "PLAIN", "--auth-user", MailServers.USER, "--auth-password", MailServers.PASSWORD,
                    "--from", MailServers.USER, "--to", ProbeRequest.DEFAULT_TO, "--quit-after", "RCPT",
                    "--silent", "2");
            long[] swaksEach = new long[n];
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                Process p = new ProcessBuilder(swaks).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(new File("/dev/null")).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("swaks failed: exit " + p.exitValue());
                }
                swaksEach[i] = System.nanoTime() - s;
            }
            double swaksTotal = seconds(System.nanoTime() - t2);

            System.out.println();
            System.out.printf(Locale.ROOT, "%-38s %10s %12s %12s%n", "", "probes/s", "median ms", "p95 ms");
            row("relaybench, sequential (warm)", n / sequential, each);
            System.out.printf(Locale.ROOT, "%-38s %10.1f %12s %12s%n", "relaybench, concurrency " + CONCURRENCY,
                    n / concurrent, "-", "-");
            row("swaks, sequential", n / swaksTotal, swaksEach);
            System.out.println();
            System.out.printf(Locale.ROOT, "warm probe vs swaks (median time, lower is better): %.3f (%.2fx faster)%n",
                    median(each) / median(swaksEach), median(swaksEach) / median(each));
            System.out.printf(Locale.ROOT, "concurrency %d vs swaks one after another (throughput): %.1fx%n",
                    CONCURRENCY, (n / concurrent) / (n / swaksTotal));
        }
    }

    private static void check(ProbeReport r) {
        if (!r.ok()) {
            throw new IllegalStateException("probe failed: " + r.code().orElse("") + " " + r.summary());
        }
    }

    private static void row(String name, double perSecond, long[] nanos) {
        System.out.printf(Locale.ROOT, "%-38s %10.1f %12.2f %12.2f%n", name, perSecond, median(nanos) / 1e6,
                percentile(nanos, 0.95) / 1e6);
    }

    private static double median(long[] nanos) {
        return percentile(nanos, 0.5);
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
