package org.relaybench.core.internal.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * Finds the provider of an account in one catalog snapshot: by e-mail domain, then by MX host
 * (the longest matching suffix wins, then priority), then the generic provider. Built once per
 * snapshot generation; lookups are hash lookups.
 */
final class ProviderIndex {

    private final ProviderCatalog.Snapshot snapshot;
    private final Map<String, ProviderDescriptor> byDomain = new HashMap<>();
    private final Optional<ProviderDescriptor> generic;
    private final Map<String, List<PreparedReply>> replies = new HashMap<>();
    private final Map<String, List<org.relaybench.core.Evidence>> ruleEvidence = new HashMap<>();
    /** Per provider id, per cause code, the first of the provider's procedures that addresses it. */
    private final Map<String, Map<String, Procedure>> procedures = new HashMap<>();

    ProviderIndex(ProviderCatalog.Snapshot snapshot) {
        this.snapshot = snapshot;
        // the snapshot is in priority order: the first provider to claim a domain keeps it
        for (ProviderDescriptor p : snapshot.providers()) {
            for (String domain : p.domains()) {
                byDomain.putIfAbsent(domain, p);
            }
        }
        generic = snapshot.providers().stream().filter(ProviderDescriptor::generic).findFirst();
        for (ProviderDescriptor p : snapshot.providers()) {
            replies.put(p.id(), p.replies().stream().map(PreparedReply::new).toList());
            ruleEvidence.put(p.id(), RuleRunner.ruleEvidence(p));
            procedures.put(p.id(), byCause(p));
        }
    }

    private static Map<String, Procedure> byCause(ProviderDescriptor provider) {
        Map<String, Procedure> byCause = new HashMap<>();
        for (Procedure procedure : provider.procedures()) {
            for (String cause : procedure.addresses()) {
                byCause.putIfAbsent(cause, procedure);
            }
        }
        return byCause;
    }

    /**
     * @param provider a provider, or null
     * @param cause a cause code
     * @return the first of the provider's procedures that addresses the cause
     */
    Optional<Procedure> addressing(ProviderDescriptor provider, String cause) {
        if (provider == null) {
            return Optional.empty();
        }
        Map<String, Procedure> byCause = procedures.get(provider.id());
        // a provider chosen by id but absent from this snapshot is looked up directly
        return Optional.ofNullable((byCause != null ? byCause : byCause(provider)).get(cause));
    }

    /** @return the RULE evidence of each of the provider's rules, by position */
    List<org.relaybench.core.Evidence> ruleEvidence(ProviderDescriptor provider) {
        List<org.relaybench.core.Evidence> prepared = ruleEvidence.get(provider.id());
        return prepared != null && prepared.size() == provider.rules().size() ? prepared : RuleRunner.ruleEvidence(provider);
    }

    /** @return the provider's known replies, prepared for fast matching */
    List<PreparedReply> replies(ProviderDescriptor provider) {
        List<PreparedReply> prepared = replies.get(provider.id());
        // a provider chosen by id but absent from this snapshot has no prepared replies yet
        return prepared != null ? prepared : provider.replies().stream().map(PreparedReply::new).toList();
    }

    long generation() {
        return snapshot.generation();
    }

    ProviderCatalog.Snapshot snapshot() {
        return snapshot;
    }

    Optional<ProviderDescriptor> generic() {
        return generic;
    }

    /** How the provider was found, for the evidence. */
    record Match(ProviderDescriptor provider, String how) {
    }

    Optional<Match> match(String domain, List<String> mxHosts, Optional<String> forced) {
        if (forced.isPresent()) {
            return snapshot.provider(forced.get()).map(p -> new Match(p, "chosen by the agent"));
        }
        ProviderDescriptor byName = byDomain.get(domain);
        if (byName != null) {
            return Optional.of(new Match(byName, "serves the domain " + domain));
        }
        ProviderDescriptor best = null;
        int bestLength = -1;
        String bestHost = null;
        for (String mx : mxHosts) {
            for (ProviderDescriptor p : snapshot.providers()) {
                for (String suffix : p.mxSuffixes()) {
                    if (p.servesMx(mx) && mx.length() > 0 && suffix.length() > bestLength) {
                        best = p;
                        bestLength = suffix.length();
                        bestHost = mx;
                    }
                }
            }
        }
        if (best != null) {
            return Optional.of(new Match(best, "hosts the domain's mail (MX " + bestHost + ")"));
        }
        return generic.map(p -> new Match(p, "no provider serves " + domain + "; generic rules apply"));
    }
}
