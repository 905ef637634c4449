package org.relaybench.ui.internal;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.relaybench.core.Finding;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.StepRecord;
import org.relaybench.core.session.SupportSession;

/**
 * "Copy ticket summary": a session as plain text to paste into a ticketing system, which often takes
 * neither HTML nor Markdown. Who, which account, the likely cause, what was tried, the outcome.
 */
final class TicketSummary {

    private TicketSummary() {
    }

    static String of(SupportSession s) {
        StringBuilder b = new StringBuilder();
        b.append(NLS.bind(Messages.SummaryTitle, s.ticket().isEmpty() ? s.id() : s.ticket())).append('\n');
        line(b, Messages.SummaryCustomer, s.customer());
        line(b, Messages.SummaryAccount, s.account().email() + " (" + s.account().client() + ")");
        line(b, Messages.SummaryStatus, s.status().id());
        line(b, Messages.SummaryAgent, s.agent());
        if (!s.diagnoses().isEmpty()) {
            DiagnosisRecord last = s.diagnoses().get(s.diagnoses().size() - 1);
            line(b, Messages.SummaryProvider, last.providerName().orElse(Messages.DiagnoseNoProvider));
            int n = 1;
            for (Finding f : last.findings()) {
                b.append(MessageFormat.format(Messages.SummaryFinding, n++, f.severity().id(), f.code(),
                        String.format(java.util.Locale.ROOT, "%.2f", f.confidence()), f.title())).append('\n');
            }
        }
        // the last mark of each step counts, in the order first marked
        Map<String, StepRecord> steps = new LinkedHashMap<>();
        s.steps().forEach(r -> steps.put(r.procedureId() + "/" + r.stepId(), r));
        if (!steps.isEmpty()) {
            b.append(Messages.SummarySteps).append('\n');
            for (StepRecord r : steps.values()) {
                b.append("  - ").append(r.procedureId()).append(' ').append(r.stepId()).append(": ")
                        .append(r.state().id());
                if (!r.note().isEmpty()) {
                    b.append(" (").append(r.note()).append(')');
                }
                b.append('\n');
            }
        }
        for (String note : s.notes()) {
            line(b, Messages.SummaryNote, note);
        }
        line(b, Messages.SummarySession, s.id());
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(label).append(": ").append(value).append('\n');
        }
    }
}
