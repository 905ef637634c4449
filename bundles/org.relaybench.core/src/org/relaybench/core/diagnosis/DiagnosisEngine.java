package org.relaybench.core.diagnosis;

import java.util.List;
import java.util.function.BiFunction;

import org.relaybench.core.AccountProfile;

/**
 * Diagnoses accounts: matches the provider (by domain, then by MX suffix), runs the built-in checks,
 * the provider's declarative and code rules and the reply classifier, and merges the results into
 * ranked findings with evidence and procedures. Deterministic: the same account, options and
 * installed providers always give the same diagnosis. An OSGi service; thread-safe.
 * <p>
 * Contributed code is isolated: a provider's code rules are created and run through
 * {@code SafeRunner} under a time budget each ({@link DiagnosisOptions#ruleBudget()}), and the whole
 * diagnosis of an account under a deadline ({@link DiagnosisOptions#deadline()}). A rule whose creation
 * or evaluation overruns its budget is quarantined at once (it holds a thread); a rule that fails
 * {@value #QUARANTINE_AFTER} times in a row (throws, returns garbage) is quarantined then. A quarantine
 * is reported once, as a load problem of the catalog naming the contributing bundle, and lasts until
 * that bundle is reloaded (updated, or uninstalled and installed again) or its provider changes;
 * meanwhile the rule is skipped and each diagnosis lists it in its errors.
 *
 * @since 0.1
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface DiagnosisEngine {

    /**
     * How many consecutive failures of a code rule put it in quarantine.
     *
     * @since 0.1
     */
    int QUARANTINE_AFTER = 3;

    /**
     * @param account the account as configured, with the error text
     * @param options how to run
     * @return the diagnosis; contributions that fail are listed in {@link Diagnosis#errors()}
     */
    Diagnosis diagnose(AccountProfile account, DiagnosisOptions options);

    /**
     * Diagnoses many accounts, as a batch run does: faster per account than one call each, with the
     * same results.
     *
     * @param accounts the accounts
     * @param options how to run
     * @return one diagnosis per account, in the same order
     */
    List<Diagnosis> diagnoseAll(List<AccountProfile> accounts, DiagnosisOptions options);

    /**
     * Diagnoses many accounts as {@link #diagnoseAll(List, DiagnosisOptions)} does, and hands each
     * diagnosis to {@code then} as soon as it is made, on the thread that made it: what the caller does
     * with a diagnosis (writes it out, say) then finds it in that thread's cache instead of fetching it
     * from another core's, which a batch run over millions of accounts feels.
     * <p>
     * {@code then} is the caller's own code, not a provider's: it is not supervised as contributions are,
     * and its time counts in the account's deadline, so it should be quick and must not block. It may
     * also be given a diagnosis that is then dropped (one whose account overran its deadline and is
     * diagnosed again without the provider's contributions): it should have no effect beyond its result.
     * What it throws ends the call.
     *
     * @param <R> what the caller makes of a diagnosis
     * @param accounts the accounts
     * @param options how to run
     * @param then makes the result of the account at an index (in {@code accounts}) from its diagnosis;
     *        not null
     * @return one result per account, in the same order
     * @since 0.2
     */
    <R> List<R> diagnoseAll(List<AccountProfile> accounts, DiagnosisOptions options,
            BiFunction<Integer, ? super Diagnosis, ? extends R> then);

    /**
     * Diagnoses with {@link DiagnosisOptions#DEFAULTS}.
     *
     * @param account the account
     * @return the diagnosis
     */
    default Diagnosis diagnose(AccountProfile account) {
        return diagnose(account, DiagnosisOptions.DEFAULTS);
    }

    /**
     * Recognises the provider of an address as the diagnosis would, without running any rule: fit
     * for showing the provider while an agent types the address.
     *
     * @param email the address, possibly incomplete
     * @param mxHosts the domain's MX hosts, when known (custom domains)
     * @return the provider, or empty when none matches
     * @since 0.2
     */
    java.util.Optional<org.relaybench.core.providers.ProviderDescriptor> recognise(String email, List<String> mxHosts);
}
