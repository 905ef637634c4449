package org.relaybench.core.providers;

import java.util.Objects;

/**
 * A contribution, or part of one, that could not be loaded.
 *
 * @param contributor the contributing bundle's symbolic name
 * @param element where in the contribution, e.g. {@code provider[id=aol]/rule[id=x]}
 * @param reason what was wrong, in words an agent or plugin author can act on
 * @param skipped what was left out because of it, e.g. {@code provider aol} or {@code rule x}
 * @since 0.1
 */
public record LoadProblem(String contributor, String element, String reason, String skipped) {

    public LoadProblem {
        Objects.requireNonNull(contributor, "contributor");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(reason, "reason");
        skipped = skipped == null ? "" : skipped;
    }

    /** @return one line: contributor, element, reason */
    @Override
    public String toString() {
        return contributor + ": " + element + ": " + reason + (skipped.isEmpty() ? "" : " (skipped " + skipped + ")");
    }
}
