package org.relaybench.probe;

import java.util.Objects;

/**
 * The outcome of MAIL FROM and RCPT TO an outside address, once without and once with authentication.
 *
 * @param authenticated whether the client had authenticated
 * @param accepted whether the server accepted the outside recipient
 * @param reply the server's reply to the command that decided it (MAIL or RCPT)
 * @since 0.1
 */
public record RelayCheck(boolean authenticated, boolean accepted, String reply) {

    public RelayCheck {
        Objects.requireNonNull(reply, "reply");
    }
}
