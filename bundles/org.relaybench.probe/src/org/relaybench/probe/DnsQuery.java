package org.relaybench.probe;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to look up for an account: the MX and submission SRV records of its address's domain, and the
 * addresses of its outgoing server.
 *
 * @param domain the address's domain
 * @param smtpHost the configured outgoing host, when there is one
 * @param resolver the DNS server to ask; empty for the system's ({@code nameserver}s of /etc/resolv.conf,
 *            tried in order)
 * @param timeout the deadline of all lookups together
 * @since 0.1
 */
public record DnsQuery(String domain, Optional<String> smtpHost, Optional<InetSocketAddress> resolver,
        Duration timeout) {

    public DnsQuery {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(smtpHost, "smtpHost");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(timeout, "timeout");
    }
}
