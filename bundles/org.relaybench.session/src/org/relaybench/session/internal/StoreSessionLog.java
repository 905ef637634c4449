package org.relaybench.session.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.session.BulkOpening;
import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.FixSuccess;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SessionOpening;
import org.relaybench.store.BulkSession;
import org.relaybench.store.NewSession;
import org.relaybench.store.ProcedureOutcome;
import org.relaybench.store.ProcedureOutcomes;
import org.relaybench.store.SessionPage;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStatistics;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionSummary;

/** A {@link SessionLog} on a session store. */
final class StoreSessionLog implements SessionLog {

    private final SessionStore store;

    StoreSessionLog(SessionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String description() {
        return store.description();
    }

    @Override
    public String open(SessionOpening opening, AccountProfile account, Optional<DiagnosisResult> first) {
        Objects.requireNonNull(opening, "opening");
        NewSession session = NewSession.now(opening.agent(), opening.customer(), opening.ticket(), account);
        return store.open(session, first.map(DiagnosisResult::probeRecords).orElse(List.of()),
                first.map(DiagnosisResult::record));
    }

    @Override
    public String newSessionId() {
        return store.newId();
    }

    @Override
    public void openAll(List<BulkOpening> sessions) {
        List<BulkSession> all = new ArrayList<>(sessions.size());
        for (BulkOpening o : sessions) {
            NewSession session = NewSession.now(o.opening().agent(), o.opening().customer(), o.opening().ticket(),
                    o.account());
            all.add(new BulkSession(o.id(), session, o.first().map(DiagnosisResult::probeRecords).orElse(List.of()),
                    o.first().map(DiagnosisResult::record)));
        }
        store.openAll(all);
    }

    @Override
    public AuditEntry recordDiagnosis(String sessionId, String agent, DiagnosisResult result) {
        return store.recordDiagnosis(sessionId, agent, result.probeRecords(), result.record());
    }

    @Override
    public AuditEntry recordStep(String sessionId, String agent, String procedureId, String stepId, StepState state,
            String note) {
        return store.setStep(sessionId, agent, procedureId, stepId, state, note);
    }

    @Override
    public AuditEntry addNote(String sessionId, String agent, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs some text");
        }
        return store.addNote(sessionId, agent, text);
    }

    @Override
    public AuditEntry setStatus(String sessionId, String agent, SessionStatus status, String note) {
        return store.setStatus(sessionId, agent, status, note);
    }

    @Override
    public AuditEntry updateAccount(String sessionId, String agent, AccountProfile account) {
        return store.updateAccount(sessionId, agent, account);
    }

    @Override
    public Optional<SupportSession> get(String sessionId) {
        return store.get(sessionId);
    }

    @Override
    public SessionPage search(SessionQuery query) {
        return store.search(query);
    }

    @Override
    public List<SupportSession> sessions(SessionQuery query, int max) {
        List<SupportSession> sessions = new ArrayList<>();
        int offset = query.offset();
        while (sessions.size() < max) {
            SessionPage page = store.search(query.page(Math.min(SessionQuery.MAX_LIMIT, max - sessions.size()), offset));
            for (SessionSummary s : page.sessions()) {
                store.get(s.id()).ifPresent(sessions::add);
            }
            if (!page.more() || page.sessions().isEmpty()) {
                break;
            }
            offset += page.sessions().size();
        }
        return sessions;
    }

    @Override
    public FixSuccess fixSuccess(String providerId, String cause, String procedureId) {
        Objects.requireNonNull(procedureId, "procedureId");
        return fixSuccesses(providerId, cause, List.of(procedureId)).get(0);
    }

    @Override
    public List<FixSuccess> fixSuccesses(String providerId, String cause, List<String> procedureIds) {
        ProcedureOutcomes outcomes = store.procedureOutcomes(Objects.requireNonNull(providerId, "providerId"),
                Objects.requireNonNull(cause, "cause"));
        List<FixSuccess> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(procedureIds)) {
            ProcedureOutcome o = outcomes.of(id).orElse(new ProcedureOutcome(id, 0, 0));
            out.add(new FixSuccess(providerId, cause, id, o.worked(), o.tried(), outcomes.sessions()));
        }
        // a stable sort: procedures that worked equally often keep the engine's order
        out.sort(Comparator.comparingInt(FixSuccess::worked).reversed()
                .thenComparing(Comparator.comparingDouble(FixSuccess::rate).reversed()));
        return out;
    }

    @Override
    public SessionStatistics statistics(LocalDate from, LocalDate to, ZoneId zone, SessionStatistics.Period period) {
        return store.statistics(from, to, zone, period);
    }

    @Override
    public void close() {
        store.close();
    }
}
