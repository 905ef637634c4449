package org.relaybench.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.core.internal.classify.ReplyClassifier;
import org.relaybench.core.internal.engine.DefaultDiagnosisEngine;

/**
 * Accounts per CPU-second, measured with the process' CPU time rather than wall time: a companion to
 * the JMH benchmark for machines shared with other work, where wall-clock throughput says more about
 * the neighbours than about Relaybench. Run with
 * {@code java -cp releng/org.relaybench.benchmarks/target/benchmarks.jar org.relaybench.benchmarks.CpuTimeHarness}.
 */
public final class CpuTimeHarness {

    private CpuTimeHarness() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("relaybench.root", "."));
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        DefaultDiagnosisEngine engine = new DefaultDiagnosisEngine(new StandaloneCatalog(root));
        ReplyClassifier classifier = new ReplyClassifier();
        List<AccountProfile> accounts = AccountCorpus.generate(4096, 20261128L);
        List<AccountProfile> distinct = AccountCorpus.generate(4096, 20261128L, true);
        DiagnosisOptions withText = DiagnosisOptions.DEFAULTS;
        DiagnosisOptions settingsOnly = DiagnosisOptions.DEFAULTS.withClassifyErrorText(false);
        for (int warm = 0; warm < 3; warm++) {
            run(rounds, () -> batches(engine, accounts, withText));
            run(rounds, () -> batches(engine, distinct, withText));
            run(rounds, () -> batches(engine, accounts, settingsOnly));
            run(rounds, () -> accounts.forEach(a -> classifier.classify(a.errorText())));
        }
        report("batch, with error text", run(rounds, () -> batches(engine, accounts, withText)), rounds, accounts.size());
        report("batch, distinct error texts", run(rounds, () -> batches(engine, distinct, withText)), rounds,
                distinct.size());
        report("batch, settings only", run(rounds, () -> batches(engine, accounts, settingsOnly)), rounds, accounts.size());
        report("classifier alone", run(rounds, () -> accounts.forEach(a -> classifier.classify(a.errorText()))), rounds,
                accounts.size());
        engine.deactivate();
    }

    private static void batches(DefaultDiagnosisEngine engine, List<AccountProfile> accounts, DiagnosisOptions options) {
        for (int i = 0; i < accounts.size(); i += DiagnosisBenchmark.CHUNK) {
            engine.diagnoseAll(accounts.subList(i, i + DiagnosisBenchmark.CHUNK), options);
        }
    }

    private static long run(int rounds, Runnable body) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        for (int r = 0; r < rounds; r++) {
            body.run();
        }
        return os.getProcessCpuTime() - start;
    }

    private static void report(String what, long cpuNanos, int rounds, int accounts) {
        double perSecond = (double) rounds * accounts / (cpuNanos / 1e9);
        System.out.printf(Locale.ROOT, "%-28s %,12.0f accounts per CPU-second (%.2f us each)%n", what, perSecond,
                1e6 / perSecond);
    }
}
