package org.relaybench.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.SupportSession;
import org.relaybench.store.SessionPage;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionSummary;

/**
 * Every logged session, newest first, filtered as the agent types (like Mylyn's Task List filter):
 * free text over the whole session, or {@code customer:}, {@code ticket:}, {@code provider:},
 * {@code cause:}, {@code status:}. Enter or a double click reopens the session in its editor; below,
 * the selected session's audit trail. Searches run in a job; a newer search makes an older one's
 * answer obsolete.
 */
public final class SessionHistoryView extends ViewPart {

    /** The view id. */
    public static final String ID = "org.relaybench.ui.views.history";

    static final int PAGE = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private SupportContext context;
    private Text filter;
    private Label summary;
    private TableViewer sessions;
    private TableViewer audit;
    private final Runnable changed = () -> Display.getDefault().asyncExec(this::search);
    /** Counts searches, so that only the newest one's answer is shown; UI thread only. */
    private NewestRead<SessionPage> reads;

    @Override
    public void createPartControl(Composite parent) {
        context = getSite().getService(SupportContext.class);
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        filter = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage(Messages.HistoryFilterHint);
        filter.setToolTipText(Messages.HistoryFilterTip);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.setData(Widgets.TEST_ID, "history.filter");
        // a short pause while typing, so that each key does not start a query
        reads = new NewestRead<>(filter, Messages.HistoryJob, 150, this::show, e -> summary
                .setText(ProcedureSection.mnemonicFree(NLS.bind(Messages.HistoryFailed, e.getMessage()))));
        filter.addModifyListener(e -> reads.soon(this::search));
        filter.addListener(SWT.DefaultSelection, e -> {
            if (sessions.getTable().getItemCount() > 0) {
                sessions.getTable().setFocus();
                sessions.getTable().select(0);
                showAudit();
            }
        });
        summary = new Label(root, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setData(Widgets.TEST_ID, "history.summary");

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        sessions = table(sash, "history.sessions");
        column(sessions, Messages.HistoryCustomer, 16, s -> ((SessionSummary) s).customer());
        column(sessions, Messages.HistoryTicket, 10, s -> ((SessionSummary) s).ticket());
        column(sessions, Messages.HistoryStatus, 10, s -> ((SessionSummary) s).status().id());
        column(sessions, Messages.HistoryCause, 16, s -> nullToEmpty(((SessionSummary) s).cause()));
        column(sessions, Messages.HistoryProvider, 10, s -> nullToEmpty(((SessionSummary) s).provider()));
        column(sessions, Messages.HistoryEmail, 18, s -> ((SessionSummary) s).email());
        column(sessions, Messages.HistoryOpened, 16, s -> WHEN.format(((SessionSummary) s).opened()));
        sessions.addSelectionChangedListener(e -> showAudit());
        sessions.addDoubleClickListener(e -> reopen());
        sessions.getTable().addListener(SWT.DefaultSelection, e -> reopen());

        audit = table(sash, "history.audit");
        column(audit, Messages.AuditAction, 18, a -> ((AuditEntry) a).action());
        column(audit, Messages.AuditDetail, 46, a -> ((AuditEntry) a).detail());
        column(audit, Messages.AuditWhen, 22, a -> WHEN.format(((AuditEntry) a).at()));
        column(audit, Messages.AuditAgent, 14, a -> ((AuditEntry) a).agent());
        sash.setWeights(65, 35);

        context.addSessionsListener(changed);
        search();
    }

    /** Runs the filter's query in a job and shows the answer, unless a newer one was started. */
    void search() {
        if (filter == null || filter.isDisposed()) {
            return;
        }
        SessionQuery query = HistoryFilter.parse(filter.getText(), PAGE);
        reads.now(() -> context.log().search(query), e -> NLS.bind(Messages.HistoryFailed, e.getMessage()));
    }

    private void show(SessionPage page) {
        sessions.setInput(page.sessions());
        summary.setText(java.text.MessageFormat.format(page.more() ? Messages.HistoryMore : Messages.HistoryCount,
                page.sessions().size()));
    }

    private Optional<SessionSummary> selected() {
        return Optional.ofNullable((SessionSummary) ((IStructuredSelection) sessions.getSelection()).getFirstElement());
    }

    private void showAudit() {
        Optional<SessionSummary> s = selected();
        if (s.isEmpty()) {
            audit.setInput(List.of());
            return;
        }
        String id = s.get().id();
        Display display = filter.getDisplay();
        Job job = Job.create(Messages.HistoryAuditJob, (IProgressMonitor monitor) -> {
            try {
                List<AuditEntry> entries = context.log().get(id).map(SupportSession::audit).orElse(List.of());
                display.asyncExec(() -> {
                    if (!audit.getTable().isDisposed() && selected().map(x -> x.id().equals(id)).orElse(false)) {
                        audit.setInput(entries);
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                return Status.warning(NLS.bind(Messages.HistoryFailed, e.getMessage()), e);
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Opens the selected session in its editor (or brings its open editor to the front). */
    void reopen() {
        selected().ifPresent(s -> {
            String name = s.customer().isEmpty() ? s.ticket()
                    : s.ticket().isEmpty() ? s.customer() : s.customer() + " \u2014 " + s.ticket();
            try {
                getSite().getPage().openEditor(SessionEditorInput.of(s.id(), name), SessionEditor.ID);
            } catch (PartInitException e) {
                summary.setText(ProcedureSection.mnemonicFree(e.getMessage()));
            }
        });
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static TableViewer table(Composite parent, String id) {
        Composite area = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        area.setLayout(layout);
        TableViewer viewer = new TableViewer(area, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(Widgets.TEST_ID, id);
        viewer.getTable().setData(TableColumnLayout.class.getName(), layout);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    private static void column(TableViewer viewer, String title, int weight, Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        TableColumnLayout layout = (TableColumnLayout) viewer.getTable().getData(TableColumnLayout.class.getName());
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 50));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }

    @Override
    public void setFocus() {
        filter.setFocus();
    }

    @Override
    public void dispose() {
        if (context != null) {
            context.removeSessionsListener(changed);
        }
        super.dispose();
    }
}
