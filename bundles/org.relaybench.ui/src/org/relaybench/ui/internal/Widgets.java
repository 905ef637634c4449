package org.relaybench.ui.internal;

/** Conventions shared by the workbench's widgets. */
final class Widgets {

    /** Widget data key naming a control for UI tests and accessibility tools. */
    static final String TEST_ID = "org.relaybench.test.id";

    private Widgets() {
    }
}
