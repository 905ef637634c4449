package org.relaybench.core.providers;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reply text this provider's servers send (element {@code reply}), mapped to a cause.
 *
 * @param pattern a case-insensitive regular expression searched in the reply or error text
 * @param cause the cause code it indicates
 * @param confidence how sure the match makes us, between 0 and 1
 * @param description what it means, for the agent
 * @since 0.1
 */
public record KnownReply(Pattern pattern, String cause, double confidence, String description) {

    public KnownReply {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(cause, "cause");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must lie in [0,1]: " + confidence);
        }
        description = description == null ? "" : description;
    }

    /** Equal when pattern text and flags, cause, confidence and description are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof KnownReply r && r.pattern.pattern().equals(pattern.pattern())
                && r.pattern.flags() == pattern.flags() && r.cause.equals(cause)
                && Double.compare(r.confidence, confidence) == 0 && r.description.equals(description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern.pattern(), pattern.flags(), cause, confidence, description);
    }

    /**
     * @param text a reply or error text
     * @return whether the pattern occurs in it
     */
    public boolean matches(String text) {
        return text != null && pattern.matcher(text).find();
    }
}
