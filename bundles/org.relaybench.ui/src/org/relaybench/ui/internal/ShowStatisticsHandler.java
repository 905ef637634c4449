package org.relaybench.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Statistics (Ctrl+Shift+T): shows the Statistics view and gives it the focus. */
public final class ShowStatisticsHandler extends AbstractHandler {

    /** The command id. */
    public static final String COMMAND = "org.relaybench.ui.commands.statistics";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().showView(StatisticsView.ID);
        } catch (PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return null;
    }
}
