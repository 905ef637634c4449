package org.relaybench.core.providers;

import java.util.List;
import java.util.Objects;

/**
 * A fix procedure: ordered steps that address one or more causes.
 *
 * @param id the procedure id, unique within its provider
 * @param title one line for the agent
 * @param addresses the cause codes it addresses
 * @param steps the steps in order
 * @since 0.1
 */
public record Procedure(String id, String title, List<String> addresses, List<Step> steps) {

    public Procedure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        addresses = List.copyOf(addresses);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("procedure " + id + " has no steps");
        }
    }
}
