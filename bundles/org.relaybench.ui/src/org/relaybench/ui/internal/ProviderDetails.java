package org.relaybench.ui.internal;

import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.relaybench.core.providers.Exemption;
import org.relaybench.core.providers.KnownReply;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.ServerRecommendation;

/** The Provider Catalog's details pane: everything a provider knows, or why a contribution did not load. */
final class ProviderDetails {

    private ProviderDetails() {
    }

    static String of(ProviderDescriptor p) {
        StringBuilder b = new StringBuilder();
        b.append(p.name()).append(" (").append(p.id()).append(")\n");
        if (!p.description().isEmpty()) {
            b.append(p.description()).append('\n');
        }
        section(b, Messages.DetailsDomains, p.generic() ? List.of(Messages.CatalogDomainsAny) : p.domains());
        section(b, Messages.DetailsMx, p.mxSuffixes());
        section(b, Messages.DetailsServers, p.servers().stream().map(ProviderDetails::server).toList());
        section(b, Messages.DetailsExemptions, p.exemptions().stream().map(ProviderDetails::exemption).toList());
        section(b, Messages.DetailsProcedures, p.procedures().stream().map(ProviderDetails::procedure).toList());
        section(b, Messages.DetailsReplies, p.replies().stream().map(ProviderDetails::reply).toList());
        section(b, Messages.DetailsRules, p.rules().stream().map(r -> r.id()).toList());
        b.append('\n').append(NLS.bind(Messages.DetailsOrigin, p.origin().source(), p.origin().bundle()));
        return b.toString();
    }

    static String of(LoadProblem problem) {
        return NLS.bind(Messages.DetailsProblem, new Object[] { problem.contributor(), problem.element(),
                problem.reason(), problem.skipped() });
    }

    private static void section(StringBuilder b, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        b.append('\n').append(title).append('\n');
        lines.forEach(l -> b.append("  \u2022 ").append(l).append('\n'));
    }

    private static String server(ServerRecommendation s) {
        return s.protocol().id().toUpperCase(Locale.ROOT) + " " + s.describe() + ", " + s.auth().id();
    }

    private static String exemption(Exemption e) {
        return e.kind().id() + e.client().map(c -> " (" + c + ")").orElse("") + ": " + e.description();
    }

    private static String procedure(Procedure p) {
        return p.title() + " \u2014 " + NLS.bind(Messages.DetailsSteps, p.steps().size()) + " [" + p.id() + "]";
    }

    private static String reply(KnownReply r) {
        return "/" + r.pattern().pattern() + "/ \u2192 " + r.cause() + ": " + r.description();
    }
}
