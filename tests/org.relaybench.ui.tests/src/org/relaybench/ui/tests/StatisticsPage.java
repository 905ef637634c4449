package org.relaybench.ui.tests;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.handlers.IHandlerService;
import org.relaybench.store.SessionStatistics;
import org.relaybench.ui.internal.StatisticsView;

/** The Statistics view as a test drives it: the range, the summary and what the three charts show. */
final class StatisticsPage {

    static final String COMMAND = "org.relaybench.ui.commands.statistics";

    final StatisticsView view;

    private StatisticsPage(StatisticsView view) {
        this.view = view;
    }

    /** Runs the Statistics command, as the Window menu and Ctrl+Shift+T do. */
    static StatisticsPage open() {
        try {
            SessionEditorPage.window().getService(IHandlerService.class).executeCommand(COMMAND, null);
        } catch (Exception e) {
            throw new AssertionError("Statistics failed", e);
        }
        Widgets.settle();
        return find();
    }

    static StatisticsPage find() {
        IViewPart part = page().findView(StatisticsView.ID);
        if (!(part instanceof StatisticsView view)) {
            throw new AssertionError("the Statistics view is not open: " + part);
        }
        return new StatisticsPage(view);
    }

    private static IWorkbenchPage page() {
        return SessionEditorPage.window().getActivePage();
    }

    /** Waits until the view shows figures that pass the check, and returns them. */
    SessionStatistics await(String what, Predicate<SessionStatistics> check) {
        Widgets.waitUntil(what, () -> view.shown() != null && check.test(view.shown()), Duration.ofSeconds(20));
        return view.shown();
    }

    String summary() {
        return Widgets.find(root(), Label.class, "statistics.summary").orElseThrow().getText();
    }

    Canvas chart(String id) {
        return Widgets.find(root(), Canvas.class, "statistics." + id).orElseThrow();
    }

    /** @return the causes, providers and procedures charts in words */
    List<List<String>> charts() {
        return view.describe();
    }

    Composite root() {
        return (Composite) Widgets.find(SessionEditorPage.window().getShell(), Label.class, "statistics.summary")
                .orElseThrow().getParent();
    }

    void maximize(boolean on) {
        page().setPartState(page().findViewReference(StatisticsView.ID),
                on ? IWorkbenchPage.STATE_MAXIMIZED : IWorkbenchPage.STATE_RESTORED);
        Widgets.settle();
    }
}
