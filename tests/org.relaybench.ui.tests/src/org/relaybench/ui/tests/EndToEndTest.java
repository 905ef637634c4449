package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepRecord;
import org.relaybench.core.session.SupportSession;
import org.relaybench.store.ProcedureOutcome;
import org.relaybench.store.SessionStatistics;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.servers.DnsServer;
import org.relaybench.tests.common.servers.MailServers;
import org.relaybench.tests.common.servers.RealServers;

/**
 * An agent's whole session, on the embedded H2 store and on the test PostgreSQL: New Session, type
 * the account, Diagnose, walk the fix procedure, probe the real test Postfix (its MX port, which
 * refuses to relay for a client that does not sign in; DNS from the test dnsmasq), resolve, export,
 * find the session in the history, and see it in the statistics. Starts the test servers: run under
 * the servers' flock.
 */
@ExtendWith(RealServers.class)
class EndToEndTest extends EditorTestBase {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void newSessionToStatistics(Backend backend) throws Exception {
        String name = "ui_e2e_" + backend.name().toLowerCase(Locale.ROOT);
        String ticket = "E2E-" + backend.name();
        InstanceScope.INSTANCE.getNode("org.relaybench.ui").put("probeDns", DnsServer.HOST + ":" + DnsServer.PORT);
        try (FreshStore store = FreshStore.use(backend, name)) {
            SessionEditorPage page = SessionEditorPage.openNew().type("form.customer", "End To End")
                    .type("form.ticket", ticket).type("form.email", MailServers.USER).choose("form.client", "ios")
                    .type("form.version", "17").type("form.smtp.host", MailServers.HOST)
                    .type("form.smtp.port", Integer.toString(MailServers.MX)).choose("form.smtp.security", "none")
                    .choose("form.smtp.auth", "none")
                    .type("form.error", "A copy has been placed in your Outbox. The recipient \"bob@elsewhere.example\""
                            + " was rejected by the server because it does not allow relaying.");

            // diagnose: findings, and the session logged
            List<List<String>> findings = page.diagnose().awaitFindings();
            assertFalse(findings.isEmpty(), "findings shown");
            String id = page.input().sessionId().orElseThrow(() -> new AssertionError("logged"));
            assertTrue(FreshStore.log().description().contains(name), FreshStore.log().description());

            // walk the procedure shown for the top finding: its first step worked
            Widgets.waitUntil("a procedure", () -> Widgets.find(page.root, org.eclipse.swt.widgets.Button.class,
                    "step.1.worked").isPresent(), Duration.ofSeconds(10));
            page.mark(1, "worked", "auth switched on");
            Widgets.waitUntil("the step logged", () -> steps(id).size() == 1, Duration.ofSeconds(10));
            String procedure = steps(id).get(0).procedureId();

            // probe the real Postfix: it takes the connection and refuses to relay at RCPT TO
            List<Throwable> failure = new ArrayList<>();
            Widgets.whenOpen(page.root.getDisplay(), TitleAreaDialog.class, dialog -> {
                Widgets.find(dialog, Spinner.class, "probe.timeout").orElseThrow().setSelection(15);
                Widgets.button(dialog, "&Probe").notifyListeners(SWT.Selection, null);
            }, failure);
            page.click("probe.run");
            if (!failure.isEmpty()) {
                throw new AssertionError(failure.get(0));
            }
            Widgets.waitUntil("the probe to finish", () -> !page.running()
                    && FreshStore.log().get(id).orElseThrow().probes().size() == 1, Duration.ofSeconds(60));
            String transcript = page.text("probe.transcript").getText();
            assertTrue(transcript.contains("220 ") && transcript.contains("Relay access denied"), transcript);
            ProbeRecord probe = FreshStore.log().get(id).orElseThrow().probes().get(0);
            assertEquals(MailServers.HOST, probe.host());
            assertEquals(MailServers.MX, probe.port());
            assertTrue(page.label("probe.summary").startsWith(MailServers.HOST + ":" + MailServers.MX),
                    page.label("probe.summary"));

            // resolved
            page.click("session.resolved");
            Widgets.waitUntil("resolved", () -> FreshStore.log().get(id).orElseThrow().status() == SessionStatus.RESOLVED,
                    Duration.ofSeconds(10));

            // export: the JSON report holds the session, its probe and the walked step
            Path folder = Path.of(System.getProperty("relaybench.scratch", System.getProperty("java.io.tmpdir")))
                    .resolve("e2e-exports").resolve(name);
            List<Throwable> exportFailure = new ArrayList<>();
            ExportWizardPage.whenOpen(shell.getDisplay(), wizard -> {
                wizard.folder(folder.toString()).name("ticket");
                wizard.finish();
            }, exportFailure);
            SessionEditorPage.window().getService(IHandlerService.class).executeCommand("org.relaybench.ui.commands.export",
                    null);
            Widgets.settle();
            if (!exportFailure.isEmpty()) {
                throw new AssertionError(exportFailure.get(0));
            }
            String json = Files.readString(folder.resolve("ticket.json"));
            assertTrue(json.contains(id) && json.contains(procedure) && json.contains("Relay access denied"), json);

            // found in the history, by ticket, as resolved
            HistoryPage history = HistoryPage.show().filter("ticket:" + ticket);
            List<List<String>> rows = history.awaitTickets(ticket);
            assertEquals("resolved", rows.get(0).get(2));

            // and the statistics count it: one session, resolved, the procedure worked once in one try
            StatisticsPage stats = StatisticsPage.open();
            stats.view.showRange(LocalDate.now().minusDays(6), LocalDate.now(), false);
            SessionStatistics s = stats.await("the session counted", x -> x.sessions() == 1 && x.resolved() == 1);
            assertEquals(List.of(new ProcedureOutcome(procedure, 1, 1)), s.procedures());
            SupportSession logged = FreshStore.log().get(id).orElseThrow();
            String cause = logged.diagnoses().get(logged.diagnoses().size() - 1).findings().get(0).code();
            assertEquals(cause, s.causes().get(0).cause(), "the cause of the latest diagnosis, re-ranked by the probe");
            assertEquals(List.of(procedure + ": 1 of 1 (100%)"), stats.charts().get(2));
        } finally {
            InstanceScope.INSTANCE.getNode("org.relaybench.ui").remove("probeDns");
        }
    }

    private static List<StepRecord> steps(String id) {
        return FreshStore.log().get(id).map(SupportSession::steps).orElse(List.of());
    }
}
