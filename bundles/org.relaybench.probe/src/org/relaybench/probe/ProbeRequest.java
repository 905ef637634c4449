package org.relaybench.probe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.Security;

/**
 * What to probe and how. A probe connects, reads the greeting, says EHLO, secures the connection as
 * asked, authenticates when credentials are given, tries MAIL FROM and RCPT TO an outside address,
 * and ends with RSET and QUIT: it never sends DATA, so no message is ever sent.
 *
 * @param host the server
 * @param port its port
 * @param security none, STARTTLS or implicit TLS
 * @param user the user name for AUTH, when the probe should authenticate
 * @param password the password for AUTH; never printed
 * @param from the MAIL FROM address, empty for the user name when it is an address
 * @param to the outside RCPT TO address for the relay test
 * @param timeout the deadline of the whole probe
 * @param stageTimeout the deadline of each stage (connect, greeting, each command, each handshake)
 * @param trust which certificates to trust
 * @param relayWithoutAuth with credentials: first try the relay without them, then with them, so the
 *        report can say whether the server needs them
 * @since 0.1
 */
public record ProbeRequest(String host, int port, Security security, Optional<String> user,
        Optional<Secret> password, Optional<String> from, String to, Duration timeout, Duration stageTimeout,
        TrustPolicy trust, boolean relayWithoutAuth) {

    /** The outside recipient used when none is given: a reserved domain (RFC 2606) that no server hosts. */
    public static final String DEFAULT_TO = "relaybench-probe@example.com";

    public ProbeRequest {
        host = Objects.requireNonNull(host, "host").trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (password.isPresent() && user.isEmpty()) {
            throw new IllegalArgumentException("a password needs a user name");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        requirePositive(timeout, "timeout");
        requirePositive(stageTimeout, "stageTimeout");
        Objects.requireNonNull(trust, "trust");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** @return whether the probe authenticates */
    public boolean authenticates() {
        return user.isPresent() && password.isPresent();
    }

    /** @return the MAIL FROM address: {@link #from()}, else the user name when it is an address */
    public String sender() {
        return from.or(() -> user.filter(u -> u.contains("@"))).orElse("relaybench-probe@example.org");
    }

    /**
     * @param host the server
     * @param port its port
     * @param security its TLS mode
     * @return a builder with no credentials, the default outside recipient, 30 s for the probe, 10 s
     *         per stage and the JDK's trust
     */
    public static Builder builder(String host, int port, Security security) {
        return new Builder(host, port, security);
    }

    /** Builder for {@link ProbeRequest}. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final Security security;
        private String user;
        private Secret password;
        private String from;
        private String to = DEFAULT_TO;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration stageTimeout = Duration.ofSeconds(10);
        private TrustPolicy trust = TrustPolicy.jdk();
        private boolean relayWithoutAuth = true;

        private Builder(String host, int port, Security security) {
            this.host = host;
            this.port = port;
            this.security = security;
        }

        public Builder credentials(String value, Secret secret) {
            user = value;
            password = secret;
            return this;
        }

        public Builder from(String value) {
            from = value;
            return this;
        }

        public Builder to(String value) {
            to = Objects.requireNonNull(value);
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder stageTimeout(Duration value) {
            stageTimeout = value;
            return this;
        }

        public Builder trust(TrustPolicy value) {
            trust = value;
            return this;
        }

        public Builder relayWithoutAuth(boolean value) {
            relayWithoutAuth = value;
            return this;
        }

        public ProbeRequest build() {
            return new ProbeRequest(host, port, security, Optional.ofNullable(user), Optional.ofNullable(password),
                    Optional.ofNullable(from), to, timeout, stageTimeout, trust, relayWithoutAuth);
        }
    }
}
