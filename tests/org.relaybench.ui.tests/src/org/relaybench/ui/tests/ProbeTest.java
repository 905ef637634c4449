package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaybench.core.session.SupportSession;
import org.relaybench.ui.internal.SupportContext;

/**
 * Probe from the session: the password in a masked dialog, the probe as a cancellable job, its stages
 * in the editor. The server here is a real TCP socket on the loopback that accepts and never answers:
 * the failure path an agent meets when a server hangs (the SMTP success path is covered by the probe
 * bundle's tests against the test Postfix).
 */
class ProbeTest {

    private static final String PASSWORD = "Sekr1t-pw-0042";

    private Shell shell;
    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        shell = SessionEditorPage.window().getShell();
        shell.setSize(1280, 860);
        SessionEditorPage.closeAll();
        silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept()); // accepted, never answered
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent SMTP server");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        SessionEditorPage.closeAll();
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    private SessionEditorPage account(String ticket) {
        return SessionEditorPage.openNew().type("form.customer", "Probe Customer").type("form.ticket", ticket)
                .type("form.email", "kim@probe.invalid").choose("form.client", "ios").type("form.version", "17")
                .type("form.smtp.host", "127.0.0.1").type("form.smtp.port", Integer.toString(silent.getLocalPort()))
                .choose("form.smtp.security", "none").choose("form.smtp.auth", "password")
                .type("form.smtp.user", "kim@probe.invalid").type("form.error", "The connection to the server failed.");
    }

    private static void probe(SessionEditorPage page, int seconds, List<Throwable> failure) {
        Widgets.whenOpen(page.root.getDisplay(), TitleAreaDialog.class, dialog -> {
            Text password = Widgets.find(dialog, Text.class, "probe.password").orElseThrow();
            assertTrue((password.getStyle() & SWT.PASSWORD) != 0, "the password is masked");
            password.setText(PASSWORD);
            Widgets.find(dialog, Spinner.class, "probe.timeout").orElseThrow().setSelection(seconds);
            Widgets.screenshot(dialog, "probe-dialog");
            Widgets.button(dialog, "&Probe").notifyListeners(SWT.Selection, null);
        }, failure);
        page.click("probe.run");
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithAMessageAndTheSessionKeepsItsProbe() {
        SessionEditorPage page = account("P-1");
        List<Throwable> failure = new ArrayList<>();
        probe(page, 3, failure);
        if (!failure.isEmpty()) {
            throw new AssertionError(failure.get(0));
        }
        Widgets.waitUntil("the probe to finish", () -> page.input().sessionId().isPresent() && !page.running(),
                Duration.ofSeconds(40));
        String summary = page.label("probe.summary");
        assertTrue(summary.startsWith("127.0.0.1:" + silent.getLocalPort()), summary);
        assertFalse(summary.contains(": ok"), "a server that never answers is not ok: " + summary);
        Table stages = page.find(Table.class, "probe.stages");
        assertTrue(stages.getItemCount() > 0, "the stages are listed");
        assertEquals("failed", stages.getItem(stages.getItemCount() - 1).getText(1));
        assertFalse(page.text("probe.transcript").getText().contains(PASSWORD), "the password never shows");
        assertTrue(page.diagnoseButton().isEnabled(), "the editor is usable again");

        SupportSession logged = PlatformUI.getWorkbench().getService(SupportContext.class).log()
                .get(page.input().sessionId().get()).orElseThrow();
        assertEquals(1, logged.probes().size(), "the probe is logged with the session");
        assertFalse(logged.probes().get(0).transcript().stream().anyMatch(l -> l.contains(PASSWORD)));
        shell.setSize(1600, 1000);
        Widgets.screenshot(shell, "probe-1600x1000");
        shell.setSize(1024, 768);
        page.assertNoSidewaysScrolling();
        Widgets.screenshot(shell, "probe-1024x768");
    }

    /** Runs a probe through the dialog: the password typed (or left as filled in) and Remember as given. */
    private static void probeRemembering(SessionEditorPage page, String typed, boolean remember, List<String> seen,
            List<Throwable> failure) {
        Widgets.whenOpen(page.root.getDisplay(), TitleAreaDialog.class, dialog -> {
            Text password = Widgets.find(dialog, Text.class, "probe.password").orElseThrow();
            org.eclipse.swt.widgets.Button box = Widgets.find(dialog, org.eclipse.swt.widgets.Button.class,
                    "probe.remember").orElseThrow();
            seen.add(password.getText() + "|" + box.getSelection());
            if (typed != null) {
                password.setText(typed);
            }
            box.setSelection(remember);
            Widgets.find(dialog, Spinner.class, "probe.timeout").orElseThrow().setSelection(1);
            Widgets.button(dialog, "&Probe").notifyListeners(SWT.Selection, null);
        }, failure);
        page.click("probe.run");
        if (!failure.isEmpty()) {
            throw new AssertionError(failure.get(0));
        }
        Widgets.waitUntil("the probe to finish", () -> !page.running(), Duration.ofSeconds(40));
    }

    @Test
    void thePasswordIsRememberedOnlyWhenTheAgentTicksItAndForgottenWhenUnticked() throws IOException {
        org.relaybench.store.RememberedPasswords kept = PlatformUI.getWorkbench().getService(SupportContext.class)
                .passwords();
        String account = "kim@probe.invalid";
        kept.forget(account);
        SessionEditorPage page = account("P-4");
        List<String> seen = new ArrayList<>();
        List<Throwable> failure = new ArrayList<>();

        probeRemembering(page, PASSWORD, false, seen, failure);
        assertTrue(kept.recall(account).isEmpty(), "not ticked: not kept");
        probeRemembering(page, PASSWORD, true, seen, failure);
        assertEquals(PASSWORD, new String(kept.recall(account).orElseThrow()), "ticked: kept in secure storage");
        probeRemembering(page, null, false, seen, failure);
        assertEquals(List.of("|false", "|false", PASSWORD + "|true"), seen,
                "the field starts empty until a password was kept; then it is filled in, Remember ticked");
        assertTrue(kept.recall(account).isEmpty(), "unticked: forgotten");

        // kept encrypted in the run's keyring file, and nowhere in the workspace's preferences or log
        java.nio.file.Path keyring = java.nio.file.Path.of(System.getProperty("relaybench.scratch")).resolve("secure_storage");
        assertTrue(java.nio.file.Files.isRegularFile(keyring), "the test run's keyring: " + keyring);
        kept.remember(account, PASSWORD.toCharArray());
        assertFalse(java.nio.file.Files.readString(keyring, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(PASSWORD), "encrypted on disk");
        java.nio.file.Path workspace = java.nio.file.Path.of(org.eclipse.core.runtime.Platform.getInstanceLocation()
                .getURL().getFile());
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(workspace.resolve(".metadata"))) {
            for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".prefs") || f.toString().endsWith(".log")).toList()) {
                assertFalse(java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(PASSWORD), "no password in " + f);
            }
        }
        kept.forget(account);
    }

    @Test
    void cancelBeforeTheJobRunsBringsTheEditorBack() {
        SessionEditorPage page = account("P-3");
        // hold every job back, so that the diagnosis is cancelled before it starts: its body never runs
        org.eclipse.core.runtime.jobs.Job.getJobManager().suspend();
        try {
            page.diagnose();
            assertTrue(page.running(), "the diagnosis waits to run");
            page.click("diagnose.cancel");
        } finally {
            org.eclipse.core.runtime.jobs.Job.getJobManager().resume();
        }
        Widgets.waitUntil("the editor to come back", () -> !page.running(), Duration.ofSeconds(10));
        assertTrue(page.label("diagnose.status").contains("cancelled"), page.label("diagnose.status"));
        assertTrue(page.diagnoseButton().isEnabled());
        assertTrue(page.input().sessionId().isEmpty(), "nothing logged");
    }

    @Test
    void cancelStopsTheProbeAndLogsNothing() {
        SessionEditorPage page = account("P-2");
        List<Throwable> failure = new ArrayList<>();
        probe(page, 60, failure);
        if (!failure.isEmpty()) {
            throw new AssertionError(failure.get(0));
        }
        assertTrue(page.running(), "the probe runs");
        page.click("diagnose.cancel");
        long t0 = System.nanoTime();
        Widgets.waitUntil("the probe to stop", () -> !page.running(), Duration.ofSeconds(15));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(page.label("diagnose.status").contains("cancelled"), page.label("diagnose.status"));
        assertTrue(page.input().sessionId().isEmpty(), "nothing logged for a cancelled probe");
        assertTrue(page.diagnoseButton().isEnabled());
        assertTrue(millis < 15_000, "stopped after " + millis + " ms");
    }
}
