package org.relaybench.cli.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.batch.BatchFormat;
import org.relaybench.session.batch.BatchResult;

/**
 * One result of {@code relaybench batch} as an output line. JSON Lines: {@code line}, {@code id},
 * {@code status}, then the {@code diagnose --json} form (or {@code error} for a record without
 * diagnosis), and {@code session} when logged; written straight into UTF-8 bytes, byte for byte as
 * {@link Json#line} writes the tree of {@link DiagnosisJson#tree}. CSV: the columns of
 * {@link #CSV_HEADER}. Made on the worker threads; thread-safe.
 */
final class BatchOutput {

    /** The columns of the CSV output. */
    static final List<String> CSV_HEADER = List.of("line", "id", "status", "email", "provider", "severity", "findings",
            "top", "error", "session");

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    /** Procedures times clients seen in one run: a few hundred at most; a safety bound. */
    static final int MAX_SHARED = 10_000;

    private static final JsonLineWriter.Name LINE = JsonLineWriter.Name.of("line");
    private static final JsonLineWriter.Name ID = JsonLineWriter.Name.of("id");
    private static final JsonLineWriter.Name STATUS = JsonLineWriter.Name.of("status");
    private static final JsonLineWriter.Name ERROR = JsonLineWriter.Name.of("error");
    private static final JsonLineWriter.Name SESSION = JsonLineWriter.Name.of("session");

    /**
     * A procedure worded for a client. The procedure is compared by identity: it is an immutable value
     * of the provider catalog, the same object in every diagnosis while the catalog is unchanged; a
     * procedure made anew (a catalog reloaded) is another key, never a stale one.
     */
    private record Worded(Procedure procedure, ClientInfo client) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Worded w && w.procedure == procedure && w.client.equals(client);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(procedure) * 31 + client.hashCode();
        }
    }

    private final BatchFormat format;
    /**
     * The procedures worded for a client are the same in every line that has them and about a third of
     * a line: each is written once per run and copied into the lines as bytes.
     */
    private final Map<Worded, byte[]> procedures = new ConcurrentHashMap<>();
    private final ThreadLocal<JsonLineWriter> writers = ThreadLocal.withInitial(JsonLineWriter::new);

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
     * @return the output line with its line break, in UTF-8
     */
    byte[] line(BatchResult r, Optional<String> session) {
        if (format == BatchFormat.CSV) {
            Optional<Finding> top = r.diagnosis().flatMap(d -> d.diagnosis().findings().stream().findFirst());
            return csv(List.of(Long.toString(r.line()), r.id(), r.status().id(),
                    r.diagnosis().map(d -> d.diagnosis().account().email()).orElse(""),
                    r.diagnosis().flatMap(d -> d.diagnosis().provider()).map(ProviderDescriptor::id).orElse(""),
                    r.worst().map(Severity::id).orElse(""),
                    r.diagnosis().map(d -> d.diagnosis().findings().stream().map(Finding::code)
                            .collect(Collectors.joining(" "))).orElse(""),
                    top.map(Finding::title).orElse(""), r.reason(), session.orElse(""))).getBytes(StandardCharsets.UTF_8);
        }
        JsonLineWriter w = writers.get().reset();
        w.beginObject();
        w.name(LINE).value(r.line());
        w.name(ID).value(r.id().isEmpty() ? null : r.id());
        w.name(STATUS).value(r.status().id());
        if (r.diagnosis().isPresent()) {
            DiagnosisResult d = r.diagnosis().get();
            byte[] probe = d.probe().map(p -> JsonLineWriter.fragment(Json.line(ProbeJson.tree(p)))).orElse(null);
            DiagnosisJson.write(w, d.diagnosis(), probe, this::procedure);
        } else {
            w.name(ERROR).value(r.reason());
        }
        if (session.isPresent()) {
            w.name(SESSION).value(session.get());
        }
        return w.endObject().newline().toByteArray();
    }

    private void procedure(JsonLineWriter w, Procedure p, ClientInfo client) {
        Worded key = new Worded(p, client);
        byte[] json = procedures.get(key);
        if (json == null) {
            JsonLineWriter once = new JsonLineWriter();
            DiagnosisJson.PROCEDURE.write(once, p, client);
            json = once.toByteArray();
            if (procedures.size() < MAX_SHARED) {
                procedures.putIfAbsent(key, json);
            }
        }
        w.raw(json);
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
