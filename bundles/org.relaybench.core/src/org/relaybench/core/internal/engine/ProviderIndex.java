package org.relaybench.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relaybench.core.Evidence;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.ServerRecommendation;

/**
 * Finds the provider of an account in one catalog snapshot: by e-mail domain, then by MX host
 * (the longest matching suffix wins, then priority), then the generic provider. Built once per
 * snapshot generation; lookups are hash lookups. It also keeps, per provider, what the engine reads
 * of it for every account ({@link Prepared}), so that no diagnosis filters, sorts or joins the
 * provider's lists again.
 */
final class ProviderIndex {

    private final ProviderCatalog.Snapshot snapshot;
    private final Map<String, ProviderDescriptor> byDomain = new HashMap<>();
    private final Optional<ProviderDescriptor> generic;
    private final Map<String, Prepared> prepared = new HashMap<>();

    /** What the engine reads of one provider for every account, worked out once. */
    static final class Prepared {
        final ProviderDescriptor provider;
        /** The known replies, prepared for fast matching. */
        final List<PreparedReply> replies;
        /** The error texts read with these known replies, and what they read as. */
        final ReplyFindings.Readings readings = new ReplyFindings.Readings();
        /** The RULE evidence of each rule, by position. */
        final List<Evidence> ruleEvidence;
        /** The key of each rule ({@code provider/rule}), by position. */
        final String[] ruleKeys;
        /** Per cause code, the first procedure that addresses it. */
        final Map<String, Procedure> byCause = new HashMap<>();
        /** The procedures by id (the first of an id, as {@link ProviderDescriptor#procedure(String)}). */
        final Map<String, Procedure> byId = new HashMap<>();
        /** {@link ProviderDescriptor#outgoing()}. */
        final List<ServerRecommendation> outgoing;
        /** The recommended outgoing servers described, without repeats, for the evidence. */
        final String outgoingHosts;

        Prepared(ProviderDescriptor provider) {
            this.provider = provider;
            this.replies = provider.replies().stream().map(PreparedReply::new).toList();
            this.ruleEvidence = RuleRunner.ruleEvidence(provider);
            this.ruleKeys = provider.rules().stream().map(r -> provider.id() + "/" + r.id()).toArray(String[]::new);
            for (Procedure procedure : provider.procedures()) {
                byId.putIfAbsent(procedure.id(), procedure);
                for (String cause : procedure.addresses()) {
                    byCause.putIfAbsent(cause, procedure);
                }
            }
            this.outgoing = provider.outgoing();
            List<String> described = new ArrayList<>();
            for (ServerRecommendation r : outgoing) {
                String d = r.describe();
                if (!described.contains(d)) {
                    described.add(d);
                }
            }
            this.outgoingHosts = String.join(", ", described);
        }
    }

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
            prepared.putIfAbsent(p.id(), new Prepared(p));
        }
    }

    /**
     * @param provider a provider, not null
     * @return what the engine reads of it; worked out now for a provider that is not in this snapshot
     */
    Prepared prepared(ProviderDescriptor provider) {
        Prepared p = prepared.get(provider.id());
        return p != null && p.provider == provider ? p : new Prepared(provider);
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
        return Optional.ofNullable(prepared(provider).byCause.get(cause));
    }

    /**
     * @param provider a provider, or null
     * @param id a procedure id
     * @return the provider's procedure of that id
     */
    Optional<Procedure> procedure(ProviderDescriptor provider, String id) {
        if (provider == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(prepared(provider).byId.get(id));
    }

    /** @return the RULE evidence of each of the provider's rules, by position */
    List<Evidence> ruleEvidence(ProviderDescriptor provider) {
        return prepared(provider).ruleEvidence;
    }

    /** @return the provider's known replies, prepared for fast matching */
    List<PreparedReply> replies(ProviderDescriptor provider) {
        return prepared(provider).replies;
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

    /**
     * @param domain the account's e-mail domain
     * @param mxHosts the domain's MX hosts, when known
     * @param forced the provider the agent chose, if any
     * @return the provider: the forced one, else by domain, else by MX host, else the generic one
     */
    Optional<ProviderDescriptor> match(String domain, List<String> mxHosts, Optional<String> forced) {
        if (forced.isPresent()) {
            return snapshot.provider(forced.get());
        }
        ProviderDescriptor byName = byDomain.get(domain);
        if (byName != null) {
            return Optional.of(byName);
        }
        ProviderDescriptor best = null;
        int bestLength = -1;
        for (String mx : mxHosts) {
            for (ProviderDescriptor p : snapshot.providers()) {
                for (String suffix : p.mxSuffixes()) {
                    if (p.servesMx(mx) && mx.length() > 0 && suffix.length() > bestLength) {
                        best = p;
                        bestLength = suffix.length();
                    }
                }
            }
        }
        return best != null ? Optional.of(best) : generic;
    }
}
