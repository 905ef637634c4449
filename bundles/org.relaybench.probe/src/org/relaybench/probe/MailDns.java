package org.relaybench.probe;

/**
 * Looks up what DNS says about an account (an OSGi service; thread-safe): MX records to recognise
 * custom domains hosted by a provider, the submission SRV records of RFC 6186 and RFC 8314, and the
 * outgoing server's addresses. Asks a configurable DNS server, by default the system's, over UDP,
 * falling back to TCP for truncated answers; all within the query's one deadline.
 *
 * @since 0.1
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface MailDns {

    /**
     * @param query what to look up
     * @return what DNS said; failures are listed in {@link DnsReport#problems()}, never thrown
     */
    DnsReport lookup(DnsQuery query);
}
