package org.relaybench.core;

import java.util.Locale;
import java.util.Optional;

/**
 * How serious a finding is. Ordered from the least to the most serious.
 *
 * @since 0.1
 */
public enum Severity {
    /** Worth knowing; sending may still work. */
    INFO("info"),
    /** Likely to cause trouble or to be part of the cause. */
    WARNING("warning"),
    /** Sending fails because of it. */
    ERROR("error");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    /** @return the stable identifier */
    public String id() {
        return id;
    }

    /**
     * @param text identifier, case-insensitive
     * @return the severity, or empty
     */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
