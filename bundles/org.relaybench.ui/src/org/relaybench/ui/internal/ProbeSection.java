package org.relaybench.ui.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.LoginReport;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeStage;
import org.relaybench.probe.TlsInfo;

/**
 * What the account's real servers said in the last probe: the SMTP probe stage by stage with timings,
 * the TLS session, the incoming login, DNS, and the transcript with the password redacted.
 */
final class ProbeSection {

    private final Section section;
    private final Label summary;
    private final TableViewer stages;
    private final Label tls;
    private final Label other;
    private final Text transcript;

    ProbeSection(Composite parent, FormToolkit toolkit) {
        section = toolkit.createSection(parent, Section.TITLE_BAR | Section.TWISTIE | Section.EXPANDED);
        section.setText(Messages.SectionProbe);
        section.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        Composite body = toolkit.createComposite(section);
        body.setLayout(new GridLayout(1, false));
        section.setClient(body);
        summary = toolkit.createLabel(body, Messages.ProbeNone, SWT.WRAP);
        summary.setLayoutData(Widgets.wrapping());
        summary.setData(Widgets.TEST_ID, "probe.summary");

        Composite area = Widgets.tableArea(toolkit, body, 110, 300);
        TableColumnLayout layout = (TableColumnLayout) area.getLayout();
        stages = new TableViewer(area, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        stages.getTable().setHeaderVisible(true);
        stages.getTable().setLinesVisible(true);
        stages.getTable().setData(Widgets.TEST_ID, "probe.stages");
        stages.setContentProvider(ArrayContentProvider.getInstance());
        column(layout, Messages.ProbeStage, 20, ProbeStage::name);
        column(layout, Messages.ProbeResult, 10, s -> s.ok() ? Messages.ProbeOk : Messages.ProbeFailedStage);
        column(layout, Messages.ProbeMillis, 10, s -> Long.toString(s.millis()));
        column(layout, Messages.ProbeReply, 60, ProbeStage::reply);

        tls = toolkit.createLabel(body, "", SWT.WRAP);
        tls.setLayoutData(Widgets.wrapping());
        tls.setData(Widgets.TEST_ID, "probe.tls");
        other = toolkit.createLabel(body, "", SWT.WRAP);
        other.setLayoutData(Widgets.wrapping());
        other.setData(Widgets.TEST_ID, "probe.other");
        toolkit.createLabel(body, Messages.ProbeTranscript);
        transcript = toolkit.createText(body, "", SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        transcript.setFont(JFaceResources.getTextFont());
        GridData transcriptData = new GridData(SWT.FILL, SWT.FILL, true, false);
        transcriptData.heightHint = 120;
        transcriptData.widthHint = 300;
        transcript.setLayoutData(transcriptData);
        transcript.setData(Widgets.TEST_ID, "probe.transcript");
    }

    Section section() {
        return section;
    }

    void show(AccountProbe probe) {
        Optional<ProbeReport> smtp = probe.smtp();
        if (smtp.isPresent()) {
            ProbeReport r = smtp.get();
            summary.setText(ProcedureSection.mnemonicFree(MessageFormat.format(Messages.ProbeSummary, r.host(),
                    Integer.toString(r.port()), r.security().id(), r.ok() ? Messages.ProbeOk : r.code().orElse(""),
                    r.summary(), Long.toString(r.millis()))));
            stages.setInput(r.stages());
            tls.setText(ProcedureSection.mnemonicFree(r.tls().map(ProbeSection::tls).orElse(Messages.ProbeNoTls)));
            transcript.setText(String.join("\n", r.transcript()));
        } else {
            summary.setText(Messages.ProbeNoSmtp);
            stages.setInput(List.of());
            tls.setText("");
            transcript.setText("");
        }
        StringBuilder b = new StringBuilder();
        probe.incoming().ifPresent(l -> b.append(login(l)).append('\n'));
        probe.dns().ifPresent(d -> b.append(dns(d)));
        other.setText(ProcedureSection.mnemonicFree(b.toString().strip()));
    }

    private static String tls(TlsInfo t) {
        return MessageFormat.format(Messages.ProbeTls, t.protocol(), t.cipher(), t.subject(), t.issuer(),
                t.notAfter().toString(), t.trusted() ? Messages.ProbeYes : Messages.ProbeNo,
                t.hostnameMatches() ? Messages.ProbeYes : Messages.ProbeNo, t.problem().orElse(""));
    }

    private static String login(LoginReport l) {
        return MessageFormat.format(Messages.ProbeLogin, l.protocol().id(), l.host(), Integer.toString(l.port()),
                l.outcome().id(), l.detail(), Long.toString(l.millis()));
    }

    private static String dns(DnsReport d) {
        return NLS.bind(Messages.ProbeDns, String.join(", ", d.mxHosts()));
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<ProbeStage, String> text) {
        TableViewerColumn column = new TableViewerColumn(stages, SWT.LEFT);
        column.getColumn().setText(title);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 40));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ProbeStage) element);
            }
        });
    }
}
