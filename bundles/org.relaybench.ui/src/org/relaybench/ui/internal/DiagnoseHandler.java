package org.relaybench.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Diagnose (Ctrl+D): diagnoses the active session editor's account. Active while a session editor is
 * the active part (plugin.xml); a second Diagnose while one runs is ignored.
 */
public final class DiagnoseHandler extends AbstractHandler {

    /** The command id. */
    public static final String COMMAND = "org.relaybench.ui.commands.diagnose";

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof SessionEditor editor) {
            editor.diagnose();
        }
        return null;
    }
}
