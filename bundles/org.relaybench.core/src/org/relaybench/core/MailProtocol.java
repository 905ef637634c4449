package org.relaybench.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Protocol of a configured or recommended server.
 *
 * @since 0.1
 */
public enum MailProtocol {
    /** Outgoing: SMTP submission. */
    SMTP("smtp"),
    /** Incoming: IMAP4. */
    IMAP("imap"),
    /** Incoming: POP3. */
    POP3("pop3");

    private final String id;

    MailProtocol(String id) {
        this.id = id;
    }

    /** @return the stable identifier */
    public String id() {
        return id;
    }

    /** @return whether this protocol fetches mail (IMAP, POP3) rather than sending it */
    public boolean incoming() {
        return this != SMTP;
    }

    /**
     * @param text identifier, case-insensitive; {@code pop} is accepted for POP3
     * @return the protocol, or empty
     */
    public static Optional<MailProtocol> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "smtp":
            return Optional.of(SMTP);
        case "imap":
            return Optional.of(IMAP);
        case "pop3", "pop":
            return Optional.of(POP3);
        default:
            return Optional.empty();
        }
    }
}
