package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.relaybench.ui.internal.SessionEditor;
import org.relaybench.ui.internal.SessionEditorInput;

/** The Support Session editor as a test drives it: its fields, Diagnose, findings and procedure. */
final class SessionEditorPage {

    static final String NEW_SESSION = "org.relaybench.ui.commands.newSession";
    static final String DIAGNOSE = "org.relaybench.ui.commands.diagnose";

    final SessionEditor editor;
    final Composite root;

    private SessionEditorPage(SessionEditor editor) {
        this.editor = editor;
        this.root = editor.form();
    }

    static IWorkbenchWindow window() {
        return PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    /** Runs New Session through its command, as the menu and the toolbar do. */
    static SessionEditorPage openNew() {
        try {
            window().getService(IHandlerService.class).executeCommand(NEW_SESSION, null);
        } catch (Exception e) {
            throw new AssertionError("New Session failed", e);
        }
        Widgets.settle();
        return active();
    }

    /** @return the active session editor */
    static SessionEditorPage active() {
        IEditorPart part = window().getActivePage().getActiveEditor();
        assertTrue(part instanceof SessionEditor, "the active editor is a session: " + part);
        return new SessionEditorPage((SessionEditor) part);
    }

    static void closeAll() {
        window().getActivePage().closeAllEditors(false);
        Widgets.settle();
    }

    SessionEditorInput input() {
        return (SessionEditorInput) editor.getEditorInput();
    }

    SessionEditorPage type(String id, String value) {
        text(id).setText(value);
        Widgets.settle();
        return this;
    }

    SessionEditorPage choose(String id, String value) {
        Combo combo = find(Combo.class, id);
        int index = Arrays.asList(combo.getItems()).indexOf(value);
        assertTrue(index >= 0, value + " in " + Arrays.toString(combo.getItems()));
        combo.select(index);
        combo.notifyListeners(SWT.Selection, null);
        Widgets.settle();
        return this;
    }

    SessionEditorPage check(String id, boolean on) {
        Button b = find(Button.class, id);
        b.setSelection(on);
        b.notifyListeners(SWT.Selection, null);
        Widgets.settle();
        return this;
    }

    /** Types the classic case: an AOL address on iOS 12 whose outgoing server sends no password. */
    SessionEditorPage aolRelayingCase(String customer, String ticket) {
        type("form.customer", customer).type("form.ticket", ticket).type("form.email", "pat.lee@aol.com")
                .choose("form.client", "ios").type("form.version", "12").type("form.smtp.host", "smtp.aol.com")
                .type("form.smtp.port", "587").choose("form.smtp.security", "starttls").choose("form.smtp.auth", "none")
                .type("form.error", "A copy has been placed in your Outbox. The recipient \"sam@example.org\""
                        + " was rejected by the server because it does not allow relaying.");
        return this;
    }

    Button diagnoseButton() {
        return find(Button.class, "diagnose.run");
    }

    /** Clicks Diagnose. */
    SessionEditorPage diagnose() {
        clickDiagnose();
        Widgets.settle();
        return this;
    }

    /** Presses Diagnose and returns at once, leaving the event loop to the caller. */
    void clickDiagnose() {
        diagnoseButton().notifyListeners(SWT.Selection, null);
    }

    /** Waits until the diagnosis has finished (the button is back) and returns the findings' rows. */
    List<List<String>> awaitFindings() {
        Widgets.waitUntil("the diagnosis to finish", () -> !editor.running() && diagnoseButton().isEnabled(),
                Duration.ofSeconds(30));
        Table table = find(Table.class, "diagnose.findings");
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < table.getColumnCount(); i++) {
                cells.add(item.getText(i));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Asserts that the form fits the editor's width: nothing is cut off at the right. */
    void assertNoSidewaysScrolling() {
        Widgets.settle();
        int body = editor.form().getBody().getSize().x;
        int visible = editor.form().getClientArea().width;
        assertTrue(body <= visible, "the form is " + body + " px wide, the editor shows " + visible);
    }

    boolean running() {
        return !diagnoseButton().isEnabled();
    }

    Table findingsTable() {
        return find(Table.class, "diagnose.findings");
    }

    /** @return a label's text as shown (a doubled "&" shows as one) */
    String label(String id) {
        return find(Label.class, id).getText().replace("&&", "&");
    }

    Text text(String id) {
        return find(Text.class, id);
    }

    /** @return the problem decorating a field, or null when it shows none */
    String problem(String id) {
        Control c = find(Control.class, id);
        ControlDecoration d = (ControlDecoration) c.getData("org.relaybench.decoration");
        return d.isVisible() ? d.getDescriptionText() : null;
    }

    /** Marks a step of the shown procedure: worked, did-not-work or skipped, with a note. */
    SessionEditorPage mark(int step, String state, String note) {
        if (!note.isEmpty()) {
            text("step." + step + ".note").setText(note);
        }
        Button b = find(Button.class, "step." + step + "." + state);
        for (Control sibling : b.getParent().getChildren()) {
            ((Button) sibling).setSelection(sibling == b);
        }
        b.notifyListeners(SWT.Selection, null);
        Widgets.settle();
        return this;
    }

    SessionEditorPage click(String id) {
        find(Button.class, id).notifyListeners(SWT.Selection, null);
        Widgets.settle();
        return this;
    }

    <T extends Control> T find(Class<T> type, String id) {
        return Widgets.find(root, type, id).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + id));
    }
}
