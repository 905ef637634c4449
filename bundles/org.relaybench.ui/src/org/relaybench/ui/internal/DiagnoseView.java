package org.relaybench.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.session.DiagnosisRequest;
import org.relaybench.session.SupportSessions;

/**
 * Where the agent types the customer's account and error text and gets the ranked findings with
 * evidence and the fix procedure for the customer's client. The diagnosis runs in a {@link Job}:
 * contributed rules may take up to their time budget, and the UI thread never waits for them.
 */
public final class DiagnoseView extends ViewPart {

    /** The view id. */
    public static final String ID = "org.relaybench.ui.views.diagnose";

    private ServiceTracker<SupportSessions, SupportSessions> engine;
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

        engine = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(), SupportSessions.class,
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
        SupportSessions service = engine.getService();
        if (service == null) {
            results.showError(Messages.DiagnoseNoEngine);
            return;
        }
        diagnose.setEnabled(false);
        Display display = diagnose.getDisplay();
        Job job = Job.create(Messages.DiagnoseJob, (IProgressMonitor monitor) -> {
            try {
                Diagnosis diagnosis = service.diagnose(DiagnosisRequest.of(account), monitor).diagnosis();
                display.asyncExec(() -> finished(() -> results.show(diagnosis)));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                display.asyncExec(() -> finished(() -> { }));
                return Status.CANCEL_STATUS;
            } catch (RuntimeException | LinkageError e) {
                // the agent sees why in the view, the button comes back, and the error log keeps the trace
                display.asyncExec(() -> finished(() -> results.showError(NLS.bind(Messages.DiagnoseFailed, e))));
                return Status.error(Messages.DiagnoseJob, e);
            }
        });
        job.setUser(false);
        job.schedule();
    }

    private void finished(Runnable show) {
        if (!diagnose.isDisposed()) {
            diagnose.setEnabled(true);
            show.run();
        }
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
