package org.relaybench.core.providers;

import java.util.Locale;
import java.util.Objects;

import org.relaybench.core.AuthMethod;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;

/**
 * A server a provider recommends (element {@code outgoingServer} or {@code incomingServer}).
 *
 * @param protocol SMTP, IMAP or POP3
 * @param host the host name, lower case
 * @param port the port
 * @param security the TLS mode
 * @param auth the authentication method
 * @param username the user name form: {@link UsernameForm}
 * @param preferred whether this is the first choice among servers of its protocol
 * @since 0.1
 */
public record ServerRecommendation(MailProtocol protocol, String host, int port, Security security, AuthMethod auth,
        UsernameForm username, boolean preferred) {

    /** How the provider expects the user name. */
    public enum UsernameForm {
        /** The full e-mail address ({@code %EMAILADDRESS%} in ISPDB). */
        EMAIL_ADDRESS("email"),
        /** The part before the {@code @} ({@code %EMAILLOCALPART%}). */
        LOCAL_PART("local-part"),
        /** Something else the customer was given (account number, tenant login). */
        OTHER("other");

        private final String id;

        UsernameForm(String id) {
            this.id = id;
        }

        /** @return the stable identifier */
        public String id() {
            return id;
        }

        /**
         * @param text identifier, also the ISPDB placeholders
         * @return the form; unknown text gives {@link #OTHER}
         */
        public static UsernameForm parse(String text) {
            if (text == null) {
                return EMAIL_ADDRESS;
            }
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("email") || t.contains("emailaddress")) {
                return EMAIL_ADDRESS;
            }
            if (t.equals("local-part") || t.contains("emaillocalpart")) {
                return LOCAL_PART;
            }
            return OTHER;
        }
    }

    public ServerRecommendation {
        Objects.requireNonNull(protocol, "protocol");
        host = Objects.requireNonNull(host, "host").trim().toLowerCase(Locale.ROOT);
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(username, "username");
    }

    /** @return {@code host:port security} for messages */
    public String describe() {
        return host + ":" + port + " " + security.id();
    }
}
