package org.relaybench.ui.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.RememberedPasswords;
import org.relaybench.store.SessionStoreFactory;
import org.relaybench.store.SessionStores;

/**
 * Relaybench preferences: the agent's name (written into every logged change), the DNS server probes
 * ask (empty: the system's), and the session store:
 * empty for the embedded store in the workspace, or a PostgreSQL URL that several workbenches share,
 * with its database password. Test Connection opens the store in a job, with the password as typed,
 * and says what happened. Name and URL are instance-scope preferences ({@link ScopedPreferenceStore});
 * the store's own node is the one the session service reads, so the command line in the same
 * workspace uses the same store. The password never goes to a preference file: it is kept in Eclipse
 * secure storage for the URL ({@link RememberedPasswords#rememberStore}), where the store finds it,
 * and a URL that carries a password is refused. Last, whether Install New Software may accept unsigned
 * plugins ({@link UnsignedContent}, off).
 */
public final class SupportPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** The page id. */
    public static final String ID = "org.relaybench.ui.preferences.support";

    private final ScopedPreferenceStore storePreferences = new ScopedPreferenceStore(InstanceScope.INSTANCE,
            SessionStoreFactory.PREFERENCE_NODE);
    private SupportContext context;
    /**
     * The generic provider's node: {@code org.relaybench.providers.imap}'s {@code ispdb} instance
     * preference names its folder of ISPDB files (README, "Providers"), for the workbench and the
     * command line of the same workspace.
     */
    static final String ISPDB_NODE = "org.relaybench.providers.imap";
    static final String ISPDB_KEY = "ispdb";

    private final ScopedPreferenceStore ispdbPreferences = new ScopedPreferenceStore(InstanceScope.INSTANCE, ISPDB_NODE);
    private StringFieldEditor storeUrl;
    private StringFieldEditor ispdb;
    private Text storePassword;
    private Label testResult;

    public SupportPreferencePage() {
        super(GRID);
        setDescription(Messages.PrefsDescription);
    }

    @Override
    public void init(IWorkbench workbench) {
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, SupportContext.PREFERENCE_NODE);
        // the page shows the probe's own time allowed until the agent sets another (Restore Defaults too)
        store.setDefault(SupportContext.PREFERENCE_PROBE_TIMEOUT, (int) ProbeSettings.DEFAULTS.timeout().toSeconds());
        setPreferenceStore(store);
        context = workbench.getService(SupportContext.class);
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        StringFieldEditor agent = new StringFieldEditor(SupportContext.PREFERENCE_AGENT, Messages.PrefsAgent, parent);
        agent.getTextControl(parent).setMessage(System.getProperty("user.name", ""));
        agent.getTextControl(parent).setData(Widgets.TEST_ID, "prefs.agent");
        addField(agent);

        optional(SupportContext.PREFERENCE_PROBE_DNS, Messages.PrefsProbeDns, parent,
                v -> SupportContext.parseDns(v).isPresent(), Messages.PrefsProbeDnsInvalid, Messages.PrefsProbeDnsHint,
                "prefs.probeDns");
        optional(SupportContext.PREFERENCE_PROBE_RECIPIENT, Messages.PrefsProbeRecipient, parent,
                SupportContext::isAddress, Messages.PrefsProbeRecipientInvalid, ProbeSettings.DEFAULTS.to(),
                "prefs.probeRecipient");

        IntegerFieldEditor timeout = new IntegerFieldEditor(SupportContext.PREFERENCE_PROBE_TIMEOUT,
                Messages.PrefsProbeTimeout, parent, 3);
        timeout.setValidRange(1, SupportContext.MAX_PROBE_TIMEOUT);
        timeout.setErrorMessage(NLS.bind(Messages.PrefsProbeTimeoutInvalid, SupportContext.MAX_PROBE_TIMEOUT));
        timeout.getTextControl(parent).setData(Widgets.TEST_ID, "prefs.probeTimeout");
        addField(timeout);

        ispdb = optional(ISPDB_KEY, Messages.PrefsIspdb, parent, SupportPreferencePage::isFolder,
                Messages.PrefsIspdbInvalid, Messages.PrefsIspdbHint, "prefs.ispdb");
        // addField gives every editor the page's store; the folder lives in the generic provider's node
        ispdb.setPreferenceStore(ispdbPreferences);
        ispdb.load();

        storeUrl = new StringFieldEditor(SessionStoreFactory.PREFERENCE_URL, Messages.PrefsStoreUrl, parent);
        storeUrl.setPreferenceStore(storePreferences);
        storeUrl.getTextControl(parent).setMessage(Messages.PrefsStoreEmbedded);
        storeUrl.getTextControl(parent).setData(Widgets.TEST_ID, "prefs.storeUrl");
        addField(storeUrl);
        // addField gives every editor the page's store; the URL lives in the store bundle's node
        storeUrl.setPreferenceStore(storePreferences);
        storeUrl.load();

        Label passwordLabel = new Label(parent, SWT.NONE);
        passwordLabel.setText(Messages.PrefsStorePassword);
        storePassword = new Text(parent, SWT.BORDER | SWT.PASSWORD);
        storePassword.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        storePassword.setData(Widgets.TEST_ID, "prefs.storePassword");
        storePassword.setToolTipText(Messages.PrefsStorePasswordTip);
        showKept();
        storeUrl.getTextControl(parent).addModifyListener(e -> showKept());

        new Label(parent, SWT.NONE);
        Button test = new Button(parent, SWT.PUSH);
        test.setText(Messages.PrefsTest);
        test.setData(Widgets.TEST_ID, "prefs.test");
        test.addListener(SWT.Selection, e -> testConnection());
        new Label(parent, SWT.NONE);
        testResult = new Label(parent, SWT.WRAP);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 300;
        testResult.setLayoutData(data);
        testResult.setData(Widgets.TEST_ID, "prefs.testResult");

        BooleanFieldEditor unsigned = new BooleanFieldEditor(UnsignedContent.PREFERENCE, Messages.PrefsAcceptUnsigned, parent);
        unsigned.getDescriptionControl(parent).setData(Widgets.TEST_ID, "prefs.acceptUnsigned");
        addField(unsigned);
    }

    /**
     * Adds a text preference that may be left empty and is otherwise checked as typed.
     *
     * @param valid whether a non-empty (trimmed) value is usable
     * @return the editor, added to the page
     */
    private StringFieldEditor optional(String key, String label, Composite parent, Predicate<String> valid, String error,
            String hint, String testId) {
        StringFieldEditor editor = new StringFieldEditor(key, label, parent) {
            @Override
            protected boolean doCheckState() {
                String v = getStringValue().trim();
                return v.isEmpty() || valid.test(v);
            }
        };
        editor.setErrorMessage(error);
        editor.setEmptyStringAllowed(true);
        editor.getTextControl(parent).setMessage(hint);
        editor.getTextControl(parent).setData(Widgets.TEST_ID, testId);
        addField(editor);
        return editor;
    }

    /** @return whether the text names an existing folder */
    private static boolean isFolder(String text) {
        try {
            return Files.isDirectory(Path.of(text));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    @Override
    protected void initialize() {
        super.initialize();
        storeUrl.setPreferenceStore(storePreferences);
        storeUrl.load();
        ispdb.setPreferenceStore(ispdbPreferences);
        ispdb.load();
    }

    /** Says in the password field whether secure storage keeps a password for the URL typed. */
    private void showKept() {
        String url = storeUrl.getStringValue().trim();
        boolean kept = false;
        if (url.startsWith("jdbc:postgresql:") && !SessionStores.carriesPassword(url)) {
            try {
                Optional<char[]> p = context.passwords().recallStore(url);
                p.ifPresent(chars -> java.util.Arrays.fill(chars, '\0'));
                kept = p.isPresent();
            } catch (RuntimeException e) {
                ILog.of(getClass()).warn("Secure storage could not be read", e);
            }
        }
        storePassword.setMessage(kept ? Messages.PrefsStorePasswordKept : Messages.PrefsStorePasswordHint);
    }

    @Override
    protected void checkState() {
        super.checkState();
        if (storeUrl != null && SessionStores.carriesPassword(storeUrl.getStringValue())) {
            setErrorMessage(Messages.PrefsUrlCarriesPassword);
            setValid(false);
        }
    }

    @Override
    public void propertyChange(org.eclipse.jface.util.PropertyChangeEvent event) {
        super.propertyChange(event);
        checkState();
    }

    /** Opens the store the URL field names (empty: the embedded default) in a job, and closes it again. */
    private void testConnection() {
        Optional<SupportSessions> service = context.sessions();
        if (service.isEmpty()) {
            testResult.setText(Messages.NoSessionService);
            return;
        }
        if (SessionStores.carriesPassword(storeUrl.getStringValue())) {
            testResult.setText(Messages.PrefsUrlCarriesPassword);
            return;
        }
        String typed = storeUrl.getStringValue().trim();
        // a password typed but not saved yet is tried as the URL's parameter, for this test only: the URL
        // is never shown whole (descriptions mask it) and not kept
        String password = storePassword.getText();
        String url = password.isEmpty() || typed.isEmpty() ? typed
                : typed + (typed.contains("?") ? "&" : "?") + "password="
                        + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        testResult.setText(Messages.PrefsTesting);
        Display display = testResult.getDisplay();
        Job job = Job.create(Messages.PrefsTestJob, (IProgressMonitor monitor) -> {
            String text;
            try (SessionLog log = service.get().openLog(url.isEmpty() ? Optional.empty() : Optional.of(url))) {
                text = NLS.bind(Messages.PrefsConnected, log.description());
            } catch (RuntimeException e) {
                text = NLS.bind(Messages.PrefsNotConnected, e.getMessage());
            }
            String shown = text;
            display.asyncExec(() -> {
                if (!testResult.isDisposed()) {
                    testResult.setText(ProcedureSection.mnemonicFree(shown));
                    testResult.getParent().layout(true);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    @Override
    public boolean performOk() {
        String url = storeUrl.getStringValue().trim();
        if (SessionStores.carriesPassword(url)) {
            setErrorMessage(Messages.PrefsUrlCarriesPassword);
            return false;
        }
        char[] password = storePassword.getTextChars();
        try {
            if (password.length > 0) {
                if (url.isEmpty()) {
                    setErrorMessage(Messages.PrefsPasswordWithoutUrl);
                    return false;
                }
                context.passwords().rememberStore(url, password);
                storePassword.setText("");
            }
        } catch (RuntimeException e) {
            ILog.of(getClass()).warn("Secure storage refused the store password", e);
            setErrorMessage(NLS.bind(Messages.PrefsPasswordNotKept, e.getMessage()));
            return false;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        boolean ok = super.performOk();
        UnsignedContent.applyPreference();
        try {
            storePreferences.save();
            ispdbPreferences.save();
        } catch (java.io.IOException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
        return ok;
    }
}
