package org.relaybench.core.session;

import java.util.Locale;
import java.util.Optional;

/**
 * Where one step of a fix procedure stands in a support session.
 *
 * @since 0.1
 */
public enum StepState {
    /** Not tried yet. */
    NOT_TRIED("not-tried"),
    /** Done, and it worked: the customer can send. */
    WORKED("worked"),
    /** Done, and it did not help. */
    DID_NOT_WORK("did-not-work"),
    /** Skipped (not applicable, or the customer declined). */
    SKIPPED("skipped");

    private final String id;

    StepState(String id) {
        this.id = id;
    }

    /** @return the stable identifier used in the store, exports and the command line */
    public String id() {
        return id;
    }

    /**
     * @param text an identifier, case-insensitive
     * @return the state, or empty
     */
    public static Optional<StepState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (StepState s : values()) {
            if (s.id.equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
