package org.relaybench.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** Refresh Statistics (F5 in the Statistics view): reads the figures of the chosen range again. */
public final class RefreshStatisticsHandler extends AbstractHandler {

    /** The command id. */
    public static final String COMMAND = "org.relaybench.ui.commands.refreshStatistics";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        if (part instanceof StatisticsView view) {
            view.refresh();
        }
        return null;
    }
}
