package org.relaybench.core.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Refutation;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * Merges findings of the same cause into one and ranks them. Confidences of independent pieces of
 * evidence combine as a noisy-or ({@code 1 - (1-a)(1-b)...}, at most 0.99); the severity is the
 * highest; the title, provider and rule are those of the most confident contributor; evidence is
 * kept in the order found, without repeats, with one RULE entry per contributing rule.
 */
final class FindingMerger {

    private static final String RELAY_DENIED = CauseCode.RELAY_DENIED.code();

    private FindingMerger() {
    }

    /**
     * @param findings the findings, in the order found
     * @return one finding per cause, in the order of each cause's first finding, then ranked
     */
    static List<Finding> merge(List<Finding> findings) {
        int n = findings.size();
        List<Finding> merged = new ArrayList<>(n);
        // a handful of findings: grouping by scanning costs less than a map of lists
        boolean[] taken = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (taken[i]) {
                continue;
            }
            Finding first = findings.get(i);
            List<Finding> group = null;
            for (int j = i + 1; j < n; j++) {
                if (!taken[j] && findings.get(j).code().equals(first.code())) {
                    if (group == null) {
                        group = new ArrayList<>(4);
                        group.add(first);
                    }
                    group.add(findings.get(j));
                    taken[j] = true;
                }
            }
            merged.add(group == null ? first : combine(group));
        }
        // "relay-denied" means "nothing more specific can be said": it goes when something more specific was
        boolean specific = false;
        for (Finding f : merged) {
            specific |= f.severity() == Severity.ERROR && !f.code().equals(RELAY_DENIED) && CauseCode.of(f.code()).isPresent();
        }
        if (specific) {
            merged.removeIf(f -> f.code().equals(RELAY_DENIED));
        }
        merged.sort(RANKING);
        return merged;
    }

    /**
     * Lowers the findings whose cause was refuted from outside (a live probe saw the settings work): they
     * stay visible, as {@link Severity#INFO} with a quarter of their confidence and the refuting
     * evidence, and are ranked again.
     */
    static List<Finding> refute(List<Finding> findings, List<Refutation> refutations) {
        if (refutations.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<Evidence> against = refutations.stream().filter(r -> r.code().equals(f.code()))
                    .map(Refutation::evidence).distinct().toList();
            if (against.isEmpty()) {
                out.add(f);
                continue;
            }
            List<Evidence> evidence = new ArrayList<>(f.evidence());
            against.stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
            out.add(new Finding(f.code(), Severity.INFO, round(f.confidence() / 4), f.title() + " (refuted by a live check)",
                    evidence, f.provider(), f.rule(), f.procedure()));
        }
        out.sort(RANKING);
        return out;
    }

    private static Finding combine(List<Finding> group) {
        Finding lead = group.get(0);
        double miss = 1;
        Severity severity = Severity.INFO;
        // a list with an equality scan: evidence lists are short, and hashing long detail strings cost more
        List<Evidence> evidence = new ArrayList<>();
        Optional<String> procedure = Optional.empty();
        for (Finding f : group) {
            if (f.confidence() > lead.confidence()) {
                lead = f;
            }
            miss *= 1 - f.confidence();
            if (f.severity().compareTo(severity) > 0) {
                severity = f.severity();
            }
            for (Evidence e : f.evidence()) {
                if (!evidence.contains(e)) {
                    evidence.add(e);
                }
            }
            String rule = f.provider() + "/" + f.rule();
            if (!hasRule(evidence, rule)) {
                evidence.add(new Evidence(Evidence.Kind.RULE, rule, f.title()));
            }
        }
        for (Finding f : group) { // a provider's own procedure is preferred to none
            if (procedure.isEmpty() && f.procedure().isPresent()) {
                procedure = f.procedure();
            }
        }
        if (lead.procedure().isPresent()) {
            procedure = lead.procedure();
        }
        double confidence = Math.min(0.99, round(1 - miss));
        return new Finding(lead.code(), severity, confidence, lead.title(), List.copyOf(evidence), lead.provider(),
                lead.rule(), procedure);
    }

    private static boolean hasRule(List<Evidence> evidence, String rule) {
        for (Evidence e : evidence) {
            if (e.kind() == Evidence.Kind.RULE && e.subject().equals(rule)) {
                return true;
            }
        }
        return false;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Severity, then confidence (both highest first), then the order of the standard codes, then the code. */
    static final Comparator<Finding> RANKING = FindingMerger::compareRank;

    private static int compareRank(Finding a, Finding b) {
        int c = b.severity().compareTo(a.severity());
        if (c != 0) {
            return c;
        }
        c = Double.compare(b.confidence(), a.confidence());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(standardOrder(a.code()), standardOrder(b.code()));
        return c != 0 ? c : a.code().compareTo(b.code());
    }

    private static int standardOrder(String code) {
        Optional<CauseCode> standard = CauseCode.of(code);
        return standard.isPresent() ? standard.get().ordinal() : Integer.MAX_VALUE;
    }

    /**
     * Points every finding without a procedure at one that addresses its cause: the matched provider's
     * first, then the generic provider's, then the core's own advice for replies that are not about the
     * settings ({@link AgentAdvice}).
     *
     * @return the findings with procedures, and the procedures they name
     */
    static List<Finding> attachProcedures(List<Finding> findings, ProviderDescriptor provider, ProviderIndex index,
            Map<String, Procedure> used) {
        Optional<ProviderDescriptor> generic = index.generic();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Optional<Procedure> procedure = f.procedure().flatMap(id -> find(id, provider, generic, index));
            if (procedure.isEmpty()) {
                procedure = index.addressing(provider, f.code())
                        .or(() -> generic.flatMap(g -> index.addressing(g, f.code())))
                        .or(() -> AgentAdvice.forCause(f.code()));
            }
            procedure.ifPresent(p -> used.putIfAbsent(p.id(), p));
            out.add(procedure.map(Procedure::id).equals(f.procedure()) ? f
                    : new Finding(f.code(), f.severity(), f.confidence(), f.title(), f.evidence(), f.provider(),
                            f.rule(), procedure.map(Procedure::id)));
        }
        return out;
    }

    private static Optional<Procedure> find(String id, ProviderDescriptor provider,
            Optional<ProviderDescriptor> generic, ProviderIndex index) {
        Optional<Procedure> own = index.procedure(provider, id);
        return own.or(() -> generic.flatMap(g -> index.procedure(g, id)));
    }
}
