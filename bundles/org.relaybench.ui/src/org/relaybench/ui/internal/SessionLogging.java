package org.relaybench.ui.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepRecord;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.session.SessionLog;

/**
 * The session log as one session editor writes and reads it: step marks and the outcome, each logged
 * at once in a job, and the logged session read back when the editor reopens it.
 * <p>
 * Order: every job of one editor (these and the editor's diagnosis, which takes {@link #rule()}) runs
 * under one scheduling rule, one after another, so the audit trail keeps the agent's order. Threads:
 * the marks are read and changed on the UI thread only; the jobs report back through the display,
 * and not at all once the editor is gone.
 */
final class SessionLogging {

    private final ISchedulingRule rule = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule other) {
            return other == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule other) {
            return other == this;
        }
    };

    private final SupportContext context;
    private final Display display;
    private final Supplier<Optional<String>> sessionId;
    private final Consumer<String> status;
    private final BooleanSupplier gone;
    /** The last logged mark of each step (state id, note) by procedure id and step id; UI thread only. */
    private final Map<String, Map<String, String[]>> marks = new HashMap<>();

    /**
     * @param context where the log comes from
     * @param display the editor's display
     * @param sessionId the editor's session, once logged
     * @param status shows what happened to a change, on the UI thread
     * @param gone whether the editor was closed, so that late answers are dropped
     */
    SessionLogging(SupportContext context, Display display, Supplier<Optional<String>> sessionId,
            Consumer<String> status, BooleanSupplier gone) {
        this.context = context;
        this.display = display;
        this.sessionId = sessionId;
        this.status = status;
        this.gone = gone;
    }

    /** @return the rule every log job of the editor runs under */
    ISchedulingRule rule() {
        return rule;
    }

    /**
     * @param procedureId a procedure
     * @return its steps' last logged states and notes, by step id
     */
    Map<String, String[]> marks(String procedureId) {
        return marks.getOrDefault(procedureId, Map.of());
    }

    /** Logs one step's mark at once, in a job; a mark the same as the last one logged is not logged again. */
    void mark(String procedureId, String stepId, StepState state, String note) {
        Optional<String> id = sessionId.get();
        if (id.isEmpty()) {
            status.accept(Messages.NotLoggedYet);
            return;
        }
        String[] previous = marks(procedureId).get(stepId);
        if (previous != null && previous[0].equals(state.id()) && previous[1].equals(note)) {
            return;
        }
        marks.computeIfAbsent(procedureId, k -> new HashMap<>()).put(stepId, new String[] { state.id(), note });
        String agent = context.agent();
        log(Messages.LogStepJob, log -> log.recordStep(id.get(), agent, procedureId, stepId, state, note),
                NLS.bind(Messages.StepLogged, stepId, state.id()));
    }

    /** Logs the session's outcome (resolved, unresolved) at once, in a job. */
    void close(SessionStatus outcome) {
        Optional<String> id = sessionId.get();
        if (id.isEmpty()) {
            status.accept(Messages.NotLoggedYet);
            return;
        }
        String agent = context.agent();
        log(Messages.LogStatusJob, log -> log.setStatus(id.get(), agent, outcome, ""),
                NLS.bind(Messages.StatusLogged, outcome.id()));
    }

    private void log(String name, Consumer<SessionLog> change, String confirmation) {
        Job job = Job.create(name, (IProgressMonitor monitor) -> {
            String shown;
            IStatus result = Status.OK_STATUS;
            try {
                change.accept(context.log());
                shown = confirmation;
                context.sessionsChanged();
            } catch (RuntimeException e) {
                shown = NLS.bind(Messages.LogFailed, e.getMessage());
                result = Status.warning(shown, e);
            }
            String text = shown;
            display.asyncExec(() -> {
                if (!gone.getAsBoolean()) {
                    status.accept(text);
                }
            });
            return result;
        });
        job.setRule(rule);
        job.setSystem(true);
        job.schedule();
    }

    /**
     * Reads a logged session in a job; its step marks become the last logged ones.
     *
     * @param id the session
     * @param loaded told on the UI thread: the session (null when there is none or reading failed) and
     *        what went wrong (null when nothing did)
     */
    void load(String id, BiConsumer<SupportSession, String> loaded) {
        Job job = Job.create(Messages.LoadJob, (IProgressMonitor monitor) -> {
            try {
                Optional<SupportSession> session = context.log().get(id);
                display.asyncExec(() -> {
                    if (!gone.getAsBoolean()) {
                        session.ifPresent(this::remember);
                        loaded.accept(session.orElse(null), null);
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                display.asyncExec(() -> {
                    if (!gone.getAsBoolean()) {
                        loaded.accept(null, NLS.bind(Messages.LoadFailed, e.getMessage()));
                    }
                });
                return Status.warning(NLS.bind(Messages.LoadFailed, e.getMessage()), e);
            }
        });
        job.setRule(rule);
        job.setSystem(true);
        job.schedule();
    }

    private void remember(SupportSession session) {
        for (StepRecord r : session.steps()) {
            marks.computeIfAbsent(r.procedureId(), k -> new HashMap<>()).put(r.stepId(),
                    new String[] { r.state().id(), r.note() });
        }
    }
}
