package org.relaybench.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the fix procedures fared in every logged session whose provider (of its latest diagnosis) is
 * one provider and one of whose findings is one cause ({@link SessionStore#procedureOutcomes}).
 *
 * @param providerId the provider
 * @param cause the cause code
 * @param sessions how many sessions have that provider and cause
 * @param procedures each procedure tried in them, most often worked first
 * @since 0.3
 */
public record ProcedureOutcomes(String providerId, String cause, int sessions, List<ProcedureOutcome> procedures) {

    public ProcedureOutcomes {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(cause, "cause");
        procedures = List.copyOf(procedures);
    }

    /**
     * @param procedureId a procedure
     * @return how it fared, or empty when it was never tried in these sessions
     */
    public Optional<ProcedureOutcome> of(String procedureId) {
        return procedures.stream().filter(p -> p.procedureId().equals(procedureId)).findFirst();
    }
}
