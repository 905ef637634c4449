package org.relaybench.session;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.probe.Secret;

/**
 * What to diagnose and how: the account, what else is known about its domain, and whether to ask
 * its real servers (a live probe, which never sends a message).
 *
 * @param account the account as configured
 * @param mxHosts the domain's MX hosts as the agent gave them (custom domains); when empty and a probe
 *        runs, the MX hosts DNS reports are used
 * @param providerId the provider to use instead of matching one
 * @param classifyErrorText whether to read the error text
 * @param probe how to probe the account's servers; empty for no probe
 * @param password the account's password for the probe (AUTH and the incoming login check); the
 *        caller owns it and clears it after the diagnosis. For a diagnosis without probe only whether
 *        the password field is filled in counts, which the account says.
 * @since 0.1
 */
public record DiagnosisRequest(AccountProfile account, List<String> mxHosts, Optional<String> providerId,
        boolean classifyErrorText, Optional<ProbeSettings> probe, Optional<Secret> password) {

    public DiagnosisRequest {
        Objects.requireNonNull(account, "account");
        mxHosts = mxHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(password, "password");
    }

    /**
     * @param account the account
     * @return a request to diagnose it offline, reading its error text
     */
    public static DiagnosisRequest of(AccountProfile account) {
        return new DiagnosisRequest(account, List.of(), Optional.empty(), true, Optional.empty(), Optional.empty());
    }

    public DiagnosisRequest withMxHosts(List<String> value) {
        return new DiagnosisRequest(account, value, providerId, classifyErrorText, probe, password);
    }

    public DiagnosisRequest withProviderId(Optional<String> value) {
        return new DiagnosisRequest(account, mxHosts, value, classifyErrorText, probe, password);
    }

    public DiagnosisRequest withClassifyErrorText(boolean value) {
        return new DiagnosisRequest(account, mxHosts, providerId, value, probe, password);
    }

    /**
     * @param settings how to probe
     * @param secret the password, when the agent gave it
     * @return the request with a live probe
     */
    public DiagnosisRequest withProbe(ProbeSettings settings, Optional<Secret> secret) {
        return new DiagnosisRequest(account, mxHosts, providerId, classifyErrorText, Optional.of(settings), secret);
    }
}
