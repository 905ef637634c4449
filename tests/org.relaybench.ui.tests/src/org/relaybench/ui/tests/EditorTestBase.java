package org.relaybench.ui.tests;

import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The workbench window as the editor tests start from: 1280×860 (a size between the two the
 * screenshots are taken at), and no session editor open before or after a test.
 */
abstract class EditorTestBase {

    /** The workbench window's shell. */
    protected Shell shell;

    @BeforeEach
    void window() {
        shell = SessionEditorPage.window().getShell();
        shell.setSize(1280, 860);
        SessionEditorPage.closeAll();
    }

    @AfterEach
    void closeEditors() {
        SessionEditorPage.closeAll();
    }
}
