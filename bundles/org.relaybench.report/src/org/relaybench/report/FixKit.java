package org.relaybench.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.AuthMethod;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.providers.ServerRecommendation.UsernameForm;

/**
 * The settings a customer should use for one account: what the reports show under "the settings to
 * use" and what the fix kit files (Apple configuration profile, Thunderbird autoconfig) carry. Never
 * holds a password.
 *
 * @param email the account's address
 * @param providerId the provider whose recommendations were used, empty when none was
 * @param providerName the provider's display name, or the account's domain when none was used
 * @param incoming the incoming server to use (IMAP or POP3)
 * @param outgoing the outgoing server to use (SMTP, always with authentication)
 * @param changes where these settings differ from the account as configured, incoming first
 * @since 0.1
 */
public record FixKit(String email, Optional<String> providerId, String providerName, Server incoming, Server outgoing,
        List<Change> changes) {

    /** Where a server's settings come from. */
    public enum Source {
        /** The matched provider's recommended server. */
        PROVIDER("provider"),
        /** The account's own settings, unchanged. */
        ACCOUNT("account"),
        /** The account's own settings, corrected after the findings of the last diagnosis. */
        CORRECTED("corrected");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        /** @return the stable identifier used in the JSON export */
        public String id() {
            return id;
        }
    }

    /**
     * One server to use.
     *
     * @param protocol IMAP or POP3 for incoming, SMTP for outgoing
     * @param host the host name
     * @param port the port
     * @param security the TLS mode
     * @param auth how to authenticate; never {@link AuthMethod#NONE} for the outgoing server
     * @param usernameForm the form of the user name the provider expects
     * @param username the user name for this account, in that form
     * @param source where these settings come from
     */
    public record Server(MailProtocol protocol, String host, int port, Security security, AuthMethod auth,
            UsernameForm usernameForm, String username, Source source) {
        public Server {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(usernameForm, "usernameForm");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * One setting that differs from the account as configured.
     *
     * @param setting a stable name: {@code incoming.host}, {@code incoming.port},
     *        {@code incoming.security}, {@code incoming.auth}, {@code incoming.username},
     *        {@code outgoing.*} likewise, and {@code outgoing.enabled}
     * @param configured the value on the device, empty when the field is blank
     * @param recommended the value to use
     */
    public record Change(String setting, String configured, String recommended) {
        public Change {
            Objects.requireNonNull(setting, "setting");
            configured = configured == null ? "" : configured;
            Objects.requireNonNull(recommended, "recommended");
        }
    }

    public FixKit {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(outgoing, "outgoing");
        if (!incoming.protocol().incoming() || outgoing.protocol().incoming()) {
            throw new IllegalArgumentException("incoming must be IMAP or POP3 and outgoing SMTP");
        }
        if (!outgoing.auth().authenticates()) {
            throw new IllegalArgumentException("the outgoing server of a fix kit always authenticates");
        }
        changes = List.copyOf(changes);
    }

    /** @return the part after the last {@code @} */
    public String domain() {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(at + 1);
    }
}
