package org.relaybench.probe;

import java.util.Locale;
import java.util.Objects;

import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;

/**
 * The outcome of a login check against the incoming server.
 *
 * @param protocol IMAP or POP3
 * @param host the server
 * @param port its port
 * @param security the TLS mode used
 * @param outcome what happened
 * @param detail the server's words or the failure, never the password
 * @param millis how long it took
 * @since 0.1
 */
public record LoginReport(MailProtocol protocol, String host, int port, Security security, Outcome outcome,
        String detail, long millis) {

    /** What a login check can end with. */
    public enum Outcome {
        /** The server accepted the user name and password. */
        ACCEPTED,
        /** The server refused them. */
        REJECTED,
        /** The server could not be reached. */
        UNREACHABLE,
        /** TLS could not be set up, or the certificate was not acceptable. */
        TLS_FAILED,
        /** The deadline passed. */
        TIMEOUT,
        /** Anything else (a protocol error). */
        FAILED;

        /** @return the stable identifier, e.g. {@code tls-failed} */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public LoginReport {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }
}
