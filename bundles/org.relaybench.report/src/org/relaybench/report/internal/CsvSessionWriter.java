package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.relaybench.core.Finding;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;

/**
 * Writes a session as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma or a quote
 * quoted, quotes doubled; UTF-8 without byte order mark), one row per finding of every diagnosis, a
 * header row first. A diagnosis without findings gives one row with empty finding columns; a session
 * without diagnosis one row with empty diagnosis columns.
 * <p>
 * Every cell is neutralised for spreadsheets: control characters removed, line breaks and tabs made
 * spaces, cut at {@value #MAX_CELL} characters, and a cell that would start with {@code = + - @} (a
 * formula in Excel, LibreOffice and Google Sheets) is prefixed with an apostrophe.
 */
public final class CsvSessionWriter {

    /** The columns, in order; documented in docs/session-export-schema.md. */
    public static final List<String> COLUMNS = List.of("session_id", "opened", "status", "customer", "ticket",
            "agent", "email", "client", "diagnosis", "diagnosed_at", "provider_id", "provider_name", "rank", "code",
            "cause", "severity", "confidence", "title", "rule", "rule_provider", "procedure", "procedure_title",
            "steps_worked", "steps_did_not_work", "evidence");

    /** Spreadsheets hold at most 32,767 characters in a cell; this leaves room for the cut mark. */
    static final int MAX_CELL = 32_000;

    private CsvSessionWriter() {
    }

    /**
     * @param view the session
     * @param out where to write UTF-8
     * @throws IOException when writing fails
     */
    public static void write(SessionView view, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        row(w, COLUMNS);
        SupportSession s = view.session();
        List<String> sessionCells = List.of(s.id(), s.opened().toString(), s.status().id(), s.customer(), s.ticket(),
                s.agent(), s.account().email(), s.account().client().toString());
        if (s.diagnoses().isEmpty()) {
            row(w, pad(sessionCells));
        }
        for (int i = 0; i < s.diagnoses().size(); i++) {
            DiagnosisRecord d = s.diagnoses().get(i);
            List<String> cells = new ArrayList<>(sessionCells);
            cells.add(Integer.toString(i + 1));
            cells.add(d.at().toString());
            cells.add(d.providerId().orElse(""));
            cells.add(d.providerName().orElse(""));
            if (d.findings().isEmpty()) {
                row(w, pad(cells));
            }
            for (int rank = 0; rank < d.findings().size(); rank++) {
                List<String> row = new ArrayList<>(cells);
                finding(row, rank + 1, d.findings().get(rank), view);
                row(w, row);
            }
        }
        w.flush();
    }

    private static void finding(List<String> row, int rank, Finding f, SessionView view) {
        row.add(Integer.toString(rank));
        row.add(f.code());
        row.add(SessionView.causeSummary(f.code()));
        row.add(f.severity().id());
        row.add(String.format(Locale.ROOT, "%.2f", f.confidence()));
        row.add(f.title());
        row.add(f.rule());
        row.add(f.provider());
        row.add(f.procedure().orElse(""));
        Optional<SessionView.ProcedureView> walked = f.procedure()
                .flatMap(id -> view.procedures().stream().filter(p -> p.id().equals(id)).findFirst());
        row.add(walked.map(SessionView.ProcedureView::title).orElse(""));
        row.add(walked.map(p -> Long.toString(p.count(StepState.WORKED))).orElse(""));
        row.add(walked.map(p -> Long.toString(p.count(StepState.DID_NOT_WORK))).orElse(""));
        row.add(f.evidence().stream()
                .map(e -> e.kind().name().toLowerCase(Locale.ROOT) + " " + e.subject() + ": " + e.detail())
                .collect(Collectors.joining("; ")));
    }

    private static List<String> pad(List<String> cells) {
        List<String> row = new ArrayList<>(cells);
        while (row.size() < COLUMNS.size()) {
            row.add("");
        }
        return row;
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /**
     * @param value any text
     * @return the text neutralised for spreadsheets and quoted for CSV when needed
     */
    public static String cell(String value) {
        String v = Text.line(value, MAX_CELL);
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
