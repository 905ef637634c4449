package org.relaybench.core.rules;

import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * What a {@link DiagnosisRule} sees. New methods may be added in minor versions; rules only call it.
 *
 * @since 0.1
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface RuleContext {

    /** @return the account under diagnosis */
    AccountProfile account();

    /** @return the provider whose rule is running */
    ProviderDescriptor provider();

    /** @return the descriptor of the running rule */
    RuleDescriptor rule();

    /**
     * Builds a finding attributed to the running rule and its provider.
     *
     * @param code a standard cause code or one prefixed with the provider id
     * @param severity how serious
     * @param confidence between 0 and 1
     * @param title one line for the agent
     * @param procedure the addressing procedure's id, empty for the rule's own
     * @param evidence what supports it
     * @return the finding
     */
    default Finding finding(String code, Severity severity, double confidence, String title,
            Optional<String> procedure, List<Evidence> evidence) {
        return new Finding(code, severity, confidence, title, evidence, provider().id(), rule().id(),
                procedure.or(() -> rule().procedure()));
    }
}
