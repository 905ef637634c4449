package org.relaybench.ui.internal;

import java.util.ArrayList;
import java.util.List;

import java.text.MessageFormat;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * One row of the Provider Catalog view: a loaded provider or a load problem.
 *
 * @param error whether the row is a load problem
 * @param status the status column's text
 * @param id provider id, or the contributing bundle of a problem
 * @param name provider name, or the element at fault
 * @param priority priority, empty for problems
 * @param origin where it came from
 * @param detail domains of a provider, reason of a problem
 * @param details everything about the provider or the problem, for the details pane
 */
record CatalogRow(boolean error, String status, String id, String name, String priority, String origin,
        String detail, String details) {

    /**
     * @param snapshot the catalog
     * @return its providers in catalog order, then its problems in the order met
     */
    static List<CatalogRow> of(ProviderCatalog.Snapshot snapshot) {
        List<CatalogRow> rows = new ArrayList<>();
        for (ProviderDescriptor p : snapshot.providers()) {
            String domains = p.generic() ? Messages.CatalogDomainsAny : String.join(", ", p.domains());
            rows.add(new CatalogRow(false, Messages.CatalogStatusLoaded, p.id(), p.name(),
                    Integer.toString(p.priority()), p.origin().source() + " \u2014 " + p.origin().bundle(), domains,
                    ProviderDetails.of(p)));
        }
        for (LoadProblem problem : snapshot.problems()) {
            rows.add(new CatalogRow(true, Messages.CatalogStatusError, problem.contributor(), problem.element(), "",
                    problem.contributor(), problem.reason()
                            + (problem.skipped().isEmpty() ? "" : " (skipped " + problem.skipped() + ")"),
                    ProviderDetails.of(problem)));
        }
        return rows;
    }

    /**
     * @param snapshot the catalog
     * @return the status line text
     */
    static String summary(ProviderCatalog.Snapshot snapshot) {
        return MessageFormat.format(Messages.CatalogSummary, snapshot.providers().size(), snapshot.problems().size());
    }
}
