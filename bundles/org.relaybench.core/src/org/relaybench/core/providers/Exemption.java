package org.relaybench.core.providers;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's departure from the usual rules (element {@code exception}): for example, with
 * Exchange and iCloud on iOS the outgoing credentials come from the account, so advice to type the
 * outgoing password must not be given.
 *
 * @param kind what is different
 * @param client the client family it applies to ({@code ios}, ...), empty for all clients
 * @param description text for the agent
 * @since 0.1
 */
public record Exemption(Kind kind, Optional<String> client, String description) {

    /** The kinds of exceptions that the engine understands. */
    public enum Kind {
        /** The client takes the outgoing credentials from the account; no separate SMTP password. */
        OUTGOING_CREDENTIALS_FROM_ACCOUNT("outgoing-credentials-from-account"),
        /** Port 25 is usable only from the provider's own network. */
        PORT25_OWN_NETWORK_ONLY("port25-own-network-only"),
        /** Other clients need an app-specific password or secure mail key. */
        APP_PASSWORD_REQUIRED("app-password-required"),
        /** Submission accepts only OAuth2. */
        OAUTH_ONLY("oauth-only"),
        /** SMTP AUTH can be switched off per tenant or mailbox. */
        SMTP_AUTH_CAN_BE_DISABLED("smtp-auth-can-be-disabled"),
        /** Relays only for clients on the provider's own network, authenticated or not. */
        RELAY_OWN_NETWORK_ONLY("relay-own-network-only");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** @return the stable identifier used in plugin.xml */
        public String id() {
            return id;
        }

        /**
         * @param text the identifier
         * @return the kind, or empty
         */
        public static Optional<Kind> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.id.equals(t)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public Exemption {
        Objects.requireNonNull(kind, "kind");
        client = Objects.requireNonNull(client, "client").map(c -> c.trim().toLowerCase(Locale.ROOT));
        description = description == null ? "" : description;
    }
}
