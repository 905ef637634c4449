package org.relaybench.session.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.FilterReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180, UTF-8) read with Apache Commons CSV. The header row must name {@code email} and
 * only {@link AccountColumns}. A record whose quoting is broken is one invalid record, and reading
 * goes on at the next line; a quote left open runs to the end of the input, so it ends the records.
 * Bytes that are not UTF-8 are decoded as U+FFFD, which makes their record invalid.
 */
final class CsvRecords implements BatchReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final char REPLACEMENT = '\uFFFD';

    /**
     * Characters one record may span before reading stops: Commons CSV holds a record whole, so a quote
     * left open in a huge file must not fill the heap. Counted from the end of the record before,
     * including what the parser reads ahead, so it is generous.
     */
    static final int MAX_RECORD_SPAN = 4 * 1024 * 1024;

    /** The input ran on for more than {@link #MAX_RECORD_SPAN} characters within one record. */
    private static final class RecordTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLong() {
            super("a record longer than " + MAX_RECORD_SPAN / (1024 * 1024) + " MiB");
        }
    }

    /** Counts the characters read since the last record ended. */
    private static final class Span extends FilterReader {
        private long count;

        Span(Reader in) {
            super(in);
        }

        void reset(long keep) {
            count = keep;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            add(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            add(Math.max(0, n));
            return n;
        }

        private void add(int n) throws IOException {
            count += n;
            if (count > MAX_RECORD_SPAN) {
                throw new RecordTooLong();
            }
        }
    }

    private final Span span;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private long ordinal;
    private long errorLine = -1;
    private boolean ended;

    CsvRecords(InputStream in) throws IOException, BatchInputException {
        span = new Span(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        parser = FORMAT.parse(span);
        records = parser.iterator();
        CSVRecord header;
        try {
            if (!records.hasNext()) {
                throw new BatchInputException("not CSV: there is no header row");
            }
            header = records.next();
        } catch (UncheckedIOException e) {
            throw new BatchInputException("not CSV: the header row cannot be read: " + e.getCause().getMessage());
        }
        columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String shown = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
            String name = AccountColumns.column(raw).orElseThrow(() -> new BatchInputException(
                    "not a CSV file of accounts: unknown column '" + shown + "' in the header row; the columns are "
                            + String.join(", ", AccountColumns.NAMES)));
            if (index.put(name, i) != null) {
                throw new BatchInputException("the header row names column '" + name + "' twice");
            }
            columns.add(name);
        }
        if (!index.containsKey("email")) {
            throw new BatchInputException("not a CSV file of accounts: the header row has no 'email' column");
        }
    }

    @Override
    public BatchFormat format() {
        return BatchFormat.CSV;
    }

    @Override
    public Optional<BatchRecord> next() throws IOException {
        while (!ended) {
            long start = parser.getCurrentLineNumber() + 1;
            CSVRecord r;
            try {
                if (!records.hasNext()) {
                    ended = true;
                    return Optional.empty();
                }
                r = records.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof RecordTooLong tooLong) {
                    ended = true; // the parser cannot go on from the middle of a record
                    return Optional.of(BatchRecord.invalid(start, ordinal++, "", tooLong.getMessage()
                            + " (a quote left open?): it and the rest of the input are not read"));
                }
                if (!(e.getCause() instanceof CSVException problem)) {
                    throw e.getCause();
                }
                String message = problem.getMessage();
                if (message != null && message.contains("EOF reached before encapsulated token finished")) {
                    ended = true; // an open quote swallowed the rest of the input
                    message = "a quoted value is not closed before the end of the input";
                }
                errorLine = parser.getCurrentLineNumber();
                return Optional.of(BatchRecord.invalid(start, ordinal++, "", "not valid CSV: " + message));
            }
            span.reset(0); // read-ahead of the next record counts towards it: the limit is generous
            if (parser.getCurrentLineNumber() <= errorLine) {
                continue; // the rest of a line whose quoting was broken: already reported
            }
            return Optional.of(record(start, ordinal++, r));
        }
        return Optional.empty();
    }

    private BatchRecord record(long line, long n, CSVRecord r) {
        String id = index.containsKey(AccountColumns.ID) && r.size() > index.get(AccountColumns.ID)
                ? r.get(index.get(AccountColumns.ID))
                : "";
        if (id.length() > 256) {
            id = "";
        }
        if (r.size() == 1 && r.get(0).isEmpty() && columns.size() > 1) {
            return BatchRecord.invalid(line, n, "", "empty line");
        }
        if (r.size() != columns.size()) {
            return BatchRecord.invalid(line, n, id,
                    "wrong column count: " + r.size() + " values, the header row has " + columns.size());
        }
        for (int i = 0; i < r.size(); i++) {
            String v = r.get(i);
            if (v.length() > BatchReaders.MAX_RECORD_CHARS) {
                return BatchRecord.invalid(line, n, id,
                        "column " + columns.get(i) + " is longer than " + BatchReaders.MAX_RECORD_CHARS + " characters");
            }
            if (v.indexOf(REPLACEMENT) >= 0) {
                return BatchRecord.invalid(line, n, id, "bad encoding: column " + columns.get(i) + " is not UTF-8");
            }
        }
        String[] values = r.values();
        String recordId = id;
        return BatchRecord.of(line, n, () -> {
            try {
                return BatchRecord.Content.of(recordId, AccountColumns.fields(name -> {
                    Integer i = index.get(name);
                    return i == null ? null : values[i];
                }));
            } catch (IllegalArgumentException e) {
                return BatchRecord.Content.invalid(recordId, e.getMessage());
            }
        });
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
