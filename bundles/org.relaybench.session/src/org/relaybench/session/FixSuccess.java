package org.relaybench.session;

import java.util.Objects;

/**
 * How often a fix procedure worked for a provider and a cause, from the logged step outcomes: of the
 * sessions with that provider and cause in which a step of the procedure was marked, how many were
 * then marked resolved. The workbench shows it beside the procedure ("worked in 41 of 47 sessions").
 *
 * @param providerId the provider, as sessions log it
 * @param cause the cause code
 * @param procedureId the procedure
 * @param worked sessions in which the procedure was tried and which were resolved
 * @param tried sessions in which a step of the procedure was marked
 * @param sampled how many logged sessions have that provider and cause
 * @since 0.1
 */
public record FixSuccess(String providerId, String cause, String procedureId, int worked, int tried, int sampled) {

    public FixSuccess {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(procedureId, "procedureId");
        if (worked < 0 || tried < worked || sampled < tried) {
            throw new IllegalArgumentException("0 <= worked <= tried <= sampled: " + worked + ", " + tried + ", " + sampled);
        }
    }

    /** @return the share of tries that worked, 0 when never tried */
    public double rate() {
        return tried == 0 ? 0 : (double) worked / tried;
    }
}
