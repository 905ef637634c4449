package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.session.SupportSessions;
import org.relaybench.ui.internal.SupportContext;

/** Export Session... writes every format through the session service; Copy Ticket Summary fills the clipboard. */
class ExportTest extends EditorTestBase {

    @Test
    void exportsEveryFormatOfTheSession() throws Exception {
        SessionEditorPage page = SessionEditorPage.openNew().aolRelayingCase("Robin Export", "E-1").diagnose();
        page.awaitFindings();
        String id = page.input().sessionId().orElseThrow();
        SupportContext context = PlatformUI.getWorkbench().getService(SupportContext.class);
        SupportSession session = context.log().get(id).orElseThrow();
        SupportSessions service = context.sessions().orElseThrow();
        boolean fixKit = service.fixKit(session).isPresent();
        Path folder = target().resolve("exports").resolve(id);

        List<Throwable> failure = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        ExportWizardPage.whenOpen(shell.getDisplay(), wizard -> {
            for (Button b : wizard.formats()) {
                if (b.getEnabled()) {
                    offered.add(((String) b.getData(Widgets.TEST_ID)).substring("export.".length()));
                }
            }
            wizard.folder(folder.toString()).name("ticket-e1");
            Widgets.screenshot(wizard.shell, "export-wizard");
            assertTrue(wizard.finishEnabled());
            wizard.finish();
        }, failure);
        execute("org.relaybench.ui.commands.export");
        Widgets.settle();
        if (!failure.isEmpty()) {
            throw new AssertionError(failure.get(0));
        }

        for (Format f : Format.values()) {
            Path file = folder.resolve("ticket-e1." + f.extension());
            boolean expected = !f.fixKit() || fixKit;
            assertEquals(expected, offered.contains(f.id()), f + " offered: " + offered);
            assertEquals(expected, Files.isRegularFile(file) && Files.size(file) > 0, file + " written");
        }
        String json = Files.readString(folder.resolve("ticket-e1.json"));
        assertTrue(json.contains("relaybench.session/1") && json.contains("smtp-auth-missing"), json);
        assertTrue(page.editor.form().getMessage().startsWith("Exported"), page.editor.form().getMessage());
    }

    @Test
    void copiesThePlainTextTicketSummary() {
        SessionEditorPage page = SessionEditorPage.openNew().aolRelayingCase("Casey Copy", "C-9").diagnose();
        page.awaitFindings();
        execute("org.relaybench.ui.commands.copySummary");
        Clipboard clipboard = new Clipboard(shell.getDisplay());
        String text;
        try {
            text = (String) clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
        assertTrue(text.startsWith("Relaybench support session C-9\n"), text);
        assertTrue(text.contains("Customer: Casey Copy\n"), text);
        assertTrue(text.contains("Account: pat.lee@aol.com (ios-12)"), text);
        assertTrue(text.contains("1. [error] smtp-auth-missing"), text);
        assertFalse(text.contains("<") || text.contains("**"), "plain text, neither HTML nor Markdown: " + text);
    }

    @Test
    void aSessionNotYetLoggedIsExplainedNotExported() {
        SessionEditorPage page = SessionEditorPage.openNew();
        execute("org.relaybench.ui.commands.export");
        assertTrue(page.editor.form().getMessage().contains("not logged yet"), page.editor.form().getMessage());
        assertEquals(List.of(shell), List.of(shell.getDisplay().getShells()).stream().filter(Shell::isVisible).toList(),
                "no wizard for a session that is not logged");
    }

    private static void execute(String command) {
        try {
            SessionEditorPage.window().getService(IHandlerService.class).executeCommand(command, null);
        } catch (Exception e) {
            throw new AssertionError(command, e);
        }
    }

    private static Path target() throws IOException {
        String screenshots = System.getProperty("relaybench.screenshots");
        return screenshots != null ? Path.of(screenshots).getParent() : Files.createTempDirectory("relaybench-ui");
    }
}
