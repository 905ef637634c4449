package org.relaybench.ui.internal;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.SessionStoreFactory;

/**
 * Relaybench preferences: the agent's name (written into every logged change), the session store:
 * empty for the embedded store in the workspace, or a PostgreSQL URL that several workbenches share,
 * and whether Install New Software may accept unsigned plugins ({@link UnsignedContent}, off).
 * Test Connection opens the store in a job and says what happened. Both are instance-scope
 * preferences ({@link ScopedPreferenceStore}); the store's own node is the one the session service
 * reads, so the command line in the same workspace uses the same store.
 */
public final class SupportPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** The page id. */
    public static final String ID = "org.relaybench.ui.preferences.support";

    private final ScopedPreferenceStore storePreferences = new ScopedPreferenceStore(InstanceScope.INSTANCE,
            SessionStoreFactory.PREFERENCE_NODE);
    private SupportContext context;
    private StringFieldEditor storeUrl;
    private Label testResult;

    public SupportPreferencePage() {
        super(GRID);
        setDescription(Messages.PrefsDescription);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, SupportContext.PREFERENCE_NODE));
        context = workbench.getService(SupportContext.class);
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        StringFieldEditor agent = new StringFieldEditor(SupportContext.PREFERENCE_AGENT, Messages.PrefsAgent, parent);
        agent.getTextControl(parent).setMessage(System.getProperty("user.name", ""));
        agent.getTextControl(parent).setData(Widgets.TEST_ID, "prefs.agent");
        addField(agent);

        storeUrl = new StringFieldEditor(SessionStoreFactory.PREFERENCE_URL, Messages.PrefsStoreUrl, parent);
        storeUrl.setPreferenceStore(storePreferences);
        storeUrl.getTextControl(parent).setMessage(Messages.PrefsStoreEmbedded);
        storeUrl.getTextControl(parent).setData(Widgets.TEST_ID, "prefs.storeUrl");
        addField(storeUrl);
        // addField gives every editor the page's store; the URL lives in the store bundle's node
        storeUrl.setPreferenceStore(storePreferences);
        storeUrl.load();

        BooleanFieldEditor unsigned = new BooleanFieldEditor(UnsignedContent.PREFERENCE, Messages.PrefsAcceptUnsigned, parent);
        unsigned.getDescriptionControl(parent).setData(Widgets.TEST_ID, "prefs.acceptUnsigned");
        addField(unsigned);

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
    }

    @Override
    protected void initialize() {
        super.initialize();
        storeUrl.setPreferenceStore(storePreferences);
        storeUrl.load();
    }

    /** Opens the store the URL field names (empty: the embedded default) in a job, and closes it again. */
    private void testConnection() {
        Optional<SupportSessions> service = context.sessions();
        if (service.isEmpty()) {
            testResult.setText(Messages.NoSessionService);
            return;
        }
        String url = storeUrl.getStringValue().trim();
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
        boolean ok = super.performOk();
        UnsignedContent.applyPreference();
        try {
            storePreferences.save();
        } catch (java.io.IOException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
        return ok;
    }
}
