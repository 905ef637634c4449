package org.relaybench.ui.internal;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.store.ProcedureOutcome;
import org.relaybench.store.SessionStatistics;

/**
 * Statistics of the logged sessions in a date range: the most likely causes over time (stacked
 * columns per day or week), the providers with the most sessions, and how often each fix procedure
 * worked. The session log adds the figures up ({@code SessionLog.statistics}) in a job; the view only
 * draws them ({@link Chart}), and reads them again when a session is logged in this workbench or the
 * range changes.
 */
public final class StatisticsView extends ViewPart {

    /** The view id. */
    public static final String ID = "org.relaybench.ui.views.statistics";

    /**
     * From this width on, the causes over time go across the view with the two bar charts side by
     * side below; narrower, the three are stacked.
     */
    private static final int TWO_COLUMNS = 600;
    private static final int CHART_HEIGHT = 150;
    private static final int TOP_ROWS = 8;
    private static final int[] PRESET_DAYS = { 7, 30, 90, 365 };

    private SupportContext context;
    private DateTime from;
    private DateTime to;
    private Combo preset;
    private Combo period;
    private Label summary;
    private ScrolledComposite scroller;
    private Composite charts;
    private Chart causes;
    private Chart providers;
    private Chart procedures;
    private final Runnable changed = () -> Display.getDefault().asyncExec(this::scheduleRefresh);
    /** The reads of the figures, the newest shown. */
    private NewestRead<SessionStatistics> reads;
    /** The figures shown, for tests; UI thread only. */
    private SessionStatistics shown;

