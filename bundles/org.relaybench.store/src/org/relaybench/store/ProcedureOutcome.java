package org.relaybench.store;

import java.util.Comparator;
import java.util.Objects;

/**
 * How a fix procedure fared in logged sessions: in how many a step of it was marked (worked, did not
 * work or skipped, as the step's last mark says), and how many of those were then resolved.
 *
 * @param procedureId the procedure
 * @param tried sessions in which a step of it was marked
 * @param worked of those, the sessions marked resolved
 * @since 0.3
 */
public record ProcedureOutcome(String procedureId, int tried, int worked) {

    /** Most often worked first; then the better share, then the more tried; then by id. */
    public static final Comparator<ProcedureOutcome> MOST_SUCCESSFUL_FIRST = Comparator
            .comparingInt(ProcedureOutcome::worked).reversed()
            .thenComparing(Comparator.comparingDouble(ProcedureOutcome::rate).reversed())
            .thenComparing(Comparator.comparingInt(ProcedureOutcome::tried).reversed())
            .thenComparing(ProcedureOutcome::procedureId);

    public ProcedureOutcome {
        Objects.requireNonNull(procedureId, "procedureId");
        if (worked < 0 || tried < worked) {
            throw new IllegalArgumentException("0 <= worked <= tried: " + worked + ", " + tried);
        }
    }

    /** @return the share of tries that worked, 0 when never tried */
    public double rate() {
        return tried == 0 ? 0 : (double) worked / tried;
    }
}
