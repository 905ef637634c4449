package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.eclipse.swt.widgets.Button;
import org.junit.jupiter.api.Test;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.store.SessionSummary;
import org.relaybench.tests.common.db.Backend;

/**
 * The Session History: sessions logged from the editor are found as the agent types, their audit
 * trail shows what was done, and a session reopens in its editor to continue.
 */
class SessionHistoryViewTest extends EditorTestBase {

    @Test
    void findsASessionAsTypedShowsItsAuditTrailAndReopensIt() {
        String name = "morgan" + word(new Random());
        SessionEditorPage first = SessionEditorPage.openNew().aolRelayingCase(name, "H-1").diagnose();
        first.awaitFindings();
        String id = first.input().sessionId().orElseThrow();
        first.mark(1, "worked", "tapped Account");
        Widgets.waitUntil("step logged", () -> first.label("session.status").startsWith("Logged"), Duration.ofSeconds(10));
        SessionEditorPage second = SessionEditorPage.openNew().aolRelayingCase(name + " junior", "H-2").diagnose();
        second.awaitFindings();
        SessionEditorPage.closeAll();

        HistoryPage history = HistoryPage.show();
        history.filter(name.substring(0, name.length() - 2));
        List<List<String>> rows = history.awaitTickets("H-2", "H-1");
        assertEquals(List.of(name + " junior", "H-2", "open", "smtp-auth-missing", "aol", "pat.lee@aol.com"),
                rows.get(0).subList(0, 6));
        history.filter(name + " junior");
        history.awaitTickets("H-2");
        history.filter(name + " ticket:H-1");
        history.awaitTickets("H-1");
        history.filter(name + " status:resolved");
        history.awaitTickets();
        history.filter(name + " status:open ticket:H-1");
        history.awaitTickets("H-1");
        history.select(0);
        List<String> actions = HistoryPage.rows(history.audit()).stream().map(r -> r.get(0)).toList();
        assertTrue(actions.size() >= 2 && actions.contains("step"), () -> "opened and the step: " + actions);
        Widgets.screenshot(shell, "history-1280x860");
        shell.setSize(1024, 768);
        Widgets.screenshot(shell, "history-1024x768");
        shell.setSize(1600, 1000);
        Widgets.screenshot(shell, "history-1600x1000");

        history.reopen();
        Widgets.waitUntil("the session reopens", () -> SessionEditorPage.window().getActivePage()
                .getActiveEditor() instanceof org.relaybench.ui.internal.SessionEditor, Duration.ofSeconds(10));
        SessionEditorPage reopened = SessionEditorPage.active();
        assertEquals(id, reopened.input().sessionId().orElseThrow());
        Widgets.waitUntil("its account", () -> reopened.text("form.customer").getText().equals(name),
                Duration.ofSeconds(10));
        assertEquals("pat.lee@aol.com", reopened.text("form.email").getText());
        assertEquals("smtp.aol.com", reopened.text("form.smtp.host").getText());
        assertEquals("smtp-auth-missing", reopened.awaitFindings().get(0).get(1));
        assertTrue(reopened.find(Button.class, "step.1.worked").getSelection(), "the logged mark is shown");
        assertEquals("tapped Account", reopened.text("step.1.note").getText());

        // continuing: the reopened session takes the next diagnosis, not a new session
        reopened.diagnose().awaitFindings();
        Widgets.waitUntil("second diagnosis logged", () -> org.eclipse.ui.PlatformUI.getWorkbench()
                .getService(org.relaybench.ui.internal.SupportContext.class).log().get(id).orElseThrow().diagnoses()
                .size() == 2, Duration.ofSeconds(10));
    }

    /**
     * Two workbenches on one PostgreSQL store: a session the other desk logged is found here as the
     * agent types, and the one logged here is found there. The other desk is a second store connection
     * of its own, as another workbench has. Uses the test PostgreSQL: run under the servers' flock.
     */
    @Test
    void twoWorkbenchesOnOnePostgresqlStoreSeeEachOthersSessions() throws Exception {
        try (FreshStore store = FreshStore.use(Backend.POSTGRESQL, "ui_history_shared");
                SessionStore otherDesk = SessionStores.open(store.url)) {
            String theirs = Seeds.session(otherDesk, Instant.now(), "gmail", "app-password-required", null, false);
            SessionEditorPage mine = SessionEditorPage.openNew().aolRelayingCase("Shared Desk", "SH-1").diagnose();
            mine.awaitFindings();
            String id = mine.input().sessionId().orElseThrow(() -> new AssertionError("logged"));
            SessionEditorPage.closeAll();

            HistoryPage history = HistoryPage.show();
            history.filter("seed gmail");
            List<List<String>> rows = history.awaitTickets("S-app-password-required");
            assertEquals("Seed gmail", rows.get(0).get(0), "the other desk's session, found here");
            history.filter("shared desk");
            history.awaitTickets("SH-1");
            assertEquals(List.of(id), otherDesk.search(SessionQuery.all().withTicket("SH-1")).sessions().stream()
                    .map(SessionSummary::id).toList(), "this desk's session, found there");
            assertNotEquals(theirs, id);
        }
    }

    private static String word(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }
}
