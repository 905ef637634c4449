package org.relaybench.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** New Session (Ctrl+N): opens an empty session editor. */
public final class NewSessionHandler extends AbstractHandler {

    /** The command id. */
    public static final String COMMAND = "org.relaybench.ui.commands.newSession";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().openEditor(SessionEditorInput.create(),
                    SessionEditor.ID);
        } catch (PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return null;
    }
}
