package org.relaybench.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relaybench.core.ClientInfo;
import org.relaybench.core.Finding;
import org.relaybench.core.providers.Procedure;

/**
 * The findings the session editor shows: from a diagnosis just run, or from the last diagnosis a
 * logged session holds (then the procedures come from the provider catalog).
 *
 * @param findings ranked, most likely first
 * @param procedures the procedures they point at, by id
 * @param client whose wording the steps take
 * @param provider the provider's name, or empty when none matched
 * @param providerId the provider's id, or empty when none matched
 */
record Shown(List<Finding> findings, Map<String, Procedure> procedures, ClientInfo client, Optional<String> provider,
        Optional<String> providerId) {

    Shown {
        findings = List.copyOf(findings);
        procedures = Map.copyOf(procedures);
    }

    Optional<Procedure> procedureFor(Finding finding) {
        return finding.procedure().map(procedures::get);
    }
}
