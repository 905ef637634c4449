package org.relaybench.core.providers;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.relaybench.core.ClientInfo;

/**
 * One step of a fix procedure, with wording per client and OS version.
 *
 * @param id the step id, unique in its procedure
 * @param text the default wording
 * @param expect what the agent should see afterwards (default wording), may be empty
 * @param wordings client-specific wordings; the most specific that selects the client wins
 * @since 0.1
 */
public record Step(String id, String text, String expect, List<Wording> wordings) {

    /**
     * Client-specific wording of a step.
     *
     * @param selector which clients it is for
     * @param text the step's text for them
     * @param expect what they should see afterwards; empty to keep the step's default
     */
    public record Wording(ClientSelector selector, String text, String expect) {
        public Wording {
            Objects.requireNonNull(selector, "selector");
            Objects.requireNonNull(text, "text");
            expect = expect == null ? "" : expect;
        }
    }

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        expect = expect == null ? "" : expect;
        wordings = List.copyOf(wordings);
    }

    /**
     * @param client the customer's client
     * @return the wording for that client: the most specific matching wording, else the default; ties
     *         go to the one declared first
     */
    public Wording wordingFor(ClientInfo client) {
        return wordings.stream().filter(w -> w.selector().selects(client))
                .max(Comparator.comparingInt((Wording w) -> w.selector().specificity())
                        .thenComparing(w -> -wordings.indexOf(w)))
                .map(w -> w.expect().isEmpty() ? new Wording(w.selector(), w.text(), expect) : w)
                .orElse(new Wording(ClientSelector.ANY, text, expect));
    }
}
