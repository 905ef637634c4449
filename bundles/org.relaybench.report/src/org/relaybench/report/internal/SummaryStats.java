package org.relaybench.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relaybench.core.CauseCode;
import org.relaybench.core.Finding;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SummaryReport;
import org.relaybench.report.SummaryReport.Count;
import org.relaybench.report.SummaryReport.ProcedureOutcome;
import org.relaybench.report.SummaryReport.ResolveTimes;

/** Computes a {@link SummaryReport}; the counting rules are documented there. */
public final class SummaryStats {

    /** Upper bounds of the time-to-resolve buckets; the last bucket is open. */
    private static final Duration[] BOUNDS = { Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofDays(1) };
    private static final String[] BUCKETS = { "lt-15m", "15m-30m", "30m-1h", "1h-4h", "4h-1d", "gt-1d" };

    private SummaryStats() {
    }

    /**
     * @param sessions the sessions
     * @param catalog the installed providers, for procedure titles
     * @return the figures
     */
    public static SummaryReport compute(List<SupportSession> sessions, ProviderCatalog.Snapshot catalog) {
        Map<String, int[]> providers = new LinkedHashMap<>();
        Map<String, String> providerNames = new LinkedHashMap<>();
        Map<String, int[]> causes = new LinkedHashMap<>();
        Map<String, int[]> procedures = new LinkedHashMap<>();
        Map<String, String> procedureTitles = new LinkedHashMap<>();
        List<Duration> times = new ArrayList<>();
        int resolved = 0;
        int unresolved = 0;
        Instant first = null;
        Instant last = null;
        for (SupportSession s : sessions) {
            switch (s.status()) {
            case RESOLVED -> resolved++;
            case UNRESOLVED -> unresolved++;
            case OPEN -> {
                // counted as the rest
            }
            }
            first = first == null || s.opened().isBefore(first) ? s.opened() : first;
            last = last == null || s.opened().isAfter(last) ? s.opened() : last;
            Optional<DiagnosisRecord> d = s.diagnoses().isEmpty() ? Optional.empty()
                    : Optional.of(s.diagnoses().get(s.diagnoses().size() - 1));
            String provider = d.flatMap(DiagnosisRecord::providerId).orElse(SummaryReport.NONE);
            providers.computeIfAbsent(provider, k -> new int[1])[0]++;
            d.flatMap(DiagnosisRecord::providerName).ifPresent(n -> providerNames.putIfAbsent(provider, n));
            String cause = d.flatMap(r -> r.findings().stream().findFirst()).map(Finding::code)
                    .orElse(SummaryReport.NONE);
            causes.computeIfAbsent(cause, k -> new int[1])[0]++;
            for (SessionView.ProcedureView p : SessionView.of(s, catalog, Optional.empty(), Instant.EPOCH)
                    .procedures()) {
                boolean worked = p.count(StepState.WORKED) > 0;
                if (worked || p.count(StepState.DID_NOT_WORK) > 0) {
                    int[] c = procedures.computeIfAbsent(p.id(), k -> new int[2]);
                    c[0]++;
                    c[1] += worked ? 1 : 0;
                    procedureTitles.putIfAbsent(p.id(), p.title());
                }
            }
            if (s.status() == SessionStatus.RESOLVED) {
                Instant end = s.audit().stream().filter(a -> a.action().equals("status")).map(AuditEntry::at)
                        .reduce((a, b) -> b).orElse(s.updated());
                Duration t = Duration.between(s.opened(), end);
                times.add(t.isNegative() ? Duration.ZERO : t);
            }
        }
        List<Count> byProvider = counts(providers, k -> k.isEmpty() ? Messages.Summary_noProvider
                : providerNames.getOrDefault(k, SessionView.providerName(catalog, k)));
        List<Count> byCause = counts(causes, k -> k.isEmpty() ? Messages.Summary_noFindings
                : CauseCode.of(k).map(CauseCode::summary).orElse(k));
        List<ProcedureOutcome> outcomes = new ArrayList<>();
        procedures.forEach((id, c) -> outcomes.add(new ProcedureOutcome(id, procedureTitles.get(id), c[0], c[1])));
        outcomes.sort(Comparator.comparingInt(ProcedureOutcome::tried).reversed()
                .thenComparing(ProcedureOutcome::procedureId));
        return new SummaryReport(sessions.size(), resolved, unresolved, sessions.size() - resolved - unresolved,
                Optional.ofNullable(first), Optional.ofNullable(last), byProvider, byCause, outcomes, times(times));
    }

    private static List<Count> counts(Map<String, int[]> counts, java.util.function.Function<String, String> label) {
        List<Count> list = new ArrayList<>();
        counts.forEach((k, c) -> list.add(new Count(k, label.apply(k), c[0])));
        list.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::key));
        return List.copyOf(list);
    }

    private static ResolveTimes times(List<Duration> times) {
        int[] buckets = new int[BUCKETS.length];
        for (Duration t : times) {
            int i = 0;
            while (i < BOUNDS.length && t.compareTo(BOUNDS[i]) >= 0) {
                i++;
            }
            buckets[i]++;
        }
        List<Count> histogram = new ArrayList<>();
        for (int i = 0; i < BUCKETS.length; i++) {
            histogram.add(new Count(BUCKETS[i], bucketLabel(i), buckets[i]));
        }
        if (times.isEmpty()) {
            return new ResolveTimes(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, histogram);
        }
        List<Duration> sorted = times.stream().sorted().toList();
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        Duration total = sorted.stream().reduce(Duration.ZERO, Duration::plus);
        Duration p90 = sorted.get((int) Math.ceil(0.9 * n) - 1);
        return new ResolveTimes(n, median, total.dividedBy(n), p90, sorted.get(n - 1), histogram);
    }

    private static String bucketLabel(int i) {
        return new String[] { Messages.Bucket_lt15m, Messages.Bucket_15m30m, Messages.Bucket_30m1h,
                Messages.Bucket_1h4h, Messages.Bucket_4h1d, Messages.Bucket_gt1d }[i];
    }
}
