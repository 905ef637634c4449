package org.relaybench.probe;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to probe an account's servers live.
 *
 * @param to the outside RCPT TO address of the relay test
 * @param timeout the deadline of each check (SMTP, login, DNS)
 * @param trust which server certificates to trust
 * @param dns the DNS server to ask; empty for the system's
 * @since 0.1
 */
public record ProbeSettings(String to, Duration timeout, TrustPolicy trust, Optional<InetSocketAddress> dns) {

    /** 20 s per check, the default outside recipient, the JDK's trust, the system's DNS server. */
    public static final ProbeSettings DEFAULTS = new ProbeSettings(ProbeRequest.DEFAULT_TO, Duration.ofSeconds(20),
            TrustPolicy.jdk(), Optional.empty());

    public ProbeSettings {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(dns, "dns");
    }

    /** @return the deadline of each stage: a third of the check's, at most 10 s */
    public Duration stageTimeout() {
        Duration third = timeout.dividedBy(3);
        return third.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : third;
    }
}
