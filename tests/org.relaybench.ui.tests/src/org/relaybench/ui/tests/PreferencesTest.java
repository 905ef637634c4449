package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaybench.core.session.SupportSession;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.SessionStoreFactory;
import org.relaybench.ui.internal.SupportContext;
import org.relaybench.ui.internal.SupportPreferencePage;

/**
 * The Relaybench preference page: the agent's name goes into the log, the store URL chooses where
 * sessions are logged (Test Connection says whether it opens), and an unreachable store is a message
 * in the editor with nothing lost.
 */
class PreferencesTest {

    private Shell shell;
    private PreferenceDialog dialog;

    @BeforeEach
    void setUp() {
        shell = SessionEditorPage.window().getShell();
        shell.setSize(1280, 860);
        SessionEditorPage.closeAll();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        SessionEditorPage.closeAll();
        // back to the embedded default store and the operating-system user for the other tests
        InstanceScope.INSTANCE.getNode(SessionStoreFactory.PREFERENCE_NODE).remove(SessionStoreFactory.PREFERENCE_URL);
        InstanceScope.INSTANCE.getNode("org.relaybench.ui").remove("agent");
        InstanceScope.INSTANCE.getNode("org.relaybench.ui").remove("acceptUnsignedPlugins");
        InstanceScope.INSTANCE.getNode("org.relaybench.ui").remove("probeRecipient");
        InstanceScope.INSTANCE.getNode("org.relaybench.ui").remove("probeTimeout");
        InstanceScope.INSTANCE.getNode("org.relaybench.providers.imap").remove("ispdb");
        Widgets.settle();
    }

