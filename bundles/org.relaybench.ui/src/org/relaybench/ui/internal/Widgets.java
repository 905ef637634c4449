package org.relaybench.ui.internal;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;

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

    /**
     * A composite for one table of a form section, laid out by a {@link TableColumnLayout} (the
     * caller gives the columns their weights), with a preferred size that keeps the form usable at
     * 1024×768.
     *
     * @param toolkit the form's toolkit
     * @param parent the section's body, a one-column grid
     * @param height preferred height in pixels
     * @param width preferred width in pixels
     * @return the composite to create the table in; its layout is the {@link TableColumnLayout}
     */
    static Composite tableArea(FormToolkit toolkit, Composite parent, int height, int width) {
        Composite area = toolkit.createComposite(parent);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
        data.heightHint = height;
        data.widthHint = width;
        area.setLayoutData(data);
        area.setLayout(new TableColumnLayout());
        return area;
    }
}
