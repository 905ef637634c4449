package org.relaybench.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

/** Probe... (Ctrl+P): asks for the password, then diagnoses the active session with its real servers. */
public final class ProbeHandler extends AbstractHandler {

    /** The command id. */
    public static final String COMMAND = "org.relaybench.ui.commands.probe";

    @Override
    public Object execute(ExecutionEvent event) {
        SessionHandlers.editor(event).ifPresent(SessionEditor::probe);
        return null;
    }
}