    private Shell open() {
        dialog = PreferencesUtil.createPreferenceDialogOn(shell, SupportPreferencePage.ID,
                new String[] { SupportPreferencePage.ID }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Widgets.settle();
        return dialog.getShell();
    }

    /** Replaces a field's text by typing it with real key events, as the agent does. */
    private static void retype(Shell prefs, Text field, String value) {
        Keys.focus(prefs);
        field.setFocus();
        field.selectAll();
        Keys.type(prefs.getDisplay(), value);
        Widgets.settle();
        assertEquals(value, field.getText(), "typed");
    }

    /** Puts text into a field as a paste would, then presses End with a real key event. */
    private static void paste(Shell prefs, Text field, String value) {
        Keys.focus(prefs);
        field.setFocus();
        field.setText(value);
        Keys.press(prefs.getDisplay(), SWT.END);
        Widgets.settle();
    }

    private static void applyAndClose(Shell prefs) {
        Widgets.button(prefs, JFaceResources.getString("PreferencesDialog.okButtonLabel")).notifyListeners(SWT.Selection,
                null);
        Widgets.settle();
    }

    private static String testConnection(Shell prefs) {
        Label result = Widgets.find(prefs, Label.class, "prefs.testResult").orElseThrow();
        result.setText("");
        Widgets.find(prefs, org.eclipse.swt.widgets.Button.class, "prefs.test").orElseThrow()
                .notifyListeners(SWT.Selection, null);
        Widgets.waitUntil("the connection test", () -> result.getText().startsWith("Connected")
                || result.getText().startsWith("Cannot") || result.getText().startsWith("The URL"),
                Duration.ofSeconds(20));
        return result.getText();
    }

    @Test
    void agentNameAndStoreUrlChooseWhoAndWhereSessionsAreLogged() throws Exception {
        Path target = Path.of(System.getProperty("relaybench.screenshots", System.getProperty("java.io.tmpdir") + "/x"))
                .getParent();
        String url = "jdbc:h2:file:" + target.resolve("prefs-store").resolve("sessions").toAbsolutePath();
        Shell prefs = open();
        Widgets.find(prefs, Text.class, "prefs.agent").orElseThrow().setText("Alex Agent");
        Widgets.find(prefs, Text.class, "prefs.storeUrl").orElseThrow().setText(url);
        assertTrue(testConnection(prefs).startsWith("Connected to jdbc:h2:file:"), "the H2 store opens");
        Widgets.screenshot(prefs, "preferences");
        applyAndClose(prefs);

        SupportContext context = PlatformUI.getWorkbench().getService(SupportContext.class);
        assertEquals("Alex Agent", context.agent());
        SessionEditorPage page = SessionEditorPage.openNew().aolRelayingCase("Pref Customer", "PR-1").diagnose();
        page.awaitFindings();
        String id = page.input().sessionId().orElseThrow();
        SupportSessions service = context.sessions().orElseThrow();
        try (SessionLog log = service.openLog(Optional.of(url))) {
            SupportSession s = log.get(id).orElseThrow(() -> new AssertionError("logged in the chosen store"));
            assertEquals("Alex Agent", s.agent());
        }
    }

    /**
     * The probe's recipient and time allowed, and the generic provider's ISPDB folder: checked as typed
     * (OK is off while one is wrong), saved in their nodes, and what the Probe dialog then offers.
     */
    @Test
    void probeDefaultsAndTheIspdbFolderAreCheckedSavedAndOffered() throws Exception {
        Path ispdb = Path.of(System.getProperty("relaybench.scratch", System.getProperty("java.io.tmpdir")))
                .resolve("prefs-ispdb");
        java.nio.file.Files.createDirectories(ispdb);
        Shell prefs = open();
        org.eclipse.swt.widgets.Button ok = Widgets.button(prefs,
                JFaceResources.getString("PreferencesDialog.okButtonLabel"));
        Text recipient = Widgets.find(prefs, Text.class, "prefs.probeRecipient").orElseThrow();
        Text timeout = Widgets.find(prefs, Text.class, "prefs.probeTimeout").orElseThrow();
        Text folder = Widgets.find(prefs, Text.class, "prefs.ispdb").orElseThrow();

        assertEquals("20", timeout.getText(), "the probe's own time allowed until another is set");
        assertTrue(ok.isEnabled(), "valid as it opens");

        retype(prefs, recipient, "not an address");
        assertFalse(ok.isEnabled(), "a recipient that is not an address is refused as typed");
        retype(prefs, recipient, "outside@relaybench.test");
        assertTrue(ok.isEnabled(), "an address");
        retype(prefs, timeout, "500");
        assertFalse(ok.isEnabled(), "at most 120 s");
        retype(prefs, timeout, "7");
        assertTrue(ok.isEnabled(), "7 s");
        // a path may hold characters the test's key events cannot type (capitals): set, then a real key
        paste(prefs, folder, ispdb.resolve("missing").toString());
        assertFalse(ok.isEnabled(), "the ISPDB folder must exist");
        paste(prefs, folder, ispdb.toString());
        assertTrue(ok.isEnabled(), "all valid");
        Widgets.screenshot(prefs, "preferences-probe-ispdb");
        applyAndClose(prefs);
        assertTrue(prefs.isDisposed(), "saved");

        assertEquals(ispdb.toString(), InstanceScope.INSTANCE.getNode("org.relaybench.providers.imap").get("ispdb", ""),
                "the generic provider's own node, which it reads");
        SupportContext context = PlatformUI.getWorkbench().getService(SupportContext.class);
        assertEquals("outside@relaybench.test", context.probeDefaults().to());
        assertEquals(Duration.ofSeconds(7), context.probeDefaults().timeout());

        SessionEditorPage page = SessionEditorPage.openNew().aolRelayingCase("Pref Probe", "PR-2");
        List<String> offered = new ArrayList<>();
        List<Throwable> failure = new ArrayList<>();
        Widgets.whenOpen(shell.getDisplay(), TitleAreaDialog.class, d -> {
            offered.add(Widgets.find(d, Text.class, "probe.recipient").orElseThrow().getText());
            offered.add(String.valueOf(Widgets.find(d, Spinner.class, "probe.timeout").orElseThrow().getSelection()));
            Widgets.button(d, IDialogConstants.CANCEL_LABEL).notifyListeners(SWT.Selection, null);
        }, failure);
        page.click("probe.run");
        if (!failure.isEmpty()) {
            throw new AssertionError(failure.get(0));
        }
        assertEquals(List.of("outside@relaybench.test", "7"), offered, "the Probe dialog offers the preferences");
    }

    /**
     * A PostgreSQL store whose user signs in with a password: the password typed on the page is tried
     * by Test Connection, kept in secure storage on OK (never in a preference file), and found there by
     * the store; a URL that carries a password is refused. Uses the test PostgreSQL: run under the
     * servers' flock.
     */
    @Test
    void theStorePasswordGoesToSecureStorageNeverToAPreferenceFile() throws Exception {
        String url = org.relaybench.tests.common.servers.PostgresServer.get().freshPasswordDatabase("ui_prefs_pw");
        String secret = org.relaybench.tests.common.servers.PostgresServer.PASSWORD_USER_PASSWORD;
        SupportContext context = PlatformUI.getWorkbench().getService(SupportContext.class);
        org.relaybench.store.RememberedPasswords kept = context.passwords();
        kept.forgetStore(url);
        try {
            Shell prefs = open();
            Text urlField = Widgets.find(prefs, Text.class, "prefs.storeUrl").orElseThrow();
            Text password = Widgets.find(prefs, Text.class, "prefs.storePassword").orElseThrow();
            assertTrue((password.getStyle() & SWT.PASSWORD) != 0, "masked");

            urlField.setText(url + "&password=" + secret);
            assertTrue(testConnection(prefs).startsWith("The URL carries a password"), "refused");
            applyAndClose(prefs);
            assertFalse(prefs.isDisposed(), "OK refuses a URL with a password: the page stays open");
            assertEquals("", InstanceScope.INSTANCE.getNode(SessionStoreFactory.PREFERENCE_NODE)
                    .get(SessionStoreFactory.PREFERENCE_URL, ""), "nothing saved");

            urlField.setText(url);
            assertTrue(testConnection(prefs).startsWith("Cannot open the store"), "without its password the store refuses");
            password.setText(secret);
            String connected = testConnection(prefs);
            assertTrue(connected.startsWith("Connected to jdbc:postgresql:"), connected);
            assertFalse(connected.contains(secret), "the password never shows: " + connected);
            applyAndClose(prefs);
            assertTrue(prefs.isDisposed(), "saved");

            assertEquals(secret, new String(kept.recallStore(url).orElseThrow()), "kept in secure storage for the URL");
            Path metadata = Path.of(org.eclipse.core.runtime.Platform.getInstanceLocation().getURL().getFile())
                    .resolve(".metadata");
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(metadata)) {
                for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    assertFalse(java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(secret), "no password in " + f);
                }
            }
            assertEquals(url, InstanceScope.INSTANCE.getNode(SessionStoreFactory.PREFERENCE_NODE)
                    .get(SessionStoreFactory.PREFERENCE_URL, ""), "the URL, without password, in the preferences");

            // the workbench logs to that store, the password found in secure storage
            SessionEditorPage page = SessionEditorPage.openNew().aolRelayingCase("Pw Customer", "PW-1").diagnose();
            page.awaitFindings();
            Widgets.waitUntil("logged", () -> page.input().sessionId().isPresent(), Duration.ofSeconds(20));
            assertTrue(context.log().description().contains("ui_prefs_pw"), context.log().description());

            Shell again = open();
            assertTrue(Widgets.find(again, Text.class, "prefs.storePassword").orElseThrow().getMessage()
                    .startsWith("a password is kept"), "the page says a password is kept, without showing it");
            Widgets.screenshot(again, "preferences-store-password");
        } finally {
            kept.forgetStore(url);
        }
    }

    @Test
    void unsignedPluginsAreRefusedByInstallNewSoftwareUnlessThePreferenceAcceptsThem() {
        org.osgi.framework.BundleContext bundleContext = org.osgi.framework.FrameworkUtil.getBundle(getClass())
                .getBundleContext();
        Shell prefs = open();
        org.eclipse.swt.widgets.Button accept = Widgets
                .find(prefs, org.eclipse.swt.widgets.Button.class, "prefs.acceptUnsigned").orElseThrow();
        assertEquals(false, accept.getSelection(), "off by default");
        applyAndClose(prefs);
        assertEquals("fail", bundleContext.getProperty("eclipse.p2.unsignedPolicy"),
                "p2's engine refuses unsigned content before any dialog");

        prefs = open();
        accept = Widgets.find(prefs, org.eclipse.swt.widgets.Button.class, "prefs.acceptUnsigned").orElseThrow();
        accept.setSelection(true);
        accept.notifyListeners(SWT.Selection, null);
        applyAndClose(prefs);
        assertEquals("prompt", bundleContext.getProperty("eclipse.p2.unsignedPolicy"),
                "p2's trust dialog asks about unsigned content");
        assertTrue(InstanceScope.INSTANCE.getNode("org.relaybench.ui").getBoolean("acceptUnsignedPlugins", false));

        prefs = open();
        accept = Widgets.find(prefs, org.eclipse.swt.widgets.Button.class, "prefs.acceptUnsigned").orElseThrow();
        accept.setSelection(false);
        accept.notifyListeners(SWT.Selection, null);
        applyAndClose(prefs);
        assertEquals("fail", bundleContext.getProperty("eclipse.p2.unsignedPolicy"));
    }

    @Test
    void anUnreachableStoreIsAMessageAndNothingIsLost() {
        String url = "jdbc:postgresql://127.0.0.1:1/relaybench";
        Shell prefs = open();
        Widgets.find(prefs, Text.class, "prefs.storeUrl").orElseThrow().setText(url);
        assertTrue(testConnection(prefs).startsWith("Cannot open the store"), "the connection test says so");
        applyAndClose(prefs);

        SessionEditorPage page = SessionEditorPage.openNew().aolRelayingCase("Unlogged", "U-1").diagnose();
        assertEquals("smtp-auth-missing", page.awaitFindings().get(0).get(1), "the findings are shown all the same");
        assertTrue(page.label("diagnose.status").startsWith("Not logged"), page.label("diagnose.status"));
        assertTrue(page.input().sessionId().isEmpty());
        assertEquals("Unlogged", page.text("form.customer").getText(), "nothing typed is lost");
        assertTrue(page.diagnoseButton().isEnabled());

        // the store is back: the next Diagnose logs the session
        InstanceScope.INSTANCE.getNode(SessionStoreFactory.PREFERENCE_NODE).remove(SessionStoreFactory.PREFERENCE_URL);
        page.diagnose().awaitFindings();
        Widgets.waitUntil("logged", () -> page.input().sessionId().isPresent(), Duration.ofSeconds(10));
    }
}
