package org.relaybench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.Step;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;

/**
 * The fix procedures of the selected finding, the one that worked most often first with how often
 * beside each, and the chosen one as a checklist worded for the customer's client: each step is
 * marked worked, did not work or skipped, with a note, and each mark goes to the log at once (the
 * editor logs it). Then the session is marked resolved or unresolved.
 */
final class ProcedureSection {

    /** What the agent did, for the editor to log. */
    interface Marks {
        void step(String procedureId, String stepId, StepState state, String note);

        void status(SessionStatus status);
    }

    private static final StepState[] STATES = { StepState.WORKED, StepState.DID_NOT_WORK, StepState.SKIPPED };

    private final FormToolkit toolkit;
    private final Marks marks;
    private final Section section;
    private final Label title;
    private final Composite steps;
    private final Label status;
    private final Label success;
    /** The procedure shown, so that a late statistic for another one is dropped. */
    private String shownProcedure;
    private final List<Control> stepRows = new ArrayList<>();
    /** The procedures that address the selected finding, in the order shown; UI thread only. */
    private final TableViewer choices;
    private List<Choice> offered = List.of();
    private ClientInfo client;
    private Function<String, Map<String, String[]>> marked = id -> Map.of();
    /** Whether the agent picked a procedure, which a late ranking then leaves shown. */
    private boolean picked;
    /** Set while the table's selection is changed by code, not by the agent. */
    private boolean selecting;

    /** One procedure that addresses the finding, and how often it worked (empty until read). */
    static final class Choice {
        final Procedure procedure;
        String success = "";

        Choice(Procedure procedure) {
            this.procedure = procedure;
        }
    }

    ProcedureSection(Composite parent, FormToolkit toolkit, Marks marks) {
        this.toolkit = toolkit;
        this.marks = marks;
        section = toolkit.createSection(parent, Section.TITLE_BAR);
        section.setText(Messages.SectionProcedure);
        section.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        Composite body = toolkit.createComposite(section);
        body.setLayout(new GridLayout(1, false));
        section.setClient(body);
        title = toolkit.createLabel(body, Messages.ProcedureNone, SWT.WRAP);
        title.setLayoutData(Widgets.wrapping());
        title.setData(Widgets.TEST_ID, "diagnose.procedure");
        Composite area = Widgets.tableArea(toolkit, body, 76, 400);
        TableColumnLayout columns = (TableColumnLayout) area.getLayout();
        choices = new TableViewer(area, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.SINGLE);
        choices.getTable().setHeaderVisible(true);
        choices.getTable().setLinesVisible(true);
        choices.getTable().setData(Widgets.TEST_ID, "procedure.choices");
        choices.setContentProvider(ArrayContentProvider.getInstance());
        column(columns, Messages.ProcedureChoice, 45, c -> c.procedure.title());
        column(columns, Messages.ProcedureChoiceSuccess, 55, c -> c.success);
        choices.addSelectionChangedListener(e -> {
            Choice c = (Choice) ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (c != null && !selecting) {
                picked = true;
                showSteps(c);
            }
        });
        success = toolkit.createLabel(body, "", SWT.WRAP);
        success.setLayoutData(Widgets.wrapping());
        success.setData(Widgets.TEST_ID, "procedure.success");
        steps = toolkit.createComposite(body);
        GridLayout stepsLayout = new GridLayout(2, false);
        stepsLayout.marginWidth = 0;
        steps.setLayout(stepsLayout);
        steps.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        steps.setData(Widgets.TEST_ID, "procedure.steps");

        Composite outcome = toolkit.createComposite(body);
        outcome.setLayout(new GridLayout(3, false));
        outcome.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Button resolved = toolkit.createButton(outcome, Messages.ProcedureResolved, SWT.PUSH);
        resolved.setData(Widgets.TEST_ID, "session.resolved");
        resolved.addListener(SWT.Selection, e -> marks.status(SessionStatus.RESOLVED));
        Button unresolved = toolkit.createButton(outcome, Messages.ProcedureUnresolved, SWT.PUSH);
        unresolved.setData(Widgets.TEST_ID, "session.unresolved");
        unresolved.addListener(SWT.Selection, e -> marks.status(SessionStatus.UNRESOLVED));
        status = toolkit.createLabel(outcome, "", SWT.WRAP);
        status.setLayoutData(Widgets.wrapping());
        status.setData(Widgets.TEST_ID, "session.status");
    }

