package org.relaybench.cli.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.session.batch.BatchFormat;
import org.relaybench.session.batch.BatchResult;

/**
 * One result of {@code relaybench batch} as an output line. JSON Lines: {@code line}, {@code id},
 * {@code status}, then the {@code diagnose --json} form (or {@code error} for a record without
 * diagnosis), and {@code session} when logged. CSV: the columns of {@link #CSV_HEADER}. Made on the
 * worker threads; thread-safe.
 */
final class BatchOutput {

    /** The columns of the CSV output. */
    static final List<String> CSV_HEADER = List.of("line", "id", "status", "email", "provider", "severity", "findings",
            "top", "error", "session");

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    /** Procedure ids times clients seen in one run: a few hundred at most; a safety bound. */
    private static final int MAX_SHARED = 10_000;

    private final BatchFormat format;
    private final Map<String, Json.Raw> procedureJson = new ConcurrentHashMap<>();

    BatchOutput(BatchFormat format) {
        this.format = format;
    }

    /** @return the header line (with its line break), or empty for JSON Lines */
    String header() {
        return format == BatchFormat.CSV ? csv(CSV_HEADER) : "";
    }

    /**
     * @param r the result
     * @param session the session it was logged as, if logged
     * @return the output line with its line break
     */
    String line(BatchResult r, Optional<String> session) {
        if (format == BatchFormat.CSV) {
            Optional<Finding> top = r.diagnosis().flatMap(d -> d.diagnosis().findings().stream().findFirst());
            return csv(List.of(Long.toString(r.line()), r.id(), r.status().id(),
                    r.diagnosis().map(d -> d.diagnosis().account().email()).orElse(""),
                    r.diagnosis().flatMap(d -> d.diagnosis().provider()).map(ProviderDescriptor::id).orElse(""),
                    r.worst().map(Severity::id).orElse(""),
                    r.diagnosis().map(d -> d.diagnosis().findings().stream().map(Finding::code)
                            .collect(Collectors.joining(" "))).orElse(""),
                    top.map(Finding::title).orElse(""), r.reason(), session.orElse("")));
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("line", r.line());
        tree.put("id", r.id().isEmpty() ? null : r.id());
        tree.put("status", r.status().id());
        if (r.diagnosis().isPresent()) {
            tree.putAll(DiagnosisJson.tree(r.diagnosis().get().diagnosis(),
                    r.diagnosis().get().probe().map(ProbeJson::tree).orElse(null)));
            sharedProcedures(tree, r.diagnosis().get().diagnosis().account().client().toString());
        } else {
            tree.put("error", r.reason());
        }
        session.ifPresent(id -> tree.put("session", id));
        return Json.line(tree) + "\n";
    }

    /**
     * The procedures worded for a client are the same in every line that has them and about a third of
     * a line: each is written once per run and put into the lines as it is (keyed by id, client and
     * content, so two providers' procedures of one id stay apart).
     */
    @SuppressWarnings("unchecked")
    private void sharedProcedures(Map<String, Object> tree, String client) {
        Object value = tree.get("procedures");
        if (!(value instanceof Map<?, ?> procedures) || procedures.isEmpty() || procedureJson.size() > MAX_SHARED) {
            return;
        }
        Map<String, Object> shared = new LinkedHashMap<>();
        ((Map<String, Object>) procedures).forEach((id, procedure) -> shared.put(id,
                procedureJson.computeIfAbsent(id + '\u0000' + client + '\u0000' + procedure.hashCode(),
                        k -> new Json.Raw(Json.line(procedure)))));
        tree.put("procedures", shared);
    }

    private static String csv(List<String> values) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSV)) {
            p.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }
}
