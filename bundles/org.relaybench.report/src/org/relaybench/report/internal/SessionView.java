package org.relaybench.report.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.relaybench.core.CauseCode;
import org.relaybench.core.Finding;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.Step;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.StepRecord;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.FixKit;

/**
 * One session prepared for the writers: its last diagnosis, the steps it walked grouped by procedure
 * with the wording the customer's client was given, and its fix kit. Texts are not yet neutralised:
 * each writer does that for its format.
 *
 * @param session the session
 * @param last its last diagnosis, when it has one
 * @param procedures the procedures walked, in the order first touched
 * @param fixKit the settings to use, when they can be given
 * @param generated when the export was made
 */
public record SessionView(SupportSession session, Optional<DiagnosisRecord> last, List<ProcedureView> procedures,
        Optional<FixKit> fixKit, Instant generated) {

    /**
     * One step walked.
     *
     * @param record the step's latest state in the session
     * @param text the step's wording for the customer's client, or its id when no installed provider
     *        declares it
     * @param expect what the agent should have seen afterwards, may be empty
     */
    public record StepView(StepRecord record, String text, String expect) {
    }

    /**
     * One procedure walked.
     *
     * @param id the procedure id
     * @param title its title, or its id when no installed provider declares it
     * @param steps the steps touched, in the procedure's order
     */
    public record ProcedureView(String id, String title, List<StepView> steps) {

        /**
         * @param state a state
         * @return how many steps are in that state
         */
        public long count(StepState state) {
            return steps.stream().filter(s -> s.record().state() == state).count();
        }
    }

    /**
     * @param session the session
     * @param catalog the installed providers, for procedure titles and step wording
     * @param fixKit its fix kit
     * @param now when the export is made
     * @return the view
     */
    public static SessionView of(SupportSession session, ProviderCatalog.Snapshot catalog, Optional<FixKit> fixKit,
            Instant now) {
        Optional<DiagnosisRecord> last = session.diagnoses().isEmpty() ? Optional.empty()
                : Optional.of(session.diagnoses().get(session.diagnoses().size() - 1));
        Map<String, List<StepRecord>> byProcedure = new LinkedHashMap<>();
        for (StepRecord r : session.steps()) {
            byProcedure.computeIfAbsent(r.procedureId(), k -> new ArrayList<>()).add(r);
        }
        List<ProcedureView> procedures = new ArrayList<>();
        byProcedure.forEach((id, records) -> procedures.add(procedure(session, catalog, id, records)));
        return new SessionView(session, last, List.copyOf(procedures), fixKit, now);
    }

    private static ProcedureView procedure(SupportSession session, ProviderCatalog.Snapshot catalog, String id,
            List<StepRecord> records) {
        Optional<Procedure> declared = find(session, catalog, id);
        List<StepView> steps = new ArrayList<>();
        for (StepRecord r : records) {
            Optional<Step> step = declared.flatMap(p -> p.steps().stream().filter(s -> s.id().equals(r.stepId()))
                    .findFirst());
            Step.Wording w = step.map(s -> s.wordingFor(session.account().client())).orElse(null);
            steps.add(new StepView(r, w == null ? r.stepId() : w.text(), w == null ? "" : w.expect()));
        }
        if (declared.isPresent()) {
            List<String> order = declared.get().steps().stream().map(Step::id).toList();
            steps.sort(Comparator.comparingInt(s -> {
                int i = order.indexOf(s.record().stepId());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
        }
        return new ProcedureView(id, declared.map(Procedure::title).orElse(id), List.copyOf(steps));
    }

    /**
     * Finds a procedure by id: in the provider of the session's diagnoses first, then in the
     * providers of findings that point at it, then in any installed provider.
     */
    private static Optional<Procedure> find(SupportSession session, ProviderCatalog.Snapshot catalog, String id) {
        Set<String> providers = new LinkedHashSet<>();
        for (int i = session.diagnoses().size() - 1; i >= 0; i--) {
            DiagnosisRecord d = session.diagnoses().get(i);
            d.providerId().ifPresent(providers::add);
            d.findings().stream().filter(f -> f.procedure().filter(id::equals).isPresent()).map(Finding::provider)
                    .forEach(providers::add);
        }
        for (String p : providers) {
            Optional<Procedure> found = catalog.provider(p).flatMap(d -> d.procedure(id));
            if (found.isPresent()) {
                return found;
            }
        }
        return catalog.providers().stream().map(d -> d.procedure(id)).flatMap(Optional::stream).findFirst();
    }

    /** @return the findings of the last diagnosis, ranked, or none */
    public List<Finding> findings() {
        return last.map(DiagnosisRecord::findings).orElse(List.of());
    }

    /** @return the name of the provider of the last diagnosis, else empty */
    public String providerName() {
        return last.flatMap(DiagnosisRecord::providerName).orElse("");
    }

    /**
     * @param code a cause code
     * @return the standard one-line description of the cause, or empty for provider codes
     */
    public static String causeSummary(String code) {
        return CauseCode.of(code).map(CauseCode::summary).orElse("");
    }

    /**
     * @param catalog the installed providers
     * @param providerId a provider id
     * @return its name, or the id when it is not installed
     */
    static String providerName(ProviderCatalog.Snapshot catalog, String providerId) {
        return catalog.provider(providerId).map(ProviderDescriptor::name).orElse(providerId);
    }
}