    Section section() {
        return section;
    }

    /**
     * Offers the procedures that address the selected finding and shows the steps of the first one
     * with a logged mark, else of the first one; a later {@link #rank} may put another first.
     *
     * @param applicable the procedures, the finding's own first; empty when it has none
     * @param client whose wording to use
     * @param marks the steps' last logged states and notes by step id, for a procedure id
     */
    void offer(List<Procedure> applicable, ClientInfo client, Function<String, Map<String, String[]>> marks) {
        this.client = client;
        this.marked = marks;
        picked = false;
        offered = applicable.stream().map(Choice::new).toList();
        choices.setInput(offered);
        // as tall as its rows (up to five), so that every procedure shows without scrolling the table
        org.eclipse.swt.widgets.Table table = choices.getTable();
        ((GridData) table.getParent().getLayoutData()).heightHint = table.getHeaderHeight()
                + Math.max(1, Math.min(5, offered.size())) * table.getItemHeight() + 2 * table.getBorderWidth() + 2;
        if (offered.isEmpty()) {
            show(Optional.empty(), client, Map.of());
        } else {
            // a reopened session shows the procedure the agent began to walk
            select(offered.stream().filter(c -> !marks.apply(c.procedure.id()).isEmpty()).findFirst()
                    .orElse(offered.get(0)));
        }
    }

    /**
     * Puts the procedures in the order given (most often worked first) with their figures, and shows
     * the first one, unless the agent picked one or already marked a step of the one shown.
     *
     * @param order procedure ids with the text to show beside each, best first
     */
    void rank(List<Map.Entry<String, String>> order) {
        List<Choice> ranked = new ArrayList<>();
        for (Map.Entry<String, String> e : order) {
            offered.stream().filter(c -> c.procedure.id().equals(e.getKey())).findFirst().ifPresent(c -> {
                c.success = e.getValue();
                ranked.add(c);
            });
        }
        offered.stream().filter(c -> !ranked.contains(c)).forEach(ranked::add);
        offered = List.copyOf(ranked);
        choices.setInput(offered);
        Choice shown = offered.stream().filter(c -> c.procedure.id().equals(shownProcedure)).findFirst().orElse(null);
        boolean walked = shownProcedure != null && !marked.apply(shownProcedure).isEmpty();
        if (!offered.isEmpty() && !picked && !walked) {
            select(offered.get(0));
        } else if (shown != null) {
            selecting = true;
            try {
                choices.setSelection(new StructuredSelection(shown));
            } finally {
                selecting = false;
            }
            success.setText(mnemonicFree(shown.success));
            success.getParent().layout(true);
        }
    }

    /** @return the procedures offered, in the order shown */
    List<Procedure> offered() {
        return offered.stream().map(c -> c.procedure).toList();
    }

    private void select(Choice c) {
        selecting = true;
        try {
            choices.setSelection(new StructuredSelection(c));
        } finally {
            selecting = false;
        }
        showSteps(c);
    }

    private void showSteps(Choice c) {
        if (!c.procedure.id().equals(shownProcedure) || stepRows.isEmpty()) {
            show(Optional.of(c.procedure), client, marked.apply(c.procedure.id()));
        }
        success.setText(mnemonicFree(c.success));
        steps.getParent().layout(true, true);
        Composite top = section.getParent();
        while (top != null && !(top instanceof org.eclipse.ui.forms.widgets.ScrolledForm)) {
            top = top.getParent();
        }
        if (top instanceof org.eclipse.ui.forms.widgets.ScrolledForm f) {
            f.reflow(true);
        }
    }

