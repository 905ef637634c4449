package org.relaybench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Figures over many support sessions: how many, for which providers and causes, which fix procedures
 * resolved them and how long resolving took.
 * <p>
 * A session counts once for its provider (the provider of its last diagnosis) and once for its
 * leading cause (the first-ranked finding of its last diagnosis); a session without diagnosis or
 * findings counts under the key {@link #NONE}. A procedure was <em>tried</em> in a session when any
 * of its steps was marked worked or did not work, and <em>resolved</em> it when a step was marked
 * worked. Time to resolve runs from opening a resolved session to its last status change (its last
 * audit entry of action {@code status}, else its last update).
 *
 * @param sessions how many sessions
 * @param resolved how many are resolved
 * @param unresolved how many were closed without a fix
 * @param open how many are still open
 * @param first when the earliest session was opened, empty when there are none
 * @param last when the latest session was opened, empty when there are none
 * @param byProvider sessions per provider, most first, then by key
 * @param byCause sessions per leading cause, most first, then by key
 * @param procedures fix procedures tried, most tried first, then by id
 * @param timeToResolve how long resolved sessions took
 * @since 0.1
 */
public record SummaryReport(int sessions, int resolved, int unresolved, int open, Optional<Instant> first,
        Optional<Instant> last, List<Count> byProvider, List<Count> byCause, List<ProcedureOutcome> procedures,
        ResolveTimes timeToResolve) {

    /** The key of sessions without a provider or without findings. */
    public static final String NONE = "";

    /**
     * A number of sessions under one key.
     *
     * @param key a provider id, a cause code or a bucket id; {@link SummaryReport#NONE} for none
     * @param label what to show for the key (provider name, cause summary, bucket range)
     * @param count how many sessions
     */
    public record Count(String key, String label, int count) {
        public Count {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * How one fix procedure fared.
     *
     * @param procedureId the procedure's id
     * @param title its title, or its id when no installed provider declares it
     * @param tried in how many sessions it was tried
     * @param resolved in how many of those one of its steps worked
     */
    public record ProcedureOutcome(String procedureId, String title, int tried, int resolved) {
        public ProcedureOutcome {
            Objects.requireNonNull(procedureId, "procedureId");
            Objects.requireNonNull(title, "title");
        }

        /** @return resolved divided by tried, 0 when never tried */
        public double rate() {
            return tried == 0 ? 0 : (double) resolved / tried;
        }
    }

    /**
     * Time to resolve over the resolved sessions.
     *
     * @param count how many resolved sessions were measured
     * @param median the median, zero when none
     * @param mean the mean, zero when none
     * @param p90 the 90th percentile (nearest rank), zero when none
     * @param max the longest, zero when none
     * @param histogram sessions per duration bucket, shortest bucket first, every bucket present
     */
    public record ResolveTimes(int count, Duration median, Duration mean, Duration p90, Duration max,
            List<Count> histogram) {
        public ResolveTimes {
            Objects.requireNonNull(median, "median");
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(p90, "p90");
            Objects.requireNonNull(max, "max");
            histogram = List.copyOf(histogram);
        }
    }

    public SummaryReport {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        byProvider = List.copyOf(byProvider);
        byCause = List.copyOf(byCause);
        procedures = List.copyOf(procedures);
        Objects.requireNonNull(timeToResolve, "timeToResolve");
    }

    /** @return resolved divided by sessions, 0 when there are none */
    public double resolutionRate() {
        return sessions == 0 ? 0 : (double) resolved / sessions;
    }
}
