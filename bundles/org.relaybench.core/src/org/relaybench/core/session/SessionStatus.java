package org.relaybench.core.session;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a support session stands as a whole.
 *
 * @since 0.1
 */
public enum SessionStatus {
    /** Being worked on. */
    OPEN("open"),
    /** The customer can send again. */
    RESOLVED("resolved"),
    /** Closed without a fix (escalated, customer gone). */
    UNRESOLVED("unresolved");

    private final String id;

    SessionStatus(String id) {
        this.id = id;
    }

    /** @return the stable identifier */
    public String id() {
        return id;
    }

    /**
     * @param text an identifier, case-insensitive
     * @return the status, or empty
     */
    public static Optional<SessionStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (SessionStatus s : values()) {
            if (s.id.equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
