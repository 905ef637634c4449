package org.relaybench.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What DNS said about an account's domain and outgoing server.
 *
 * @param domain the domain looked up
 * @param resolver the DNS server asked, {@code host:port}; the system's servers, comma-separated, when the
 *            query named none
 * @param mx its MX records, lowest preference first
 * @param submission {@code _submission._tcp} SRV records (RFC 6186), lowest priority first
 * @param submissions {@code _submissions._tcp} SRV records (RFC 8314), lowest priority first
 * @param smtpHost the outgoing host looked up, when one was
 * @param smtpAddresses its IPv4 and IPv6 addresses
 * @param smtpHostMissing whether the resolver said the outgoing host does not exist (NXDOMAIN)
 * @param problems lookups that failed (timeouts, SERVFAIL, malformed answers)
 * @param millis how long it took
 * @since 0.1
 */
public record DnsReport(String domain, String resolver, List<MxRecord> mx, List<SrvRecord> submission,
        List<SrvRecord> submissions, Optional<String> smtpHost, List<String> smtpAddresses, boolean smtpHostMissing,
        List<String> problems, long millis) {

    public DnsReport {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(resolver, "resolver");
        mx = List.copyOf(mx);
        submission = List.copyOf(submission);
        submissions = List.copyOf(submissions);
        Objects.requireNonNull(smtpHost, "smtpHost");
        smtpAddresses = List.copyOf(smtpAddresses);
        problems = List.copyOf(problems);
    }

    /** @return the MX host names, lowest preference first */
    public List<String> mxHosts() {
        return mx.stream().map(MxRecord::host).toList();
    }
}
