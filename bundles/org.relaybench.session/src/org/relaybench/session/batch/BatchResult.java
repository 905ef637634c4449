package org.relaybench.session.batch;

import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.session.DiagnosisResult;

/**
 * The result of one batch record: its diagnosis, or why it has none.
 *
 * @param line the input line the record starts on, from 1
 * @param id the record's own reference; empty when it has none
 * @param status what became of the record
 * @param diagnosis the diagnosis, present exactly when the status is {@link Status#DIAGNOSED}
 * @param reason why there is no diagnosis; empty when there is one
 * @since 0.1
 */
public record BatchResult(long line, String id, Status status, Optional<DiagnosisResult> diagnosis, String reason) {

    /** What became of a record. */
    public enum Status {
        /** Diagnosed (it may have findings). */
        DIAGNOSED("diagnosed"),
        /** The record cannot be read or its account is not valid: nothing was diagnosed. */
        INVALID("invalid"),
        /** Diagnosing it failed (a probe that could not run, say); the run went on. */
        FAILED("failed");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        /** @return the status as outputs write it */
        public String id() {
            return id;
        }
    }

    public BatchResult {
        id = id == null ? "" : id;
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(diagnosis, "diagnosis");
        reason = reason == null ? "" : reason;
        if (diagnosis.isPresent() != (status == Status.DIAGNOSED)) {
            throw new IllegalArgumentException("a result has a diagnosis exactly when it is diagnosed");
        }
    }

    /** @return the result of a diagnosed record */
    public static BatchResult diagnosed(long line, String id, DiagnosisResult result) {
        return new BatchResult(line, id, Status.DIAGNOSED, Optional.of(result), "");
    }

    /** @return the result of a record that cannot be read or whose account is not valid */
    public static BatchResult invalid(long line, String id, String reason) {
        return new BatchResult(line, id, Status.INVALID, Optional.empty(), reason);
    }

    /** @return the result of a record whose diagnosis failed */
    public static BatchResult failed(long line, String id, String reason) {
        return new BatchResult(line, id, Status.FAILED, Optional.empty(), reason);
    }

    /** @return the most severe finding's severity; empty without diagnosis or findings */
    public Optional<Severity> worst() {
        if (diagnosis.isEmpty()) {
            return Optional.empty();
        }
        Severity worst = null; // a loop, not a stream: the writing thread asks this of every result
        for (Finding f : diagnosis.get().diagnosis().findings()) {
            if (worst == null || f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        return Optional.ofNullable(worst);
    }

    /**
     * @param level a severity
     * @return whether a finding is at least that severe
     */
    public boolean atLeast(Severity level) {
        return worst().filter(s -> s.compareTo(level) >= 0).isPresent();
    }
}
