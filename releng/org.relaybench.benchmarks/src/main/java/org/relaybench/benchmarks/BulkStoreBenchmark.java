package org.relaybench.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.relaybench.core.AccountProfile;
import org.relaybench.store.BulkSession;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;

/**
 * The store's bulk writes alone: opens a corpus of sessions ({@link SessionCorpus}, each with its
 * diagnosis, as {@code relaybench batch --store} logs a record) with {@link SessionStore#openAll} in
 * chunks, a transaction each, from one or more writer threads, into each store named on the command
 * line, and prints sessions per second. The sessions are made before the clock starts: what is timed
 * is the store and its database, not the diagnosis.
 * <p>
 * Run by {@code releng/org.relaybench.benchmarks/bulk-store-benchmark}: {@code java -cp
 * benchmarks.jar org.relaybench.benchmarks.BulkStoreBenchmark [--sessions N] [--chunk C]
 * [--writers W] URL...} with fresh, empty stores.
 */
public final class BulkStoreBenchmark {

    private static final long SEED = 20261204L;

    private BulkStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = 100_000;
        int chunk = 500;
        int writers = 2;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
            case "--sessions" -> sessions = Integer.parseInt(args[++i]);
            case "--chunk" -> chunk = Integer.parseInt(args[++i]);
            case "--writers" -> writers = Integer.parseInt(args[++i]);
            default -> urls.add(args[i]);
            }
        }
        if (urls.isEmpty()) {
            System.err.println("usage: BulkStoreBenchmark [--sessions N] [--chunk C] [--writers W] JDBC-URL...");
            System.exit(2);
        }
        List<AccountProfile> accounts = AccountCorpus.generate(sessions, SEED);
        List<SessionCorpus.Entry> entries = new SessionCorpus(SEED, sessions).batch(0, sessions, accounts);
        for (String url : urls) {
            try (SessionStore store = SessionStores.open(url)) {
                List<List<BulkSession>> chunks = new ArrayList<>();
                for (int from = 0; from < sessions; from += chunk) {
                    List<BulkSession> c = new ArrayList<>();
                    for (SessionCorpus.Entry e : entries.subList(from, Math.min(sessions, from + chunk))) {
                        c.add(new BulkSession(store.newId(), e.opening(), List.of(), Optional.of(e.diagnosis())));
                    }
                    chunks.add(c);
                }
                AtomicInteger next = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    done.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                            store.openAll(chunks.get(i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                pool.shutdown();
                System.out.printf(Locale.ROOT, "%s: %,d sessions with their diagnosis in chunks of %d, %d writers: %.1f s,"
                        + " %,.0f sessions/s%n", store.description(), sessions, chunk, writers, seconds, sessions / seconds);
            }
        }
    }
}
