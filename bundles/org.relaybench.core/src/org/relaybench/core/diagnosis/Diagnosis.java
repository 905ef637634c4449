package org.relaybench.core.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.Finding;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * The result of diagnosing one account: what is wrong, ranked most likely first, how sure we are,
 * why, and the procedures that address it.
 *
 * @param account the account diagnosed
 * @param provider the provider that matched, empty when none did (not even a generic one)
 * @param findings findings ranked by severity, then confidence, then the order of the cause codes
 * @param replies what the error text was classified as, most confident first
 * @param procedures the procedures the findings point at, by id
 * @param errors contributions that failed during this diagnosis
 * @since 0.1
 */
public record Diagnosis(AccountProfile account, Optional<ProviderDescriptor> provider, List<Finding> findings,
        List<ReplyMatch> replies, Map<String, Procedure> procedures, List<DiagnosisError> errors) {

    public Diagnosis {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(provider, "provider");
        findings = List.copyOf(findings);
        replies = List.copyOf(replies);
        procedures = Map.copyOf(procedures);
        errors = List.copyOf(errors);
    }

    /** @return the most likely finding, when there is one */
    public Optional<Finding> top() {
        return findings.isEmpty() ? Optional.empty() : Optional.of(findings.get(0));
    }

    /**
     * @param finding one of the findings
     * @return the procedure that addresses it, when there is one
     */
    public Optional<Procedure> procedureFor(Finding finding) {
        return finding.procedure().map(procedures::get);
    }
}
