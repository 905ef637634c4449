package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.session.StepRecord;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.tests.common.db.Backend;

/**
 * Where several procedures address a finding, the one that worked most often for the provider and
 * the cause comes first, with "worked in X of Y sessions" beside each; the agent may still pick
 * another. The figures come from a store of the test's own.
 */
class ProcedureRankingTest extends EditorTestBase {

    @Test
    void theProcedureThatWorkedMostOftenComesFirstWithItsFigureBesideEach() throws Exception {
        try (FreshStore store = FreshStore.use(Backend.H2, "ui_ranking")) {
            try (SessionStore direct = SessionStores.open(store.url)) {
                for (int i = 0; i < 3; i++) {
                    Seeds.session(direct, Instant.now(), "aol", "smtp-auth-missing", "aol-readd-account", true);
                }
                Seeds.session(direct, Instant.now(), "aol", "smtp-auth-missing", "aol-smtp-settings", false);
            }
            Map<String, String> titles = FreshStore.context().catalog().orElseThrow().snapshot().provider("aol")
                    .orElseThrow().procedures().stream().collect(Collectors.toMap(Procedure::id, Procedure::title));

            SessionEditorPage page = SessionEditorPage.openNew().aolRelayingCase("Rank Customer", "RK-1").diagnose();
            page.awaitFindings();
            Table choices = page.find(Table.class, "procedure.choices");
            Widgets.waitUntil("the procedures ranked", () -> choices.getItemCount() == 3
                    && !choices.getItem(0).getText(1).isEmpty(), Duration.ofSeconds(10));
            String suffix = " for AOL Mail and smtp-auth-missing.";
            assertEquals(titles.get("aol-readd-account"), choices.getItem(0).getText(0), "3 of 3 first");
            assertEquals("Worked in 3 of 3 sessions" + suffix, choices.getItem(0).getText(1));
            assertEquals(titles.get("aol-smtp-settings"), choices.getItem(1).getText(0), "the engine's own choice next");
            assertEquals("Worked in 0 of 1 session" + suffix, choices.getItem(1).getText(1));
            assertEquals(titles.get("quick-tips"), choices.getItem(2).getText(0));
            assertEquals("Not tried yet in any logged session" + suffix, choices.getItem(2).getText(1));
            assertEquals(0, choices.getSelectionIndex(), "the best one is selected");
            assertTrue(page.label("diagnose.procedure").contains(titles.get("aol-readd-account")),
                    page.label("diagnose.procedure"));
            assertEquals("Worked in 3 of 3 sessions" + suffix, page.label("procedure.success"));
            for (int[] size : new int[][] { { 1024, 768 }, { 1600, 1000 } }) {
                shell.setSize(size[0], size[1]);
                Widgets.settle();
                page.assertNoSidewaysScrolling();
                org.eclipse.ui.forms.widgets.FormToolkit.ensureVisible(choices);
                Widgets.screenshot(shell, "procedure-ranking-" + size[0] + "x" + size[1]);
            }

            // the agent picks another: its steps show, and its marks are logged for it
            choices.setSelection(1);
            choices.notifyListeners(SWT.Selection, null);
            Widgets.settle();
            assertTrue(page.label("diagnose.procedure").contains(titles.get("aol-smtp-settings")),
                    page.label("diagnose.procedure"));
            assertEquals("Worked in 0 of 1 session" + suffix, page.label("procedure.success"));
            page.mark(1, "worked", "");
            String id = page.input().sessionId().orElseThrow();
            Widgets.waitUntil("the mark logged", () -> FreshStore.log().get(id).orElseThrow().steps().size() == 1,
                    Duration.ofSeconds(10));
            StepRecord step = FreshStore.log().get(id).orElseThrow().steps().get(0);
            assertEquals("aol-smtp-settings", step.procedureId());
        }
    }
}
