package org.relaybench.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;

/** Conventions shared by the workbench's widgets. */
final class Widgets {

    /** Widget data key naming a control for UI tests and accessibility tools. */
    static final String TEST_ID = "org.relaybench.test.id";

    private Widgets() {
    }

    /**
     * Layout data for a wrapping label in a grid: it takes its column's width and wraps there. The
     * small width hint keeps its unwrapped length out of the form's minimum width, which would
     * otherwise make a scrolled form scroll sideways.
     */
    static GridData wrapping() {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 160;
        return data;
    }
}
