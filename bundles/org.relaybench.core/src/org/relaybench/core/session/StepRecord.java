package org.relaybench.core.session;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest state of one step of a fix procedure in a session.
 *
 * @param procedureId the procedure
 * @param stepId the step in it
 * @param state its state
 * @param note what the agent noted, may be empty
 * @param at when the state was set
 * @param agent who set it
 * @since 0.1
 */
public record StepRecord(String procedureId, String stepId, StepState state, String note, Instant at, String agent) {

    public StepRecord {
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(state, "state");
        note = note == null ? "" : note;
        Objects.requireNonNull(at, "at");
        agent = agent == null ? "" : agent;
    }
}