    /**
     * Shows a procedure's steps.
     *
     * @param procedure the procedure, or empty when the selected finding has none
     * @param client whose wording to use
     * @param marked the steps' last logged states and notes, by step id
     */
    private void show(Optional<Procedure> procedure, ClientInfo client, Map<String, String[]> marked) {
        stepRows.forEach(Control::dispose);
        stepRows.clear();
        success.setText("");
        shownProcedure = procedure.map(Procedure::id).orElse(null);
        if (procedure.isEmpty()) {
            title.setText(Messages.ProcedureNone);
            return;
        }
        Procedure p = procedure.get();
        title.setText(mnemonicFree(NLS.bind(Messages.DiagnoseProcedure, p.title(), client)));
        int n = 1;
        for (Step step : p.steps()) {
            Step.Wording w = step.wordingFor(client);
            Label text = toolkit.createLabel(steps, mnemonicFree(n + ". " + w.text()
                    + (w.expect().isEmpty() ? "" : "\n" + Messages.ColumnExpect + ": " + w.expect())), SWT.WRAP);
            GridData textData = Widgets.wrapping();
            textData.horizontalSpan = 2;
            textData.verticalIndent = n == 1 ? 0 : 6;
            text.setLayoutData(textData);
            text.setData(Widgets.TEST_ID, "step." + n + ".text");
            Composite radios = toolkit.createComposite(steps);
            radios.setLayout(new RowLayout(SWT.HORIZONTAL));
            radios.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
            Text note = toolkit.createText(steps, "", SWT.SINGLE | SWT.BORDER);
            GridData noteData = new GridData(SWT.FILL, SWT.CENTER, true, false);
            noteData.widthHint = 120;
            note.setLayoutData(noteData);
            note.setMessage(Messages.ProcedureNote);
            note.setData(Widgets.TEST_ID, "step." + n + ".note");
            String[] previous = marked.get(step.id());
            List<Button> buttons = new ArrayList<>();
            for (StepState state : STATES) {
                Button b = toolkit.createButton(radios, label(state), SWT.RADIO);
                b.setData(Widgets.TEST_ID, "step." + n + "." + state.id());
                b.setData(StepState.class.getName(), state);
                b.setSelection(previous != null && state.id().equals(previous[0]));
                b.addListener(SWT.Selection, e -> {
                    if (b.getSelection()) {
                        marks.step(p.id(), step.id(), state, note.getText());
                    }
                });
                buttons.add(b);
            }
            if (previous != null) {
                note.setText(previous[1]);
            }
            // a note typed after the mark is logged with it when the agent leaves the field
            note.addListener(SWT.FocusOut, e -> buttons.stream().filter(Button::getSelection).findFirst()
                    .ifPresent(b -> marks.step(p.id(), step.id(), (StepState) b.getData(StepState.class.getName()),
                            note.getText())));
            stepRows.add(text);
            stepRows.add(radios);
            stepRows.add(note);
            n++;
        }
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<Choice, String> text) {
        TableViewerColumn column = new TableViewerColumn(choices, SWT.LEFT);
        column.getColumn().setText(title);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 80));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Choice) element);
            }
        });
    }

    void showStatus(String text) {
        status.setText(text);
        status.getParent().layout(true);
    }

    /** A label shows "&" as a mnemonic marker; step texts say "Passwords & Accounts". */
    static String mnemonicFree(String text) {
        return text.replace("&", "&&");
    }

    private static String label(StepState state) {
        return switch (state) {
        case WORKED -> Messages.StepWorked;
        case DID_NOT_WORK -> Messages.StepDidNotWork;
        case SKIPPED -> Messages.StepSkipped;
        case NOT_TRIED -> Messages.StepNotTried;
        };
    }
}
