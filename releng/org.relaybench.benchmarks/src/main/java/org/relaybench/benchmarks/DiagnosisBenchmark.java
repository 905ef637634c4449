package org.relaybench.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.core.internal.classify.ReplyClassifier;
import org.relaybench.core.internal.engine.DefaultDiagnosisEngine;

/**
 * Offline diagnosis throughput on one thread: accounts per second, with and without classifying the
 * error text, and the classifier alone. One operation is one account of a mixed corpus; the engine
 * gets them as a batch run does, {@value #CHUNK} at a time ({@code diagnoseAll}), and one at a time
 * as the workbench does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DiagnosisBenchmark {

    private static final int CORPUS = 4096;
    static final int CHUNK = 256;

    private DefaultDiagnosisEngine engine;
    private ReplyClassifier classifier;
    private List<AccountProfile> accounts;
    private DiagnosisOptions withText;
    private DiagnosisOptions settingsOnly;
    private int next;
    private List<List<AccountProfile>> chunks;
    private int nextChunk;
    /** The same accounts, each error text its own: no text is read before (the engine keeps 512 per provider). */
    private List<List<AccountProfile>> distinctChunks;

    @Setup(Level.Trial)
    public void setUp() {
        Path root = Path.of(System.getProperty("relaybench.root", "."));
        engine = new DefaultDiagnosisEngine(new StandaloneCatalog(root));
        classifier = new ReplyClassifier();
        accounts = AccountCorpus.generate(CORPUS, 20261128L);
        withText = DiagnosisOptions.DEFAULTS;
        settingsOnly = DiagnosisOptions.DEFAULTS.withClassifyErrorText(false);
        chunks = new java.util.ArrayList<>();
        List<AccountProfile> distinct = AccountCorpus.generate(CORPUS, 20261128L, true);
        distinctChunks = new java.util.ArrayList<>();
        for (int i = 0; i < CORPUS; i += CHUNK) {
            chunks.add(accounts.subList(i, i + CHUNK));
            distinctChunks.add(distinct.subList(i, i + CHUNK));
        }
    }

    private List<AccountProfile> nextChunk() {
        List<AccountProfile> c = chunks.get(nextChunk);
        nextChunk = (nextChunk + 1) % chunks.size();
        return c;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.deactivate();
    }

    private AccountProfile nextAccount() {
        AccountProfile a = accounts.get(next);
        next = (next + 1) & (CORPUS - 1);
        return a;
    }

    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public void batchWithErrorText(Blackhole sink) {
        sink.consume(engine.diagnoseAll(nextChunk(), withText));
    }

    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public void batchWithDistinctErrorTexts(Blackhole sink) {
        List<AccountProfile> c = distinctChunks.get(nextChunk);
        nextChunk = (nextChunk + 1) % distinctChunks.size();
        sink.consume(engine.diagnoseAll(c, withText));
    }

    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public void batchSettingsOnly(Blackhole sink) {
        sink.consume(engine.diagnoseAll(nextChunk(), settingsOnly));
    }

    @Benchmark
    public void singleWithErrorText(Blackhole sink) {
        sink.consume(engine.diagnose(nextAccount(), withText));
    }

    @Benchmark
    public void classifyErrorTextOnly(Blackhole sink) {
        sink.consume(classifier.classify(nextAccount().errorText()));
    }
}
