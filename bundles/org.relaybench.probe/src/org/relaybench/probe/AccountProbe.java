package org.relaybench.probe;

import java.util.Objects;
import java.util.Optional;

/**
 * The live checks of one account: the SMTP probe of its outgoing server, the login check of its
 * incoming server, and DNS.
 *
 * @param smtp the SMTP probe, when the account has an outgoing server
 * @param incoming the login check, when the account has an incoming server and a password was given
 * @param dns what DNS said about the domain and the outgoing host
 * @since 0.1
 */
public record AccountProbe(Optional<ProbeReport> smtp, Optional<LoginReport> incoming, Optional<DnsReport> dns) {

    public AccountProbe {
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(dns, "dns");
    }
}
