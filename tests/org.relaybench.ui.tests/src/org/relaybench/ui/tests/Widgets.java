package org.relaybench.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** The few widget helpers the UI tests need, on plain SWT (SWTBot is not on Maven Central). */
final class Widgets {

    static final String TEST_ID = "org.relaybench.test.id";

    private Widgets() {
    }

    /** Runs the event loop until the condition holds or the timeout passes. */
    static void waitUntil(String what, BooleanSupplier condition, Duration timeout) {
        Display display = Display.getCurrent();
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> {
                });
                display.sleep();
            }
        }
    }

    /** Lets pending UI work (layouts, async updates) run. */
    static void settle() {
        Display display = Display.getCurrent();
        for (int i = 0; i < 200 && display.readAndDispatch(); i++) {
            // drain the queue, bounded so a repainting control cannot hold the test forever
        }
    }

    /** Finds a control below the root by its test id, depth first. */
    static <T extends Control> Optional<T> find(Control root, Class<T> type, String testId) {
        List<Control> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Control c = stack.remove(stack.size() - 1);
            if (type.isInstance(c) && testId.equals(c.getData(TEST_ID))) {
                return Optional.of(type.cast(c));
            }
            if (c instanceof Composite composite) {
                stack.addAll(List.of(composite.getChildren()));
            }
        }
        return Optional.empty();
    }

    /**
     * Does something with a modal dialog once it is open. A test schedules this, then runs what opens
     * the dialog; the actions run inside the dialog's event loop, and the dialog is closed in any case
     * so that a failed check cannot hang the test.
     *
     * @param display the display
     * @param dialogType the dialog's class (a JFace window keeps itself as its shell's data)
     * @param actions what to do with the dialog's shell
     * @param failure where a failure of the actions is kept, to rethrow after the dialog closed
     */
    static void whenOpen(Display display, Class<? extends org.eclipse.jface.window.Window> dialogType,
            java.util.function.Consumer<Shell> actions, List<Throwable> failure) {
        whenOpen(display, dialogType, actions, failure, 200);
    }

    private static void whenOpen(Display display, Class<? extends org.eclipse.jface.window.Window> dialogType,
            java.util.function.Consumer<Shell> actions, List<Throwable> failure, int tries) {
        display.asyncExec(() -> {
            Optional<Shell> shell = List.of(display.getShells()).stream()
                    .filter(s -> s.isVisible() && dialogType.isInstance(s.getData())).findFirst();
            if (shell.isEmpty()) {
                if (tries > 0) {
                    display.timerExec(50, () -> whenOpen(display, dialogType, actions, failure, tries - 1));
                } else {
                    failure.add(new AssertionError("no " + dialogType.getSimpleName() + " opened"));
                }
                return;
            }
            try {
                actions.accept(shell.get());
            } catch (Throwable t) {
                failure.add(t);
            } finally {
                if (!shell.get().isDisposed()) {
                    ((org.eclipse.jface.window.Window) shell.get().getData()).close();
                }
            }
        });
    }

    /** Finds a push button by its text (with its mnemonic marker), e.g. {@code &Finish}. */
    static org.eclipse.swt.widgets.Button button(Control root, String text) {
        List<Control> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Control c = stack.remove(stack.size() - 1);
            if (c instanceof org.eclipse.swt.widgets.Button b && text.equals(b.getText())) {
                return b;
            }
            if (c instanceof Composite composite) {
                stack.addAll(List.of(composite.getChildren()));
            }
        }
        throw new AssertionError("no button " + text);
    }

    /** Saves a PNG of the shell as shown on screen, for a person to look at. */
    static void screenshot(Shell shell, String name) {
        String dir = System.getProperty("relaybench.screenshots");
        if (dir == null) {
            return;
        }
        new java.io.File(dir).mkdirs();
        // let resizes and repaints reach the X server before copying the screen
        long end = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < end) {
            settle();
            shell.update();
        }
        Display display = shell.getDisplay();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(dir + "/" + name + ".png", SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
