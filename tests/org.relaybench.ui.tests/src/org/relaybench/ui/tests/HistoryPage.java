package org.relaybench.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PartInitException;
import org.relaybench.ui.internal.SessionHistoryView;

/** The Session History view as a test drives it: the filter box, the sessions, the audit trail. */
final class HistoryPage {

    final SessionHistoryView view;
    private final Text filter;

    private HistoryPage(SessionHistoryView view) {
        this.view = view;
        this.filter = Widgets.find(SessionEditorPage.window().getShell(), Text.class, "history.filter").orElseThrow();
    }

    static HistoryPage show() {
        try {
            IViewPart part = SessionEditorPage.window().getActivePage().showView(SessionHistoryView.ID);
            Widgets.settle();
            return new HistoryPage((SessionHistoryView) part);
        } catch (PartInitException e) {
            throw new AssertionError(e);
        }
    }

    Text filterBox() {
        return filter;
    }

    HistoryPage filter(String text) {
        filter.setText(text);
        Widgets.settle();
        return this;
    }

    Table sessions() {
        return Widgets.find(filter.getShell(), Table.class, "history.sessions").orElseThrow();
    }

    Table audit() {
        return Widgets.find(filter.getShell(), Table.class, "history.audit").orElseThrow();
    }

    String summary() {
        return Widgets.find(filter.getShell(), Label.class, "history.summary").orElseThrow().getText();
    }

    /** Waits until the list shows the sessions of exactly these tickets, newest first, and returns their rows. */
    List<List<String>> awaitTickets(String... tickets) {
        List<String> expected = List.of(tickets);
        Widgets.waitUntil("sessions " + expected + " listed",
                () -> rows(sessions()).stream().map(r -> r.get(1)).toList().equals(expected), Duration.ofSeconds(10));
        return rows(sessions());
    }

    /** Selects a row, as a click does, and waits for its audit trail. */
    HistoryPage select(int row) {
        Table t = sessions();
        t.setSelection(row);
        t.notifyListeners(SWT.Selection, null);
        Widgets.waitUntil("the audit trail", () -> audit().getItemCount() > 0, Duration.ofSeconds(10));
        return this;
    }

    /** Presses Enter on the selected row: the session opens in its editor. */
    void reopen() {
        sessions().notifyListeners(SWT.DefaultSelection, null);
        Widgets.settle();
    }

    static List<List<String>> rows(Table table) {
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
}
