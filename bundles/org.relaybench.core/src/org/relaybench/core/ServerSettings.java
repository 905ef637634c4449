package org.relaybench.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One server as the customer configured it on the device. Passwords are never held here: only
 * whether one is filled in ({@link #passwordSet()}), which is what diagnosis needs.
 *
 * @param protocol SMTP for outgoing, IMAP or POP3 for incoming
 * @param host the host name as typed, lower-cased and trimmed; may be empty when the field is blank
 * @param port the port, or 0 when unknown
 * @param security the TLS mode; {@link Security#NONE} when TLS is off
 * @param auth the authentication method chosen on the device
 * @param username the user name field, empty when blank
 * @param passwordSet whether the password field is filled in
 * @param enabled iOS: whether this outgoing server is switched on
 * @since 0.1
 */
public record ServerSettings(MailProtocol protocol, String host, int port, Security security, AuthMethod auth,
        Optional<String> username, boolean passwordSet, boolean enabled) {

    public ServerSettings {
        Objects.requireNonNull(protocol, "protocol");
        host = host == null ? "" : host.trim().toLowerCase(java.util.Locale.ROOT);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(auth, "auth");
        username = Objects.requireNonNull(username, "username").map(String::trim).filter(u -> !u.isEmpty());
    }

    /**
     * @return whether the device will actually send credentials: an authenticating method with a user
     *         name and, for password methods, a password
     */
    public boolean sendsCredentials() {
        if (!auth.authenticates()) {
            return false;
        }
        if (auth == AuthMethod.OAUTH2) {
            return true;
        }
        return username.isPresent() && passwordSet;
    }

    /** @return {@code host:port} for messages */
    public String address() {
        return host + (port > 0 ? ":" + port : "");
    }

    /**
     * Starts a builder.
     *
     * @param protocol the protocol
     * @return a builder with no host, port 0, no security, no auth, enabled
     */
    public static Builder builder(MailProtocol protocol) {
        return new Builder(protocol);
    }

    /** Builder for {@link ServerSettings}. */
    public static final class Builder {
        private final MailProtocol protocol;
        private String host = "";
        private int port;
        private Security security = Security.NONE;
        private AuthMethod auth = AuthMethod.NONE;
        private String username;
        private boolean passwordSet;
        private boolean enabled = true;

        private Builder(MailProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol);
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder security(Security value) {
            security = Objects.requireNonNull(value);
            return this;
        }

        public Builder auth(AuthMethod value) {
            auth = Objects.requireNonNull(value);
            return this;
        }

        public Builder username(String value) {
            username = value;
            return this;
        }

        public Builder passwordSet(boolean value) {
            passwordSet = value;
            return this;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public ServerSettings build() {
            return new ServerSettings(protocol, host, port, security, auth, Optional.ofNullable(username),
                    passwordSet, enabled);
        }
    }
}
