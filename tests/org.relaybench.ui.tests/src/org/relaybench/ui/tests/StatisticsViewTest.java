package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.junit.jupiter.api.Test;
import org.relaybench.store.ProcedureOutcome;
import org.relaybench.store.SessionStatistics;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.ui.internal.StatisticsView;

/**
 * The Statistics view: the store's figures for a date range drawn as charts (causes over time, top
 * providers, fix success), new sessions reflected without asking, and a layout that fits 1024×768
 * and 1600×1000. The sessions go to a store of the test's own, so every figure is known.
 */
class StatisticsViewTest extends EditorTestBase {

    /** 40 sessions over the last 30 days; by provider 14, 10, 8, 5, 3; by cause 12, 8, 6, 5, 4, 2, 2, 1. */
    private static final int SEEDED = 40;

    private static void seed(String url) {
        List<String> providers = repeat("aol", 14, "gmail", 10, "att", 8, "yahoo", 5, "icloud", 3);
        List<String> causes = repeat("smtp-auth-missing", 12, "wrong-smtp-port", 8, "app-password-required", 6,
                "smtp-credentials-rejected", 5, "wrong-security", 4, "relay-denied", 2, "tls-required", 2,
                "account-stale", 1);
        LocalDate today = LocalDate.now();
        try (SessionStore store = SessionStores.open(url)) {
            for (int i = 0; i < SEEDED; i++) {
                LocalDate day = today.minusDays(i * 7 % 30);
                // tried: the settings in 10 sessions (7 resolved), the re-add in 5 (2), the app password in 4 (4)
                String procedure = i < 10 ? "aol-smtp-settings" : i < 15 ? "aol-readd-account"
                        : i < 19 ? "gmail-app-password" : null;
                boolean resolved = i < 7 || (i >= 10 && i < 12) || (i >= 15 && i < 19);
                Seeds.session(store, day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant(), providers.get(i),
                        causes.get(i), procedure, resolved);
            }
        }
    }

