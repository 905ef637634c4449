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
     * The port a client uses for this protocol when none is configured: SMTP 465 with implicit TLS
     * (RFC 8314), 587 with STARTTLS (RFC 6409), 25 without TLS; IMAP 993 or 143; POP3 995 or 110.
     *
     * @param security the TLS mode
     * @return the well-known port
     * @since 0.2
     */
    public int defaultPort(Security security) {
        boolean implicit = java.util.Objects.requireNonNull(security, "security") == Security.TLS;
        switch (this) {
        case SMTP:
            return implicit ? 465 : security == Security.STARTTLS ? 587 : 25;
        case IMAP:
            return implicit ? 993 : 143;
        default:
            return implicit ? 995 : 110;
        }
    }

    /**
     * The TLS mode a well-known port implies when none is configured: implicit TLS on 465, 993 and
     * 995, STARTTLS on SMTP's 587, none elsewhere.
     *
     * @param port the port
     * @return the TLS mode
     * @since 0.2
     */
    public Security defaultSecurity(int port) {
        if (port == defaultPort(Security.TLS)) {
            return Security.TLS;
        }
        return this == SMTP && port == defaultPort(Security.STARTTLS) ? Security.STARTTLS : Security.NONE;
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
