package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/** The agent's main flow in the workbench: type the account and the error, diagnose, read the fix. */
class DiagnoseViewTest {

    private static final String IOS_RELAYING = "A copy has been placed in your Outbox. The recipient \"sam@example.org\""
            + " was rejected by the server because it does not allow relaying.";

    @Test
    void diagnosesTheClassicAolCaseWithIos12Steps() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        assertNotNull(window.getActivePage().findView("org.relaybench.ui.views.diagnose"),
                "the Support perspective shows the Diagnose view");
        Shell shell = window.getShell();
        shell.setSize(1280, 860);

        type(shell, "form.email", "pat.lee@aol.com");
        choose(shell, "form.client", "ios-12");
        type(shell, "form.smtp.host", "smtp.aol.com");
        type(shell, "form.smtp.port", "587");
        choose(shell, "form.smtp.security", "starttls");
        choose(shell, "form.smtp.auth", "none");
        type(shell, "form.error", IOS_RELAYING);
        Button run = Widgets.find(shell, Button.class, "diagnose.run").orElseThrow();
        run.notifyListeners(SWT.Selection, null);

        Table findings = Widgets.find(shell, Table.class, "diagnose.findings").orElseThrow();
        Widgets.waitUntil("findings", () -> findings.getItemCount() > 0, Duration.ofSeconds(20));
        assertEquals("error", findings.getItem(0).getText(0));
        assertEquals("smtp-auth-missing", findings.getItem(0).getText(1));
        Label procedure = Widgets.find(shell, Label.class, "diagnose.procedure").orElseThrow();
        assertTrue(procedure.getText().contains("AOL") && procedure.getText().contains("ios-12"), procedure.getText());
        String steps = Widgets.find(shell, Text.class, "diagnose.steps").orElseThrow().getText();
        assertTrue(steps.startsWith("1. Open Settings > Passwords & Accounts"), steps);
        assertTrue(steps.contains("\n6. "), "every step of the procedure is listed: " + steps);
        assertTrue(steps.contains("Expect: "), steps);
        Text evidence = Widgets.find(shell, Text.class, "diagnose.evidence").orElseThrow();
        assertTrue(evidence.getText().contains("setting smtp.auth: none"), evidence.getText());
        Widgets.screenshot(shell, "diagnose");
    }

    @Test
    void invalidAddressIsExplainedNotThrown() {
        Shell shell = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell();
        type(shell, "form.email", "not-an-address");
        Widgets.find(shell, Button.class, "diagnose.run").orElseThrow().notifyListeners(SWT.Selection, null);
        Widgets.settle();
        Label summary = Widgets.find(shell, Label.class, "diagnose.summary").orElseThrow();
        assertTrue(summary.getText().contains("e-mail address"), summary.getText());
    }

    private static void type(Shell shell, String id, String value) {
        Text text = Widgets.find(shell, Text.class, id).orElseThrow(() -> new AssertionError("no field " + id));
        text.setText(value);
    }

    private static void choose(Shell shell, String id, String value) {
        Combo combo = Widgets.find(shell, Combo.class, id).orElseThrow(() -> new AssertionError("no combo " + id));
        int index = Arrays.asList(combo.getItems()).indexOf(value);
        assertTrue(index >= 0, value + " in " + Arrays.toString(combo.getItems()));
        combo.select(index);
    }
}
