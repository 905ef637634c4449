package org.relaybench.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;

/**
 * Where the agent types the customer's account and error text and gets the ranked findings with
 * evidence and the fix procedure for the customer's client. The diagnosis runs in a {@link Job}:
 * contributed rules may take up to their time budget, and the UI thread never waits for them.
 */
public final class DiagnoseView extends ViewPart {

    /** The view id. */
    public static final String ID = "org.relaybench.ui.views.diagnose";

    private ServiceTracker<DiagnosisEngine, DiagnosisEngine> engine;
    private AccountForm form;
    private FindingsPanel results;
    private Button diagnose;

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        form = new AccountForm(left);
        diagnose = new Button(left, SWT.PUSH);
        diagnose.setText(Messages.DiagnoseButton);
        diagnose.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        diagnose.setData(Widgets.TEST_ID, "diagnose.run");
        diagnose.addListener(SWT.Selection, e -> run());
        results = new FindingsPanel(sash);
        sash.setWeights(32, 68);

        engine = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(), DiagnosisEngine.class,
                null);
        engine.open();
    }

    private void run() {
        AccountProfile account;
        try {
            account = form.account();
        } catch (IllegalArgumentException e) {
            results.showError(e.getMessage());
            return;
        }
        DiagnosisEngine service = engine.getService();
        if (service == null) {
            results.showError(Messages.DiagnoseNoEngine);
            return;
        }
        diagnose.setEnabled(false);
        Job job = Job.create(Messages.DiagnoseJob, (IProgressMonitor monitor) -> {
            Diagnosis diagnosis = service.diagnose(account);
            diagnose.getDisplay().asyncExec(() -> {
                if (!diagnose.isDisposed()) {
                    diagnose.setEnabled(true);
                    results.show(diagnosis);
                }
            });
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
    }

    @Override
    public void setFocus() {
        diagnose.setFocus();
    }

    @Override
    public void dispose() {
        if (engine != null) {
            engine.close();
        }
        super.dispose();
    }
}
