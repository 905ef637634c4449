package org.relaybench.ui.internal;

import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.Step;

/**
 * The result side of the Diagnose view: findings ranked most likely first, the evidence of the
 * selected one, and the steps of its procedure worded for the customer's client.
 */
final class FindingsPanel {

    private final Label summary;
    private final TableViewer findings;
    private final Text evidence;
    private final Label procedureTitle;
    private final Text steps;
    private Diagnosis current;

    FindingsPanel(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        summary = new Label(root, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        summary.setText(Messages.DiagnoseHint);
        summary.setData(Widgets.TEST_ID, "diagnose.summary");

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        findings = table(sash, "diagnose.findings");
        column(findings, Messages.ColumnSeverity, 10, f -> ((Finding) f).severity().id());
        column(findings, Messages.ColumnCause, 22, f -> ((Finding) f).code());
        column(findings, Messages.ColumnConfidence, 10,
                f -> String.format(Locale.ROOT, "%.2f", ((Finding) f).confidence()));
        column(findings, Messages.ColumnTitle, 58, f -> ((Finding) f).title());
        evidence = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        evidence.setData(Widgets.TEST_ID, "diagnose.evidence");

        Composite procedure = new Composite(sash, SWT.NONE);
        procedure.setLayout(new GridLayout(1, false));
        procedureTitle = new Label(procedure, SWT.WRAP);
        procedureTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        procedureTitle.setData(Widgets.TEST_ID, "diagnose.procedure");
        // wrapped text rather than a table: steps are sentences the agent reads out or copies to the customer
        steps = new Text(procedure, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        steps.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        steps.setData(Widgets.TEST_ID, "diagnose.steps");
        sash.setWeights(35, 20, 45);

        findings.addSelectionChangedListener(e -> showFinding(
                (Finding) ((IStructuredSelection) e.getSelection()).getFirstElement()));
    }

    void show(Diagnosis diagnosis) {
        current = diagnosis;
        summary.setText(diagnosis.findings().isEmpty() ? Messages.DiagnoseNothingFound
                : java.text.MessageFormat.format(Messages.DiagnoseSummary, diagnosis.account().email(),
                        diagnosis.provider().map(p -> p.name()).orElse(Messages.DiagnoseNoProvider),
                        diagnosis.findings().size()));
        findings.setInput(diagnosis.findings());
        if (diagnosis.findings().isEmpty()) {
            showFinding(null);
        } else {
            findings.getTable().select(0);
            showFinding(diagnosis.findings().get(0));
        }
        summary.getParent().layout(true, true);
    }

    void showError(String message) {
        summary.setText(message);
        summary.getParent().layout(true, true);
    }

    private void showFinding(Finding finding) {
        if (finding == null || current == null) {
            evidence.setText("");
            procedureTitle.setText("");
            steps.setText("");
            return;
        }
        StringBuilder b = new StringBuilder(finding.title()).append('\n');
        for (Evidence e : finding.evidence()) {
            b.append("\u2022 ").append(e.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(e.subject());
            if (!e.detail().isEmpty()) {
                b.append(": ").append(e.detail());
            }
            b.append('\n');
        }
        b.append(finding.provider()).append('/').append(finding.rule());
        evidence.setText(b.toString());
        Procedure procedure = current.procedureFor(finding).orElse(null);
        if (procedure == null) {
            procedureTitle.setText(Messages.DiagnoseNoProcedure);
            steps.setText("");
            return;
        }
        procedureTitle.setText(org.eclipse.osgi.util.NLS.bind(Messages.DiagnoseProcedure, procedure.title(),
                current.account().client()));
        StringBuilder text = new StringBuilder();
        int n = 1;
        for (Step step : procedure.steps()) {
            Step.Wording w = step.wordingFor(current.account().client());
            text.append(n++).append(". ").append(w.text()).append('\n');
            if (!w.expect().isEmpty()) {
                text.append("     ").append(Messages.ColumnExpect).append(": ").append(w.expect()).append('\n');
            }
        }
        steps.setText(text.toString());
        procedureTitle.getParent().layout(true, true);
    }

    private static TableViewer table(Composite parent, String id) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        TableColumnLayout layout = new TableColumnLayout();
        area.setLayout(layout);
        TableViewer viewer = new TableViewer(area, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
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
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 40));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }
}
