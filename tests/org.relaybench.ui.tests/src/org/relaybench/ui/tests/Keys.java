package org.relaybench.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * Real key strokes through {@link Display#post(Event)}, as the X server delivers them: the workbench's
 * key bindings, traversal and the widgets see what they would see from a keyboard.
 */
final class Keys {

    private Keys() {
    }

    /** Makes the shell the active one, so that posted keys reach it. */
    static void focus(Shell shell) {
        shell.forceActive();
        Widgets.settle();
    }

    /**
     * Presses a key with modifiers, e.g. {@code (SWT.MOD1, 'n')} for Ctrl+N or
     * {@code (SWT.MOD1 | SWT.SHIFT, 't')} for Ctrl+Shift+T.
     */
    static void chord(Display display, int modifiers, char key) {
        List<Integer> held = new ArrayList<>();
        for (int m : new int[] { SWT.MOD1, SWT.SHIFT, SWT.ALT }) {
            if ((modifiers & m) != 0) {
                held.add(modifierCode(m));
            }
        }
        held.forEach(code -> post(display, SWT.KeyDown, code, '\0'));
        post(display, SWT.KeyDown, 0, key);
        post(display, SWT.KeyUp, 0, key);
        for (int i = held.size() - 1; i >= 0; i--) {
            post(display, SWT.KeyUp, held.get(i), '\0');
        }
        Widgets.settle();
    }

    /** Presses a key without a character, e.g. {@code SWT.F5}. */
    static void press(Display display, int keyCode) {
        post(display, SWT.KeyDown, keyCode, '\0');
        post(display, SWT.KeyUp, keyCode, '\0');
        Widgets.settle();
    }

    /** Types text, one key at a time (lower case letters, digits, '@', '.', '-', ' '). */
    static void type(Display display, String text) {
        for (char c : text.toCharArray()) {
            post(display, SWT.KeyDown, 0, c);
            post(display, SWT.KeyUp, 0, c);
        }
        Widgets.settle();
    }

    /** Presses Tab: the next field in tab order. */
    static void tab(Display display) {
        post(display, SWT.KeyDown, SWT.TAB, '\t');
        post(display, SWT.KeyUp, SWT.TAB, '\t');
        Widgets.settle();
    }

    private static int modifierCode(int modifier) {
        return modifier == SWT.MOD1 ? SWT.CTRL : modifier;
    }

    private static void post(Display display, int type, int keyCode, char character) {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        e.character = character;
        if (!display.post(e)) {
            throw new AssertionError("the display did not take the key event " + (int) character);
        }
        // let the X server deliver it before the next one
        Widgets.settle();
    }
}
