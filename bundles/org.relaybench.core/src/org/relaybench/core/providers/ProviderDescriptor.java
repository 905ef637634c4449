package org.relaybench.core.providers;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.MailProtocol;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * A provider as contributed to the extension point {@code org.relaybench.core.providers}.
 *
 * @param id the provider id, unique in the catalog
 * @param name the display name
 * @param priority when several providers match an account the higher wins; the generic provider uses
 *        a negative priority so that it comes last
 * @param description a line about the provider, may be empty
 * @param generic whether the provider matches any domain (element {@code domain name="*"})
 * @param domains e-mail domains served, lower case
 * @param mxSuffixes MX host suffixes that identify custom domains hosted by the provider
 * @param servers recommended servers, outgoing and incoming, in declared order
 * @param exemptions departures from the usual rules
 * @param rules declarative and code rules
 * @param procedures fix procedures
 * @param replies known server replies
 * @param origin where it came from
 * @since 0.1
 */
public record ProviderDescriptor(String id, String name, int priority, String description, boolean generic,
        List<String> domains, List<String> mxSuffixes, List<ServerRecommendation> servers,
        List<Exemption> exemptions, List<RuleDescriptor> rules, List<Procedure> procedures,
        List<KnownReply> replies, ProviderOrigin origin) {

    public ProviderDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        mxSuffixes = mxSuffixes.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        servers = List.copyOf(servers);
        exemptions = List.copyOf(exemptions);
        rules = List.copyOf(rules);
        procedures = List.copyOf(procedures);
        replies = List.copyOf(replies);
        Objects.requireNonNull(origin, "origin");
    }

    /** @return the recommended outgoing servers, preferred first, then in declared order */
    public List<ServerRecommendation> outgoing() {
        return byProtocol(true);
    }

    /** @return the recommended incoming servers, preferred first, then in declared order */
    public List<ServerRecommendation> incoming() {
        return byProtocol(false);
    }

    private List<ServerRecommendation> byProtocol(boolean outgoing) {
        return servers.stream().filter(s -> (s.protocol() == MailProtocol.SMTP) == outgoing)
                .sorted((a, b) -> Boolean.compare(b.preferred(), a.preferred())).toList();
    }

    /**
     * @param domain an e-mail domain
     * @return whether the provider lists exactly that domain
     */
    public boolean servesDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(x -> d.equals(x));
    }

    /**
     * @param mxHost a host name from the domain's MX records
     * @return whether it is one of the MX suffixes or a host below one (label boundary respected)
     */
    public boolean servesMx(String mxHost) {
        String h = mxHost.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return mxSuffixes.stream().anyMatch(s -> h.equals(s) || h.endsWith("." + s));
    }

    /**
     * @param kind an exception kind
     * @return whether the provider declares it
     */
    public boolean has(Exemption.Kind kind) {
        return exemptions.stream().anyMatch(e -> e.kind() == kind);
    }

    /**
     * @param procedureId a procedure id
     * @return the procedure, when declared
     */
    public Optional<Procedure> procedure(String procedureId) {
        return procedures.stream().filter(p -> p.id().equals(procedureId)).findFirst();
    }
}
