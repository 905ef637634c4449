package org.relaybench.session.batch;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.SupportSession;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * The figures of a batch run, counted as results arrive: records by status, diagnosed records by
 * their worst severity, and diagnosed records by provider and first finding, which is what the summary
 * report shows. Memory grows with the number of distinct (provider, finding) pairs, not with the
 * records. Not thread-safe: the thread that receives the results counts them.
 *
 * @since 0.1
 */
public final class BatchSummary {

    /** Diagnosed records of one provider whose first finding has one code. */
    public record Group(String providerId, String providerName, String code, String title, long count) {
    }

    private long diagnosed;
    private long invalid;
    private long failed;
    private long errors;
    private long warnings;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();

    /** @param result one more result */
    public void add(BatchResult result) {
        switch (result.status()) {
        case DIAGNOSED -> diagnosed++;
        case INVALID -> invalid++;
        case FAILED -> failed++;
        }
        Optional<Severity> worst = result.worst();
        if (worst.isPresent() && worst.get().compareTo(Severity.ERROR) >= 0) {
            errors++;
        } else if (worst.isPresent() && worst.get().compareTo(Severity.WARNING) >= 0) {
            warnings++;
        }
        result.diagnosis().ifPresent(d -> {
            String provider = d.diagnosis().provider().map(ProviderDescriptor::id).orElse("");
            String name = d.diagnosis().provider().map(ProviderDescriptor::name).orElse("");
            Optional<Finding> top = d.diagnosis().findings().stream().findFirst();
            String code = top.map(Finding::code).orElse("");
            add(new Group(provider, name, code, top.map(Finding::title).orElse(""), 1));
        });
    }

    /** @param group diagnosed records counted before (by a run this one resumes) */
    public void add(Group group) {
        String key = group.providerId() + '\u0000' + group.code();
        Group g = groups.get(key);
        groups.put(key, g == null ? group
                : new Group(g.providerId(), g.providerName(), g.code(), g.title(), g.count() + group.count()));
    }

    /** Adds the counts of a run this one resumes. */
    public void add(long diagnosedBefore, long invalidBefore, long failedBefore, long errorsBefore, long warningsBefore) {
        diagnosed += diagnosedBefore;
        invalid += invalidBefore;
        failed += failedBefore;
        errors += errorsBefore;
        warnings += warningsBefore;
    }

    /** @return every record with a result */
    public long records() {
        return diagnosed + invalid + failed;
    }

    public long diagnosed() {
        return diagnosed;
    }

    public long invalid() {
        return invalid;
    }

    public long failed() {
        return failed;
    }

    /** @return diagnosed records with a finding of severity error */
    public long errors() {
        return errors;
    }

    /** @return diagnosed records whose worst finding is a warning */
    public long warnings() {
        return warnings;
    }

    /** @return the diagnosed records by provider and first finding, in the order first met */
    public List<Group> groups() {
        return List.copyOf(groups.values());
    }

    /**
     * The diagnosed records as the sessions a summary report counts (one per record, opened at the
     * given time, open, with one diagnosis of its provider and first finding), for
     * {@link org.relaybench.session.SupportSessions#exportSummary} when the run logged no sessions.
     * The list makes each on demand and they share their parts: a few dozen bytes each.
     *
     * @param at when the run ran
     * @return a list of {@link #diagnosed()} sessions
     */
    public List<SupportSession> sessions(Instant at) {
        List<Group> list = new ArrayList<>(groups.values());
        List<SupportSession> prototypes = new ArrayList<>();
        long[] ends = new long[list.size()];
        long total = 0;
        for (int i = 0; i < list.size(); i++) {
            Group g = list.get(i);
            List<Finding> findings = g.code().isEmpty() ? List.of()
                    : List.of(new Finding(g.code(), Severity.INFO, 1, g.title(), List.of(), g.providerId(), "batch",
                            Optional.empty()));
            DiagnosisRecord d = new DiagnosisRecord(at, Optional.of(g.providerId()).filter(s -> !s.isEmpty()),
                    Optional.of(g.providerName()).filter(s -> !s.isEmpty()), findings, List.of());
            AccountProfile account = AccountProfile.builder("batch@" + (g.providerId().isEmpty() ? "example.com"
                    : g.providerId() + ".example")).build();
            prototypes.add(new SupportSession("batch-" + i, at, at, "", "batch", "", SessionStatus.OPEN, account,
                    List.of(d), List.of(), List.of(), List.of(), List.of()));
            total += g.count();
            ends[i] = total;
        }
        int size = (int) Math.min(Integer.MAX_VALUE, total);
        return new AbstractList<>() {
            @Override
            public SupportSession get(int index) {
                int i = java.util.Arrays.binarySearch(ends, index + 1L);
                return prototypes.get(i >= 0 ? i : -i - 1);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
