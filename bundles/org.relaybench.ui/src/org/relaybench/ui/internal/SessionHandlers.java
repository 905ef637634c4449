package org.relaybench.ui.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.ui.handlers.HandlerUtil;
import org.relaybench.core.session.SupportSession;

/** What the handlers of a logged session's commands share: finding the session of the active editor. */
final class SessionHandlers {

    private SessionHandlers() {
    }

    /**
     * @param event the command's event
     * @return the active session editor, when one is active
     */
    static Optional<SessionEditor> editor(ExecutionEvent event) {
        return HandlerUtil.getActiveEditor(event) instanceof SessionEditor e ? Optional.of(e) : Optional.empty();
    }

    /**
     * Reads the editor's session from the log (one row set: quick, so it is read with a busy cursor);
     * when it is not logged yet or cannot be read, the editor says why.
     *
     * @param editor the editor
     * @return the session as logged
     */
    static Optional<SupportSession> logged(SessionEditor editor) {
        Optional<String> id = editor.sessionInput().sessionId();
        if (id.isEmpty()) {
            editor.report(Messages.NotLoggedYet, true);
            return Optional.empty();
        }
        SupportContext context = editor.getSite().getService(SupportContext.class);
        AtomicReference<Optional<SupportSession>> session = new AtomicReference<>(Optional.empty());
        try {
            BusyIndicator.showWhile(editor.form().getDisplay(), () -> session.set(context.log().get(id.get())));
        } catch (RuntimeException e) {
            editor.report(org.eclipse.osgi.util.NLS.bind(Messages.LoadFailed, e.getMessage()), true);
            return Optional.empty();
        }
        if (session.get().isEmpty()) {
            editor.report(Messages.LoadMissing, true);
        }
        return session.get();
    }
}
