package org.relaybench.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;

/** Copy Ticket Summary (Ctrl+Shift+C): the active session as plain text on the clipboard. */
public final class CopySummaryHandler extends AbstractHandler {

    /** The command id. */
    public static final String COMMAND = "org.relaybench.ui.commands.copySummary";

    @Override
    public Object execute(ExecutionEvent event) {
        SessionHandlers.editor(event).ifPresent(editor -> SessionHandlers.logged(editor).ifPresent(session -> {
            Clipboard clipboard = new Clipboard(editor.form().getDisplay());
            try {
                clipboard.setContents(new Object[] { TicketSummary.of(session) },
                        new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
            editor.report(Messages.SummaryCopied, false);
        }));
        return null;
    }
}
