package org.relaybench.ui.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;

/**
 * The findings of the session's last diagnosis, most likely first, with severity icons, confidence,
 * and the provider and rule behind each; below, the evidence of the selected one. Selecting a finding
 * shows its fix procedure.
 */
final class FindingsSection {

    private final Section section;
    private final Label summary;
    private final TableViewer findings;
    private final Text evidence;
    private Shown current;

    FindingsSection(Composite parent, FormToolkit toolkit, Consumer<Optional<Finding>> selected) {
        section = toolkit.createSection(parent, Section.TITLE_BAR);
        section.setText(Messages.SectionFindings);
        section.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        Composite body = toolkit.createComposite(section);
        body.setLayout(new GridLayout(1, false));
        section.setClient(body);
        summary = toolkit.createLabel(body, Messages.DiagnoseHint, SWT.WRAP);
        summary.setLayoutData(Widgets.wrapping());
        summary.setData(Widgets.TEST_ID, "diagnose.summary");

        Composite area = Widgets.tableArea(toolkit, body, 130, 400);
        TableColumnLayout layout = (TableColumnLayout) area.getLayout();
        findings = new TableViewer(area, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.SINGLE);
        findings.getTable().setHeaderVisible(true);
        findings.getTable().setLinesVisible(true);
        findings.getTable().setData(Widgets.TEST_ID, "diagnose.findings");
        findings.setContentProvider(ArrayContentProvider.getInstance());
        column(layout, Messages.ColumnSeverity, 10, f -> f.severity().id(), FindingsSection::icon);
        column(layout, Messages.ColumnCause, 20, Finding::code, f -> null);
        column(layout, Messages.ColumnConfidence, 10, f -> String.format(Locale.ROOT, "%.2f", f.confidence()), f -> null);
        column(layout, Messages.ColumnTitle, 42, Finding::title, f -> null);
        column(layout, Messages.ColumnRule, 18, f -> f.provider() + " / " + f.rule(), f -> null);

        evidence = toolkit.createText(body, "", SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData evidenceData = new GridData(SWT.FILL, SWT.FILL, true, false);
        evidenceData.heightHint = 70;
        evidenceData.widthHint = 400;
        evidence.setLayoutData(evidenceData);
        evidence.setData(Widgets.TEST_ID, "diagnose.evidence");

        findings.addSelectionChangedListener(e -> {
            Finding f = (Finding) ((IStructuredSelection) e.getSelection()).getFirstElement();
            showEvidence(f);
            selected.accept(Optional.ofNullable(f));
        });
    }

    Section section() {
        return section;
    }

    void show(String email, Shown shown) {
        current = shown;
        summary.setText(ProcedureSection.mnemonicFree(shown.findings().isEmpty() ? Messages.DiagnoseNothingFound
                : MessageFormat.format(Messages.DiagnoseSummary, email,
                        shown.provider().orElse(Messages.DiagnoseNoProvider), shown.findings().size())));
        findings.setInput(shown.findings());
        if (shown.findings().isEmpty()) {
            findings.setSelection(StructuredSelection.EMPTY);
            showEvidence(null);
        } else {
            findings.setSelection(new StructuredSelection(shown.findings().get(0)), true);
        }
    }

    Shown current() {
        return current;
    }

    void showMessage(String message) {
        summary.setText(ProcedureSection.mnemonicFree(message));
        summary.getParent().layout(true, true);
    }

    private void showEvidence(Finding finding) {
        if (finding == null) {
            evidence.setText("");
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
        b.append(MessageFormat.format(Messages.FindingRule, finding.provider(), finding.rule()));
        evidence.setText(b.toString());
    }

    private static Image icon(Finding f) {
        String key = switch (f.severity()) {
        case ERROR -> ISharedImages.IMG_OBJS_ERROR_TSK;
        case WARNING -> ISharedImages.IMG_OBJS_WARN_TSK;
        case INFO -> ISharedImages.IMG_OBJS_INFO_TSK;
        };
        return PlatformUI.getWorkbench().getSharedImages().getImage(key);
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<Finding, String> text,
            Function<Finding, Image> image) {
        TableViewerColumn column = new TableViewerColumn(findings, SWT.LEFT);
        column.getColumn().setText(title);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 50));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Finding) element);
            }

            @Override
            public Image getImage(Object element) {
                return image.apply((Finding) element);
            }
        });
    }
}
