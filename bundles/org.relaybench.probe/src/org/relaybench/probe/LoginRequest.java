package org.relaybench.probe;

import java.time.Duration;
import java.util.Objects;

import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;

/**
 * A login check against the incoming server (IMAP or POP3): does the password itself work?
 *
 * @param protocol IMAP or POP3
 * @param host the incoming server
 * @param port its port
 * @param security none, STARTTLS or implicit TLS
 * @param user the user name
 * @param password the password; never printed
 * @param timeout the deadline of the whole check
 * @param trust which certificates to trust
 * @since 0.1
 */
public record LoginRequest(MailProtocol protocol, String host, int port, Security security, String user,
        Secret password, Duration timeout, TrustPolicy trust) {

    public LoginRequest {
        Objects.requireNonNull(protocol, "protocol");
        if (!protocol.incoming()) {
            throw new IllegalArgumentException("a login check is for IMAP or POP3, not " + protocol.id());
        }
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(trust, "trust");
    }
}
