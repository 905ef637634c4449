package org.relaybench.ui.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.Finding;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.session.AccountCheck;
import org.relaybench.session.DiagnosisRequest;
import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.FixSuccess;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SessionOpening;
import org.relaybench.session.SupportSessions;

/**
 * One support session, as Mylyn's task editor shows a task: the account as the customer configured
 * it, Diagnose, the ranked findings and the fix procedure walked with the customer. The session is
 * logged in the default store when first diagnosed; every later diagnosis, step mark and outcome is
 * logged at once, so there is nothing to save.
 * <p>
 * Diagnosis and logging run in jobs: the UI thread never waits for contributed rules or for the
 * database. Log writes of one editor run one after another (one scheduling rule per editor, kept by
 * {@link SessionLogging}, which also logs step marks and outcomes and reads a reopened session), so
 * the audit trail keeps the agent's order.
 */
public final class SessionEditor extends EditorPart {

    /** The editor id. */
    public static final String ID = "org.relaybench.ui.editors.session";

    private SupportContext context;
    private FormToolkit toolkit;
    private ScrolledForm form;
    private AccountSection account;
    private Button diagnose;
    private Button probe;
    private Button cancel;
    private ProbeSection probeSection;
    /** The running diagnosis, to cancel; UI thread only. */
    private Job current;
    private Label diagnoseStatus;
    private FindingsSection findings;
    private ProcedureSection procedure;
    private volatile boolean running;
    /** The account as last logged, to log a change before the next diagnosis; UI thread only. */
    private AccountProfile loggedAccount;
    /** Step marks, outcome and reopening; created with the controls. */
    private SessionLogging logging;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof SessionEditorInput)) {
            throw new PartInitException("not a support session: " + input);
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        context = site.getService(SupportContext.class);
    }

    SessionEditorInput sessionInput() {
        return (SessionEditorInput) getEditorInput();
    }

    @Override
    public void createPartControl(Composite parent) {
        toolkit = new FormToolkit(parent.getDisplay());
        form = toolkit.createScrolledForm(parent);
        form.setData(Widgets.TEST_ID, "session.form");
        form.setText(Messages.EditorNewSession);
        toolkit.decorateFormHeading(form.getForm());
        // the session's commands in its heading, as in Mylyn's task editor: the same commands as the menus
        // and keys, as icons so that the heading does not widen the form
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        String[][] commands = { { ExportHandler.COMMAND, ISharedImages.IMG_ETOOL_SAVEAS_EDIT, Messages.ExportTip },
                { CopySummaryHandler.COMMAND, ISharedImages.IMG_TOOL_COPY, Messages.SummaryTip } };
        for (String[] c : commands) {
            CommandContributionItemParameter p = new CommandContributionItemParameter(getSite(), null, c[0],
                    CommandContributionItem.STYLE_PUSH);
            p.icon = images.getImageDescriptor(c[1]);
            p.tooltip = c[2];
            form.getToolBarManager().add(new CommandContributionItem(p));
        }
        form.getToolBarManager().update(true);
        Composite body = form.getBody();
        // two columns as wide as their fields need, sharing what is left; not equal widths, which would
        // double the wider column's minimum and make the form scroll sideways at 1024x768
        GridLayout layout = new GridLayout(2, false);
        layout.horizontalSpacing = 12;
        body.setLayout(layout);
        Composite left = column(body);
        Composite right = column(body);
        account = new AccountSection(left, right, toolkit, this::edited);

        Composite run = toolkit.createComposite(body);
        run.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        run.setLayout(new GridLayout(4, false));
        diagnose = toolkit.createButton(run, Messages.DiagnoseButton, SWT.PUSH);
        diagnose.setData(Widgets.TEST_ID, "diagnose.run");
        diagnose.setToolTipText(Messages.DiagnoseTip);
        diagnose.addListener(SWT.Selection, e -> execute(DiagnoseHandler.COMMAND));
        probe = toolkit.createButton(run, Messages.ProbeButton, SWT.PUSH);
        probe.setData(Widgets.TEST_ID, "probe.run");
        probe.setToolTipText(Messages.ProbeTip);
        probe.addListener(SWT.Selection, e -> execute(ProbeHandler.COMMAND));
        cancel = toolkit.createButton(run, Messages.CancelButton, SWT.PUSH);
        cancel.setData(Widgets.TEST_ID, "diagnose.cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancel());
        diagnoseStatus = toolkit.createLabel(run, "", SWT.WRAP);
        diagnoseStatus.setLayoutData(Widgets.wrapping());
        diagnoseStatus.setData(Widgets.TEST_ID, "diagnose.status");

        findings = new FindingsSection(body, toolkit, this::showProcedure);
        procedure = new ProcedureSection(body, toolkit, new ProcedureSection.Marks() {
            @Override
            public void step(String procedureId, String stepId, StepState state, String note) {
                logging.mark(procedureId, stepId, state, note);
            }

            @Override
            public void status(SessionStatus status) {
                logging.close(status);
            }
        });
        logging = new SessionLogging(context, parent.getDisplay(), () -> sessionInput().sessionId(),
                procedure::showStatus, form::isDisposed);
        probeSection = new ProbeSection(body, toolkit);
        form.reflow(true);
        sessionInput().sessionId().ifPresent(id -> {
            form.setBusy(true);
            logging.load(id, this::loaded);
        });
        edited();
    }

    private Composite column(Composite body) {
        Composite c = toolkit.createComposite(body);
        GridLayout l = new GridLayout(1, false);
        l.marginWidth = 0;
        l.marginHeight = 0;
        c.setLayout(l);
        c.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return c;
    }

    /** Checks the fields as they are typed and shows the provider the address belongs to. */
    private void edited() {
        if (account == null || form == null) {
            return;
        }
        Optional<SupportSessions> service = context.sessions();
        if (service.isEmpty()) {
            return;
        }
        AccountCheck check = account.check(service.get());
        String email = account.email();
        account.showProvider(email.contains("@") ? service.get().recognise(email, List.of()) : Optional.empty());
        if (check.ok()) {
            form.setMessage(null, IMessageProvider.NONE);
        } else {
            form.setMessage(java.text.MessageFormat.format(Messages.FormProblems, check.problems().size()),
                    IMessageProvider.WARNING);
        }
    }

    /** Runs a command, so that the button, the menu and the key all reach the same handler. */
    private void execute(String command) {
        try {
            // the command acts on the active editor: this one, whose button was pressed
            getSite().getPage().activate(this);
            getSite().getService(IHandlerService.class).executeCommand(command, null);
        } catch (NotDefinedException | org.eclipse.core.commands.ExecutionException
                | org.eclipse.core.commands.NotEnabledException | org.eclipse.core.commands.NotHandledException e) {
            ILog.of(getClass()).error("Command " + command + " failed", e);
            report(e.getMessage(), true);
        }
    }

    /** Cancels the running diagnosis or probe. */
    void cancel() {
        if (current != null) {
            current.cancel();
            diagnoseStatus.setText(Messages.DiagnoseCancelling);
        }
    }

    /** Asks for the password and how to probe, then diagnoses with the account's real servers. */
    void probe() {
        if (running || diagnose.isDisposed()) {
            return;
        }
        Optional<Prepared> prepared = prepare();
        if (prepared.isEmpty()) {
            return;
        }
        ProbeDialog dialog = new ProbeDialog(getSite().getShell(), prepared.get().request.account().email(),
                context::passwords, context.probeDefaults());
        if (dialog.open() != org.eclipse.jface.window.Window.OK) {
            return;
        }
        run(prepared.get(), prepared.get().request.withProbe(dialog.settings(), dialog.secret()), dialog.secret());
    }

    /** @return the editor's form, for tests and accessibility tools */
    public ScrolledForm form() {
        return form;
    }

    /** @return whether a diagnosis is running */
    public boolean running() {
        return running;
    }

    /** What a diagnosis needs, checked. */
    private record Prepared(SessionOpening opening, AccountProfile profile, DiagnosisRequest request,
            SupportSessions service) {
    }

    /** Checks the account and, when valid, diagnoses it in a job and logs the session. */
    void diagnose() {
        if (running || diagnose.isDisposed()) {
            return;
        }
        prepare().ifPresent(p -> run(p, p.request(), Optional.empty()));
    }

    /** @return the checked account and request, or empty with the problems shown */
    private Optional<Prepared> prepare() {
        Optional<SupportSessions> service = context.sessions();
        if (service.isEmpty()) {
            failed(Messages.NoSessionService);
            return Optional.empty();
        }
        account.attempted();
        AccountCheck check = account.check(service.get());
        Optional<SessionOpening> opening = account.opening(context.agent());
        if (!check.ok() || opening.isEmpty()) {
            String problems = String.join("\n", check.problems().stream().map(AccountSection::describe).toList());
            failed(opening.isEmpty() ? (problems.isEmpty() ? "" : problems + "\n") + Messages.FormCustomerOrTicket
                    : problems);
            return Optional.empty();
        }
        AccountProfile profile = check.orElseThrow();
        return Optional.of(new Prepared(opening.get(), profile, DiagnosisRequest.of(profile).withMxHosts(check.mx()),
                service.get()));
    }

    /**
     * Diagnoses in a job and logs the session.
     *
     * @param prepared the checked account
     * @param request the request to run (with or without probe)
     * @param secret the probe's password, cleared when the job ends
     */
    private void run(Prepared prepared, DiagnosisRequest request, Optional<org.relaybench.probe.Secret> secret) {
        SessionOpening opening = prepared.opening();
        AccountProfile profile = prepared.profile();
        SupportSessions service = prepared.service();
        Optional<String> sessionId = sessionInput().sessionId();
        AccountProfile previous = loggedAccount;
        String agent = context.agent();
        running = true;
        diagnose.setEnabled(false);
        probe.setEnabled(false);
        cancel.setEnabled(true);
        diagnoseStatus.setText(request.probe().isPresent() ? Messages.ProbeRunning : Messages.DiagnoseRunning);
        form.setBusy(true);
        Display display = diagnose.getDisplay();
        Job job = Job.create(Messages.DiagnoseJob, (IProgressMonitor monitor) -> {
            DiagnosisResult result;
            try {
                result = service.diagnose(request, monitor);
            } catch (OperationCanceledException e) {
                // nothing is logged for a cancelled diagnosis
                display.asyncExec(() -> done(null, Optional.empty(), Messages.DiagnoseCancelled));
                return Status.CANCEL_STATUS;
            } catch (RuntimeException | LinkageError e) {
                // the agent sees why in the editor, the button comes back, and the error log keeps the trace
                display.asyncExec(() -> done(null, Optional.empty(), NLS.bind(Messages.DiagnoseFailed, e)));
                return Status.error(Messages.DiagnoseJob, e);
            }
            // the findings first: the agent reads them while the session is being logged
            display.asyncExec(() -> showResult(result));
            try {
                SessionLog log = context.log();
                String id;
                if (sessionId.isEmpty()) {
                    id = log.open(opening, profile, Optional.of(result));
                } else {
                    id = sessionId.get();
                    if (!profile.equals(previous)) {
                        log.updateAccount(id, agent, profile);
                    }
                    log.recordDiagnosis(id, agent, result);
                }
                display.asyncExec(() -> done(profile, Optional.of(id), null));
                context.sessionsChanged();
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                // the findings are shown all the same; the next Diagnose tries to log again
                display.asyncExec(() -> done(null, sessionId, NLS.bind(Messages.LogFailed, e.getMessage())));
                return Status.warning(NLS.bind(Messages.LogFailed, e.getMessage()), e);
            }
        });
        job.setRule(logging.rule());
        job.setUser(false);
        job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                // the password lives only as long as the probe
                secret.ifPresent(org.relaybench.probe.Secret::clear);
                // a job cancelled before it ran never ran its body: the editor must come back all the same
                // (after the body's own updates, which were queued first)
                display.asyncExec(() -> {
                    if (current == event.getJob()) {
                        SessionEditor.this.done(null, Optional.empty(), Messages.DiagnoseCancelled);
                    }
                });
            }
        });
        current = job;
        IWorkbenchSiteProgressService progress = getSite().getService(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.schedule(job);
        } else {
            job.schedule();
        }
    }

    /**
     * Ends a diagnosis: the session as logged, or why not; the button comes back in every case.
     *
     * @param logged the account as logged, or null when it was not logged
     * @param sessionId the session, when logged
     * @param problem what went wrong, or null
     */
    private void done(AccountProfile logged, Optional<String> sessionId, String problem) {
        running = false;
        current = null;
        if (diagnose.isDisposed()) {
            return;
        }
        form.setBusy(false);
        diagnose.setEnabled(true);
        probe.setEnabled(true);
        cancel.setEnabled(false);
        if (logged != null && sessionId.isPresent()) {
            loggedAccount = logged;
            if (sessionInput().sessionId().isEmpty()) {
                sessionInput().logged(sessionId.get(), title());
                setPartName(title());
                setTitleToolTip(sessionInput().getToolTipText());
            }
            form.setText(NLS.bind(Messages.EditorTitle, title(), sessionId.get()));
        }
        if (problem == null) {
            diagnoseStatus.setText(NLS.bind(Messages.DiagnoseLogged, sessionId.orElse("")));
            form.setMessage(null, IMessageProvider.NONE);
        } else {
            failed(problem);
        }
        form.reflow(true);
    }

    /** Shows a diagnosis' findings (and probe) and brings them to the top; the session may still be logging. */
    private void showResult(DiagnosisResult result) {
        if (form.isDisposed()) {
            return;
        }
        findings.show(result.diagnosis().account().email(), new Shown(result.diagnosis().findings(),
                result.diagnosis().procedures(), result.diagnosis().account().client(),
                result.diagnosis().provider().map(ProviderDescriptor::name),
                result.diagnosis().provider().map(ProviderDescriptor::id)));
        result.probe().ifPresent(probeSection::show);
        diagnoseStatus.setText(Messages.DiagnoseLogging);
        form.reflow(true);
        // the agent's next look is at the findings and the fix: bring them to the top
        form.setOrigin(0, diagnose.getParent().getBounds().y);
    }

    /**
     * Says something about the session in the form's heading.
     *
     * @param message what to say
     * @param problem whether it is a problem (else information)
     */
    void report(String message, boolean problem) {
        if (!form.isDisposed()) {
            form.setMessage(ProcedureSection.mnemonicFree(message),
                    problem ? IMessageProvider.ERROR : IMessageProvider.INFORMATION);
        }
    }

    private void failed(String message) {
        diagnoseStatus.setText(ProcedureSection.mnemonicFree(message));
        findings.showMessage(message);
        form.setMessage(message.lines().findFirst().orElse(message), IMessageProvider.ERROR);
        form.reflow(true);
    }

    private String title() {
        String customer = account.customer();
        String ticket = account.ticket();
        return customer.isEmpty() ? ticket : ticket.isEmpty() ? customer : customer + " \u2014 " + ticket;
    }

    private void showProcedure(Optional<Finding> finding) {
        Shown shown = findings.current();
        if (shown == null) {
            return;
        }
        List<Procedure> applicable = finding.map(f -> applicable(shown, f)).orElse(List.of());
        procedure.offer(applicable, shown.client(), logging::marks);
        form.reflow(true);
        if (!applicable.isEmpty() && shown.providerId().isPresent()) {
            showFixSuccess(shown.providerId().get(), shown.provider().orElse(shown.providerId().get()),
                    finding.get().code(), applicable);
        }
    }

    /**
     * The procedures that address a finding: its own first (the engine's choice), then the other
     * procedures of its provider that address its cause, in the provider's order, then any other the
     * diagnosis named for it.
     */
    private List<Procedure> applicable(Shown shown, Finding finding) {
        Map<String, Procedure> all = new java.util.LinkedHashMap<>();
        shown.procedureFor(finding).ifPresent(p -> all.put(p.id(), p));
        shown.providerId().flatMap(id -> context.catalog().flatMap(c -> c.snapshot().provider(id)))
                .ifPresent(provider -> provider.procedures().stream()
                        .filter(p -> p.addresses().contains(finding.code())).forEach(p -> all.putIfAbsent(p.id(), p)));
        shown.procedures().values().stream().filter(p -> p.addresses().contains(finding.code()))
                .sorted(java.util.Comparator.comparing(Procedure::id)).forEach(p -> all.putIfAbsent(p.id(), p));
        return List.copyOf(all.values());
    }

    /**
     * Reads how often each procedure worked (from the log, in a job) and puts the one that worked
     * most often first, with its figure beside each.
     */
    private void showFixSuccess(String providerId, String providerName, String cause, List<Procedure> applicable) {
        Display display = form.getDisplay();
        List<String> ids = applicable.stream().map(Procedure::id).toList();
        Job job = Job.create(Messages.FixSuccessJob, (IProgressMonitor monitor) -> {
            try {
                List<FixSuccess> ranked = context.log().fixSuccesses(providerId, cause, ids);
                List<Map.Entry<String, String>> order = ranked.stream()
                        .map(s -> Map.entry(s.procedureId(), s.tried() == 0
                                ? NLS.bind(Messages.FixSuccessNone, providerName, cause)
                                : java.text.MessageFormat.format(Messages.FixSuccess, s.worked(), s.tried(), providerName,
                                        cause)))
                        .toList();
                display.asyncExec(() -> {
                    // a late answer for a finding no longer selected is dropped
                    if (!form.isDisposed() && procedure.offered().stream().map(Procedure::id).toList().equals(ids)) {
                        procedure.rank(order);
                        form.reflow(true);
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                return Status.warning(NLS.bind(Messages.LogFailed, e.getMessage()), e);
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Fills the editor with a logged session (its marks are already in {@link #logging}). */
    private void loaded(SupportSession session, String problem) {
        form.setBusy(false);
        if (session == null) {
            failed(problem != null ? problem : Messages.LoadMissing);
            return;
        }
        account.set(session.customer(), session.ticket(), session.account());
        loggedAccount = session.account();
        form.setText(NLS.bind(Messages.EditorTitle, title(), session.id()));
        setPartName(title());
        if (!session.diagnoses().isEmpty()) {
            DiagnosisRecord last = session.diagnoses().get(session.diagnoses().size() - 1);
            Map<String, Procedure> procedures = new HashMap<>();
            last.providerId().flatMap(id -> context.catalog().flatMap(c -> c.snapshot().provider(id)))
                    .ifPresent(p -> p.procedures().forEach(x -> procedures.put(x.id(), x)));
            findings.show(session.account().email(),
                    new Shown(last.findings(), procedures, session.account().client(), last.providerName(),
                            last.providerId()));
        }
        procedure.showStatus(NLS.bind(Messages.StatusIs, session.status().id()));
        edited();
        form.reflow(true);
    }

    @Override
    public void setFocus() {
        if (account != null) {
            account.first().setFocus();
        }
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // every change is logged as it happens
    }

    @Override
    public void doSaveAs() {
        // no Save As for a session; the export wizard writes reports
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void dispose() {
        if (toolkit != null) {
            toolkit.dispose();
        }
        super.dispose();
    }
}