    private static List<String> repeat(Object... valueAndCount) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < valueAndCount.length; i += 2) {
            for (int n = 0; n < (Integer) valueAndCount[i + 1]; n++) {
                out.add((String) valueAndCount[i]);
            }
        }
        return out;
    }

    @Test
    void chartsTheRangeFromTheStoreAndFollowsNewSessions() throws Exception {
        try (FreshStore store = FreshStore.use(Backend.H2, "ui_statistics")) {
            seed(store.url);
            StatisticsPage stats = StatisticsPage.open();
            LocalDate today = LocalDate.now();
            stats.view.showRange(today.minusDays(29), today, false);
            SessionStatistics s = stats.await("the seeded sessions", x -> x.sessions() == SEEDED);
            assertEquals(30, s.periods().size(), "one column per day");
            assertEquals(13, s.resolved());
            assertEquals(List.of(new ProcedureOutcome("aol-smtp-settings", 10, 7),
                    new ProcedureOutcome("gmail-app-password", 4, 4), new ProcedureOutcome("aol-readd-account", 5, 2)),
                    s.procedures(), "the store's figures, most often worked first");

            List<List<String>> charts = stats.charts();
            assertEquals(List.of("smtp-auth-missing: 12", "wrong-smtp-port: 8", "app-password-required: 6",
                    "smtp-credentials-rejected: 5", "wrong-security: 4", "relay-denied: 2", "2 other causes: 3"),
                    charts.get(0), "the six most frequent causes, the rest folded into one");
            assertEquals("AOL Mail: 14 sessions", charts.get(1).get(0), "providers by name, most sessions first");
            assertEquals(5, charts.get(1).size());
            assertEquals(List.of("aol-smtp-settings: 7 of 10 (70%)", "gmail-app-password: 4 of 4 (100%)",
                    "aol-readd-account: 2 of 5 (40%)"), charts.get(2));
            assertTrue(stats.summary().startsWith("40 sessions opened from "), stats.summary());
            assertTrue(stats.summary().endsWith(", 13 resolved."), stats.summary());

            screenshots(stats);

            // a session diagnosed and resolved in the editor shows up without asking
            SessionEditorPage page = SessionEditorPage.openNew().aolRelayingCase("Stat Customer", "ST-1").diagnose();
            page.awaitFindings();
            stats.await("the new session counted", x -> x.sessions() == SEEDED + 1);
            page.mark(1, "worked", "").click("session.resolved");
            SessionStatistics after = stats.await("the resolution counted", x -> x.resolved() == 14);
            assertEquals(13, after.causes().stream().filter(c -> c.cause().equals("smtp-auth-missing")).findFirst()
                    .orElseThrow().total());

            // weeks from Monday, and a range without sessions
            stats.view.showRange(today.minusDays(89), today, true);
            SessionStatistics weeks = stats.await("weeks", x -> x.period() == SessionStatistics.Period.WEEK);
            assertTrue(weeks.periods().size() == 13 || weeks.periods().size() == 14, weeks.periods()::toString);
            assertEquals(SEEDED + 1, weeks.sessions());
            stats.view.showRange(today.minusYears(3), today.minusYears(3).plusDays(6), false);
            stats.await("an empty range", x -> x.sessions() == 0);
            assertTrue(stats.summary().startsWith("No sessions opened from "), stats.summary());
            assertEquals(List.of(List.of(), List.of(), List.of()), stats.charts(), "nothing drawn but the message");
        }
    }

    /** The view maximized at both screen sizes, and docked below the editors at 1600×1000. */
    private void screenshots(StatisticsPage stats) {
        // the pointer over the window's title, so that no chart's tooltip covers the screenshots
        shell.getDisplay().setCursorLocation(shell.getBounds().x + 2, shell.getBounds().y + 2);
        stats.maximize(true);
        for (int[] size : new int[][] { { 1024, 768 }, { 1600, 1000 } }) {
            shell.setSize(size[0], size[1]);
            Widgets.settle();
            assertChartsReadable(stats);
            Widgets.screenshot(shell, "statistics-" + size[0] + "x" + size[1]);
        }
        stats.maximize(false);
        Widgets.settle();
        assertChartsReadable(stats);
        Widgets.screenshot(shell, "statistics-docked-1600x1000");
        shell.setSize(1280, 860);
    }

    /** Every chart keeps a readable size (the view scrolls rather than squeeze them), none overlapping. */
    private static void assertChartsReadable(StatisticsPage stats) {
        List<Rectangle> seen = new ArrayList<>();
        for (String id : List.of("causes", "providers", "procedures")) {
            Canvas c = stats.chart(id);
            Rectangle r = c.getDisplay().map(c.getParent(), null, c.getBounds());
            assertTrue(r.width >= 240 && r.height >= 150, id + " is readable: " + r);
            for (Rectangle other : seen) {
                assertTrue(!r.intersects(other), id + " overlaps another chart: " + r + " " + other);
            }
            seen.add(r);
        }
        assertEquals(seen.get(1).y, seen.get(2).y, "the bar charts side by side");
        assertTrue(seen.get(0).y + seen.get(0).height <= seen.get(1).y, "the causes over time across the view, above");
    }

    @Test
    void ctrlShiftTShowsTheViewAndF5ReadsAgain() throws Exception {
        try (FreshStore store = FreshStore.use(Backend.H2, "ui_statistics_keys")) {
            org.eclipse.ui.IViewPart open = SessionEditorPage.window().getActivePage().findView(StatisticsView.ID);
            if (open != null) {
                SessionEditorPage.window().getActivePage().hideView(open);
            }
            Widgets.settle();
            Keys.focus(shell);
            Keys.chord(shell.getDisplay(), SWT.MOD1 | SWT.SHIFT, 't');
            Widgets.waitUntil("Ctrl+Shift+T shows the Statistics",
                    () -> SessionEditorPage.window().getActivePage().findView(StatisticsView.ID) != null,
                    Duration.ofSeconds(10));
            StatisticsPage stats = StatisticsPage.find();
            stats.await("an empty store", x -> x.sessions() == 0);
            try (SessionStore direct = SessionStores.open(store.url)) {
                Seeds.session(direct, java.time.Instant.now(), "aol", "smtp-auth-missing", null, false);
            }
            // written by another program: nothing told this workbench, F5 reads again
            SessionEditorPage.window().getActivePage().activate(stats.view);
            Keys.focus(shell);
            stats.view.setFocus();
            Keys.press(shell.getDisplay(), SWT.F5);
            stats.await("F5 to read the new session", x -> x.sessions() == 1);
        }
    }
}
