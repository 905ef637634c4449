package org.relaybench.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.contexts.IContextService;

/**
 * Opens the workbench on the Support perspective, with the Support key-binding context active in
 * every window, and remembers the layout between runs.
 */
final class SupportWorkbenchAdvisor extends WorkbenchAdvisor {

    /** The context of the Support commands' key bindings (Ctrl+N New Session, Ctrl+D Diagnose). */
    static final String SUPPORT_CONTEXT = "org.relaybench.ui.contexts.support";

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
        UnsignedContent.applyPreference();
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return SupportPerspective.ID;
    }

    @Override
    public void postShutdown() {
        SupportContext context = PlatformUI.getWorkbench().getService(SupportContext.class);
        if (context != null) {
            context.close();
        }
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new WorkbenchWindowAdvisor(configurer) {
            @Override
            public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer actionBars) {
                return new SupportActionBarAdvisor(actionBars);
            }

            @Override
            public void preWindowOpen() {
                IWorkbenchWindowConfigurer c = getWindowConfigurer();
                // most of the screen: a session needs room, and the window opened small on large screens
                Rectangle screen = Display.getCurrent().getPrimaryMonitor().getClientArea();
                c.setInitialSize(new Point(Math.max(800, screen.width * 9 / 10), Math.max(600, screen.height * 9 / 10)));
                c.setShowCoolBar(true);
                c.setShowStatusLine(true);
                c.setShowProgressIndicator(true);
                c.setShowPerspectiveBar(false);
                c.setTitle(Messages.WindowTitle);
            }

            @Override
            public void postWindowOpen() {
                getWindowConfigurer().getWindow().getService(IContextService.class).activateContext(SUPPORT_CONTEXT);
            }
        };
    }
}
