package org.relaybench.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Transport security of a mail server connection.
 *
 * @since 0.1
 */
public enum Security {
    /** Plain text, no TLS at all. */
    NONE("none"),
    /** Plain connection upgraded with STARTTLS (RFC 3207), typical on port 587. */
    STARTTLS("starttls"),
    /** Implicit TLS from the first byte (RFC 8314), typical on ports 465, 993, 995. */
    TLS("tls");

    private final String id;

    Security(String id) {
        this.id = id;
    }

    /** @return the stable identifier used in plugin.xml, the command line and JSON */
    public String id() {
        return id;
    }

    /**
     * Parses an identifier; also accepts the ISPDB spellings {@code plain}, {@code SSL} and
     * {@code STARTTLS}, case-insensitively.
     *
     * @param text the identifier, may be null
     * @return the security mode, or empty when the text names none
     */
    public static Optional<Security> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "none", "plain", "off":
            return Optional.of(NONE);
        case "starttls":
            return Optional.of(STARTTLS);
        case "tls", "ssl", "implicit", "implicit-tls":
            return Optional.of(TLS);
        default:
            return Optional.empty();
        }
    }
}