    @Override
    public void createPartControl(Composite parent) {
        context = getSite().getService(SupportContext.class);
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));

        // label and field pairs that wrap to a second line when the view is narrow, as when docked at 1024x768
        Composite range = new Composite(root, SWT.NONE);
        range.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        RowLayout rangeLayout = new RowLayout(SWT.HORIZONTAL);
        rangeLayout.wrap = true;
        rangeLayout.center = true;
        rangeLayout.marginLeft = 0;
        rangeLayout.marginTop = 0;
        rangeLayout.marginBottom = 0;
        rangeLayout.spacing = 12;
        range.setLayout(rangeLayout);
        Composite pair = labelled(range, Messages.StatisticsRange);
        preset = new Combo(pair, SWT.READ_ONLY);
        for (int days : PRESET_DAYS) {
            preset.add(MessageFormat.format(Messages.StatisticsLastDays, days));
        }
        preset.add(Messages.StatisticsCustom);
        preset.setData(Widgets.TEST_ID, "statistics.preset");
        pair = labelled(range, Messages.StatisticsFrom);
        from = new DateTime(pair, SWT.DATE | SWT.MEDIUM | SWT.DROP_DOWN | SWT.BORDER);
        from.setData(Widgets.TEST_ID, "statistics.from");
        pair = labelled(range, Messages.StatisticsTo);
        to = new DateTime(pair, SWT.DATE | SWT.MEDIUM | SWT.DROP_DOWN | SWT.BORDER);
        to.setData(Widgets.TEST_ID, "statistics.to");
        pair = labelled(range, Messages.StatisticsPer);
        period = new Combo(pair, SWT.READ_ONLY);
        period.setItems(Messages.StatisticsPerDay, Messages.StatisticsPerWeek);
        period.setData(Widgets.TEST_ID, "statistics.period");

        summary = new Label(root, SWT.WRAP);
        reads = new NewestRead<>(summary, Messages.StatisticsJob, 200, this::draw, e -> summary
                .setText(ProcedureSection.mnemonicFree(NLS.bind(Messages.StatisticsFailed, e.getMessage()))));
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        summary.setData(Widgets.TEST_ID, "statistics.summary");

        scroller = new ScrolledComposite(root, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        charts = new Composite(scroller, SWT.NONE);
        scroller.setContent(charts);
        charts.setLayout(new GridLayout(2, true));
        causes = chart(Messages.StatisticsCauses, "statistics.causes");
        ((GridData) causes.control().getParent().getLayoutData()).horizontalSpan = 2;
        providers = chart(Messages.StatisticsProviders, "statistics.providers");
        procedures = chart(Messages.StatisticsProcedures, "statistics.procedures");
        procedures.control().setToolTipText(Messages.StatisticsProceduresTip);
        scroller.addListener(SWT.Resize, e -> arrange());

        preset.addListener(SWT.Selection, e -> presetChosen());
        from.addListener(SWT.Selection, e -> customRange());
        to.addListener(SWT.Selection, e -> customRange());
        period.addListener(SWT.Selection, e -> scheduleRefresh());
        preset.select(1);
        presetChosen();
        context.addSessionsListener(changed);
    }

    /** A composite holding a label and, created next by the caller, its field: the two wrap together. */
    private static Composite labelled(Composite parent, String label) {
        Composite pair = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        pair.setLayout(layout);
        new Label(pair, SWT.NONE).setText(label);
        return pair;
    }

    private Chart chart(String title, String testId) {
        Group group = new Group(charts, SWT.NONE);
        group.setText(title);
        group.setLayout(new GridLayout(1, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Chart chart = new Chart(group, testId);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = CHART_HEIGHT;
        data.widthHint = 260;
        chart.control().setLayoutData(data);
        return chart;
    }

    /** The causes across the view and the bar charts side by side below, or all three stacked when narrow. */
    private void arrange() {
        int width = scroller.getClientArea().width;
        GridLayout layout = (GridLayout) charts.getLayout();
        int columns = width >= TWO_COLUMNS ? 2 : 1;
        if (layout.numColumns != columns) {
            layout.numColumns = columns;
            ((GridData) causes.control().getParent().getLayoutData()).horizontalSpan = columns;
            charts.layout(true, true);
        }
        // never squeezed below a readable size: the view scrolls instead
        scroller.setMinSize(charts.computeSize(columns == 2 ? TWO_COLUMNS : 320, SWT.DEFAULT));
    }

    private void presetChosen() {
        int i = preset.getSelectionIndex();
        if (i < 0 || i >= PRESET_DAYS.length) {
            return;
        }
        LocalDate today = LocalDate.now();
        set(from, today.minusDays(PRESET_DAYS[i] - 1L));
        set(to, today);
        period.select(PRESET_DAYS[i] > 31 ? 1 : 0);
        scheduleRefresh();
    }

    private void customRange() {
        preset.select(PRESET_DAYS.length);
        scheduleRefresh();
    }

    /**
     * Sets the range and the period length, as the agent would, and reads the figures.
     *
     * @param first the first day
     * @param last the last day
     * @param weeks whether a period is a week (else a day)
     */
    public void showRange(LocalDate first, LocalDate last, boolean weeks) {
        set(from, first);
        set(to, last);
        period.select(weeks ? 1 : 0);
        preset.select(PRESET_DAYS.length);
        refresh();
    }

    /** @return the figures shown, or null before the first answer; UI thread only */
    public SessionStatistics shown() {
        return shown;
    }

    /** @return what the three charts show, in words, for tests and screen readers */
    public List<List<String>> describe() {
        return List.of(causes.describe(), providers.describe(), procedures.describe());
    }

    private static void set(DateTime widget, LocalDate date) {
        widget.setDate(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    private static LocalDate get(DateTime widget) {
        return LocalDate.of(widget.getYear(), widget.getMonth() + 1, widget.getDay());
    }

    private void scheduleRefresh() {
        // several sessions logged in a row (or several clicks) read the figures once
        reads.soon(this::refresh);
    }

    /** Reads the figures of the range in a job and draws them, unless a newer read was started. */
    void refresh() {
        if (summary == null || summary.isDisposed()) {
            return;
        }
        LocalDate first = get(from);
        LocalDate last = get(to);
        if (last.isBefore(first)) {
            reads.cancel();
            summary.setText(Messages.StatisticsBadRange);
            return;
        }
        SessionStatistics.Period per = period.getSelectionIndex() == 1 ? SessionStatistics.Period.WEEK
                : SessionStatistics.Period.DAY;
        ZoneId zone = ZoneId.systemDefault();
        summary.setText(Messages.StatisticsReading);
        reads.now(() -> context.log().statistics(first, last, zone, per),
                e -> NLS.bind(Messages.StatisticsFailed, e.getMessage()));
    }

    private void draw(SessionStatistics s) {
        shown = s;
        DateTimeFormatter longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
        summary.setText(MessageFormat.format(Messages.StatisticsSummary, s.sessions(), s.resolved(),
                longDate.format(s.from()), longDate.format(s.to())));

        DateTimeFormatter axis = DateTimeFormatter.ofPattern(Messages.StatisticsAxisDate);
        List<String> labels = s.periods().stream().map(axis::format).toList();
        List<Chart.Series> series = new ArrayList<>();
        int distinct = Chart.distinctColours();
        // the most frequent causes each get a colour; when there are more, the rest are one grey "other"
        int named = s.causes().size() <= distinct ? s.causes().size() : distinct - 1;
        for (int i = 0; i < named; i++) {
            SessionStatistics.CauseSeries c = s.causes().get(i);
            series.add(new Chart.Series(c.cause().isEmpty() ? Messages.StatisticsNoCause : c.cause(), c.perPeriod(),
                    false));
        }
        if (named < s.causes().size()) {
            int[] rest = new int[s.periods().size()];
            for (SessionStatistics.CauseSeries c : s.causes().subList(named, s.causes().size())) {
                for (int i = 0; i < rest.length; i++) {
                    rest[i] += c.perPeriod().get(i);
                }
            }
            series.add(new Chart.Series(MessageFormat.format(Messages.StatisticsOther, s.causes().size() - named),
                    Arrays.stream(rest).boxed().toList(), true));
        }
        causes.columns(labels, series, Messages.StatisticsNone);

        List<Chart.Bar> providerBars = new ArrayList<>();
        int most = s.providers().isEmpty() ? 0 : s.providers().get(0).sessions();
        for (SessionStatistics.Count p : s.providers().subList(0, Math.min(TOP_ROWS, s.providers().size()))) {
            providerBars.add(new Chart.Bar(providerName(p.key()), p.sessions(),
                    MessageFormat.format(Messages.StatisticsSessions, p.sessions())));
        }
        providers.bars(providerBars, most, Messages.StatisticsNone);

        List<Chart.Bar> procedureBars = new ArrayList<>();
        for (ProcedureOutcome o : s.procedures().subList(0, Math.min(TOP_ROWS, s.procedures().size()))) {
            procedureBars.add(new Chart.Bar(o.procedureId(), o.rate(),
                    MessageFormat.format(Messages.StatisticsWorked, o.worked(), o.tried(), Math.round(o.rate() * 100))));
        }
        procedures.bars(procedureBars, 1, Messages.StatisticsNoProcedures);
        summary.getParent().layout(true);
        arrange();
    }

    private String providerName(String id) {
        if (id.isEmpty()) {
            return Messages.StatisticsNoProvider;
        }
        Optional<String> name = context.catalog().flatMap(c -> c.snapshot().provider(id)).map(ProviderDescriptor::name);
        return name.orElse(id);
    }

    @Override
    public void setFocus() {
        preset.setFocus();
    }

    @Override
    public void dispose() {
        if (context != null) {
            context.removeSessionsListener(changed);
        }
        super.dispose();
    }
}
