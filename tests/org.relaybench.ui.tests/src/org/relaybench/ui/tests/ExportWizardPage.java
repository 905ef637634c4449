package org.relaybench.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The export wizard as a test drives it. The wizard is modal: a test schedules what to do with it
 * ({@link #whenOpen}) and then runs the command that opens it; the actions run inside the dialog's
 * event loop, and the dialog is closed in any case so that a failed check cannot hang the test.
 */
final class ExportWizardPage {

    final Shell shell;

    private ExportWizardPage(Shell shell) {
        this.shell = shell;
    }

    /**
     * @param display the display
     * @param actions what to do with the open wizard
     * @param failure where a failure of the actions is kept, to rethrow after the command returned
     */
    static void whenOpen(Display display, Consumer<ExportWizardPage> actions, List<Throwable> failure) {
        Widgets.whenOpen(display, WizardDialog.class, shell -> actions.accept(new ExportWizardPage(shell)), failure);
    }

    Button format(String id) {
        return Widgets.find(shell, Button.class, "export." + id).orElseThrow(() -> new AssertionError("no " + id));
    }

    List<Button> formats() {
        List<Button> all = new ArrayList<>();
        collect(shell, all);
        return all;
    }

    private static void collect(Control c, List<Button> into) {
        Object id = c.getData(Widgets.TEST_ID);
        if (c instanceof Button b && id instanceof String s && s.startsWith("export.")) {
            into.add(b);
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, into);
            }
        }
    }

    ExportWizardPage folder(String path) {
        Widgets.find(shell, Text.class, "export.folder").orElseThrow().setText(path);
        Widgets.settle();
        return this;
    }

    ExportWizardPage name(String base) {
        Widgets.find(shell, Text.class, "export.name").orElseThrow().setText(base);
        Widgets.settle();
        return this;
    }

    /** Presses Finish; returns when the files are written (or the wizard says why not). */
    void finish() {
        button("&Finish").notifyListeners(SWT.Selection, null);
        Widgets.settle();
    }

    boolean finishEnabled() {
        return button("&Finish").isEnabled();
    }

    private Button button(String text) {
        return Widgets.button(shell, text);
    }
}
