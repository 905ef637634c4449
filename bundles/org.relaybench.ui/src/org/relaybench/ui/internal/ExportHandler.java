package org.relaybench.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;

/** Export Session... (Ctrl+E): the export wizard for the active session editor's logged session. */
public final class ExportHandler extends AbstractHandler {

    /** The command id. */
    public static final String COMMAND = "org.relaybench.ui.commands.export";

    @Override
    public Object execute(ExecutionEvent event) {
        SessionHandlers.editor(event).ifPresent(editor -> SessionHandlers.logged(editor).ifPresent(session -> {
            SupportContext context = editor.getSite().getService(SupportContext.class);
            context.sessions().ifPresentOrElse(service -> {
                ExportWizard wizard = new ExportWizard(service, session);
                WizardDialog dialog = new WizardDialog(HandlerUtil.getActiveShell(event), wizard);
                if (dialog.open() == Window.OK) {
                    editor.report(NLS.bind(Messages.ExportDone, wizard.written().size(),
                            wizard.written().isEmpty() ? "" : wizard.written().get(0).getParent()), false);
                }
            }, () -> editor.report(Messages.NoSessionService, true));
        }));
        return null;
    }
}
