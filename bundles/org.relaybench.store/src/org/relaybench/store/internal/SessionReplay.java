package org.relaybench.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepRecord;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;

import com.google.gson.JsonObject;

/** Builds a session from its trail of changes, oldest first: the latest change of each kind wins. */
final class SessionReplay {

    /** One stored change. */
    record Event(long seq, Instant at, String agent, EventKind kind, JsonObject payload) {
    }

    private SessionReplay() {
    }

    /**
     * @param id the session's id
     * @param events all its changes in sequence order, starting with {@link EventKind#OPENED}
     * @return the session
     */
    static SupportSession replay(String id, List<Event> events) {
        if (events.isEmpty() || events.get(0).kind() != EventKind.OPENED) {
            throw new IllegalStateException("session " + id + " does not start with its opening");
        }
        Event first = events.get(0);
        String customer = Json.string(first.payload(), "customer");
        String ticket = Json.string(first.payload(), "ticket");
        AccountProfile account = AccountCodec.read(first.payload().getAsJsonObject("account"));
        SessionStatus status = SessionStatus.OPEN;
        List<DiagnosisRecord> diagnoses = new ArrayList<>();
        List<ProbeRecord> probes = new ArrayList<>();
        Map<String, StepRecord> steps = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        for (Event e : events) {
            JsonObject p = e.payload();
            switch (e.kind()) {
            case DIAGNOSED -> diagnoses.add(RecordCodec.readDiagnosis(p));
            case PROBED -> probes.add(RecordCodec.readProbe(p));
            case STEP -> {
                String procedure = Json.string(p, "procedure");
                String step = Json.string(p, "step");
                StepState state = StepState.parse(Json.string(p, "state")).orElseThrow();
                // the key keeps the step's first position; the record is its latest state
                steps.put(procedure + '\n' + step,
                        new StepRecord(procedure, step, state, Json.string(p, "note"), e.at(), e.agent()));
            }
            case STATUS -> status = SessionStatus.parse(Json.string(p, "status")).orElseThrow();
            case NOTE -> notes.add(Json.string(p, "text"));
            case ACCOUNT -> account = AccountCodec.read(p.getAsJsonObject("account"));
            case OPENED -> {
                // the opening was read above
            }
            default -> throw new IllegalStateException("unknown change " + e.kind());
            }
            audit.add(new AuditEntry(e.seq(), e.at(), e.agent(), e.kind().id(), e.kind().detail(p)));
        }
        Event last = events.get(events.size() - 1);
        return new SupportSession(id, first.at(), last.at(), first.agent(), customer, ticket, status, account, diagnoses,
                probes, new ArrayList<>(steps.values()), notes, audit);
    }
}
