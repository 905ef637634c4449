package org.relaybench.probe;

import java.util.Optional;

import org.relaybench.core.AccountProfile;

/**
 * Runs the live checks of an account with its own settings (an OSGi service; thread-safe): the SMTP
 * probe of the outgoing server the device uses (with the password when one is given, then also
 * without it, to learn whether the server needs it), the login check of the incoming server, and DNS.
 * {@link ProbeEvidence} turns the result into findings for the diagnosis.
 *
 * @since 0.1
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface AccountProber {

    /**
     * @param account the account as configured
     * @param password the account's password, when the agent gave it
     * @param settings how to probe
     * @return what the checks saw
     */
    AccountProbe probe(AccountProfile account, Optional<Secret> password, ProbeSettings settings);
}
