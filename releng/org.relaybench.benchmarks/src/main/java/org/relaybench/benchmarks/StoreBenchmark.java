package org.relaybench.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.CauseCode;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;

/**
 * The session store benchmark: inserts a year of sessions ({@link SessionCorpus}, 100,000 by default)
 * through the store's API into each store named on the command line, then times the searches an
 * agent makes, each many times with varied values, and prints p50 and p95 per search and store.
 * <p>
 * Run by {@code releng/org.relaybench.benchmarks/store-benchmark}, which starts a PostgreSQL server
 * for it: {@code java -cp benchmarks.jar org.relaybench.benchmarks.StoreBenchmark [--sessions N]
 * [--threads T] [--rounds R] [--existing] URL...} with fresh, empty stores, or with
 * {@code --existing} on stores that already hold the corpus of that many sessions (searches only).
 */
public final class StoreBenchmark {

    private static final long SEED = 20260301L;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = 100_000;
        int threads = 4;
        int rounds = 300;
        boolean existing = false;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
            case "--sessions" -> sessions = Integer.parseInt(args[++i]);
            case "--threads" -> threads = Integer.parseInt(args[++i]);
            case "--rounds" -> rounds = Integer.parseInt(args[++i]);
            case "--existing" -> existing = true;
            default -> urls.add(args[i]);
            }
        }
        if (urls.isEmpty()) {
            System.err.println("usage: StoreBenchmark [--sessions N] [--threads T] [--rounds R] [--existing] JDBC-URL...");
            System.exit(2);
        }
        SessionCorpus corpus = new SessionCorpus(SEED, sessions);
        Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
        for (String url : urls) {
            try (SessionStore store = SessionStores.open(url)) {
                System.out.println("== " + store.description());
                if (!existing) {
                    insert(store, corpus, sessions, threads);
                }
                results.put(kind(url), searches(store, corpus, sessions, rounds));
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Search latency at %,d sessions (ms, %d timed runs each, page of 50)%n", sessions,
                rounds);
        System.out.printf(Locale.ROOT, "%-36s", "search");
        results.keySet().forEach(k -> System.out.printf(Locale.ROOT, "  %10s p50  %10s p95", k, k));
        System.out.println();
        for (String search : results.values().iterator().next().keySet()) {
            System.out.printf(Locale.ROOT, "%-36s", search);
            for (Map<String, double[]> r : results.values()) {
                double[] p = r.get(search);
                System.out.printf(Locale.ROOT, "  %14.2f  %14.2f", p[0], p[1]);
            }
            System.out.println();
        }
    }

    private static String kind(String url) {
        return url.startsWith("jdbc:h2:") ? "H2" : "PostgreSQL";
    }

    /** Inserts the corpus, each session as the workbench writes it: opened, diagnosed, closed, noted. */
    private static void insert(SessionStore store, SessionCorpus corpus, int sessions, int threads) throws Exception {
        List<AccountProfile> accounts = AccountCorpus.generate(sessions, SEED);
        List<SessionCorpus.Entry> entries = corpus.batch(0, sessions, accounts);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger changes = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < sessions; i = next.getAndIncrement()) {
                    SessionCorpus.Entry e = entries.get(i);
                    String agent = e.opening().agent();
                    String id = store.open(e.opening());
                    store.recordDiagnosis(id, agent, e.diagnosis());
                    e.status().ifPresent(s -> store.setStatus(id, agent, s, ""));
                    e.note().ifPresent(n -> store.addNote(id, agent, n));
                    changes.addAndGet(2 + (e.status().isPresent() ? 1 : 0) + (e.note().isPresent() ? 1 : 0));
                    if ((i + 1) % 10_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d sessions inserted, %.0f s%n", i + 1,
                                (System.nanoTime() - start) / 1e9);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Inserted %,d sessions (%,d changes, each one transaction) in %.0f s with %d"
                + " threads: %.0f sessions/s%n", sessions, changes.get(), seconds, threads, sessions / seconds);
    }

    /** @return p50 and p95 in milliseconds per search */
    private static Map<String, double[]> searches(SessionStore store, SessionCorpus corpus, int sessions, int rounds) {
        CauseCode[] common = Arrays.copyOf(CauseCode.values(), 8);
        String[] providers = { "aol", "att", "gmail", "yahoo", "icloud", "exchange", "imap" };
        Map<String, Function<Random, SessionQuery>> searches = new LinkedHashMap<>();
        searches.put("customer (name prefix)", r -> SessionQuery.all().withCustomer(SessionCorpus.customer(r.nextInt(20_000))));
        searches.put("ticket", r -> SessionQuery.all().withTicket(SessionCorpus.ticket(r.nextInt(sessions))));
        searches.put("cause", r -> SessionQuery.all().withCause(common[r.nextInt(common.length)].code()));
        searches.put("provider + 30 days", r -> {
            Instant since = corpus.opened(r.nextInt(sessions));
            return SessionQuery.all().withProvider(providers[r.nextInt(providers.length)]).withSince(since)
                    .withUntil(since.plus(Duration.ofDays(30)));
        });
        searches.put("status + cause + 7 days", r -> {
            Instant since = corpus.opened(r.nextInt(sessions));
            return SessionQuery.all().withStatus(SessionStatus.UNRESOLVED).withCause(common[r.nextInt(4)].code())
                    .withSince(since).withUntil(since.plus(Duration.ofDays(7)));
        });
        searches.put("text: a last name", r -> SessionQuery.all().withText(SessionCorpus.lastName(r.nextInt(500))));
        searches.put("text: two words", r -> SessionQuery.all().withText(SessionCorpus.noteWord(r) + " relaying"));
        searches.put("text: prefix word*", r -> SessionQuery.all()
                .withText(SessionCorpus.lastName(r.nextInt(500)).substring(0, 4) + "*"));
        searches.put("text + provider", r -> SessionQuery.all().withText(SessionCorpus.noteWord(r))
                .withProvider(providers[r.nextInt(providers.length)]));
        searches.put("newest 50 (no criteria)", r -> SessionQuery.all());
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Random, SessionQuery>> s : searches.entrySet()) {
            Random r = new Random(SEED + s.getKey().hashCode());
            for (int i = 0; i < 30; i++) {
                store.search(s.getValue().apply(r)); // warm-up
            }
            double[] millis = new double[rounds];
            long found = 0;
            for (int i = 0; i < rounds; i++) {
                SessionQuery q = s.getValue().apply(r);
                long t0 = System.nanoTime();
                found += store.search(q).sessions().size();
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(millis);
            double p50 = millis[rounds / 2];
            double p95 = millis[(int) Math.ceil(rounds * 0.95) - 1];
            out.put(s.getKey(), new double[] { p50, p95 });
            System.out.printf(Locale.ROOT, "  %-36s p50 %8.2f ms  p95 %8.2f ms  max %8.2f ms  (%.1f sessions found on"
                    + " average)%n", s.getKey(), p50, p95, millis[rounds - 1], (double) found / rounds);
        }
        return out;
    }
}
