package org.relaybench.session.batch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a batch input: CSV with a header row of {@link AccountColumns} or JSON Lines of the
 * {@code diagnose --account} form ({@link org.relaybench.session.AccountJson}), UTF-8.
 * <p>
 * The start of the input is looked at first: binary data (a NUL byte), a CSV header that names no
 * {@code email} column or an unknown column, or a JSON Lines file whose first line is not a JSON
 * object make the whole input unreadable ({@link BatchInputException}), before any record is returned.
 *
 * @since 0.1
 */
public final class BatchReaders {

    /** Longest cell of a CSV record and longest JSON line: a longer record is invalid, not read. */
    public static final int MAX_RECORD_CHARS = 64 * 1024;

    /** How much of the input's start is looked at to tell what it is. */
    static final int SNIFF = 64 * 1024;

    private BatchReaders() {
    }

    /**
     * @param in the input; the reader closes it
     * @param format the format, or empty to tell it from the first character ({@code {}: JSON Lines)
     * @return a reader positioned at the first record
     * @throws BatchInputException when the input is not of the format at all
     * @throws IOException when the input cannot be read
     */
    public static BatchReader open(InputStream in, Optional<BatchFormat> format) throws BatchInputException, IOException {
        Objects.requireNonNull(in, "in");
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF);
        buffered.mark(SNIFF);
        byte[] start = buffered.readNBytes(SNIFF);
        buffered.reset();
        int first = firstSignificant(start);
        for (byte b : start) {
            if (b == 0) {
                throw new BatchInputException("not a text file (it holds NUL bytes): neither CSV nor JSON Lines");
            }
        }
        BatchFormat f = format.orElse(first == '{' ? BatchFormat.JSONL : BatchFormat.CSV);
        try {
            if (f == BatchFormat.JSONL) {
                if (first >= 0 && first != '{') {
                    throw new BatchInputException("not JSON Lines: the first line is not a JSON object");
                }
                return new JsonLinesRecords(buffered);
            }
            return new CsvRecords(buffered);
        } catch (BatchInputException | IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }

    /** @return the first byte that is not a byte-order mark or white space, or -1 */
    private static int firstSignificant(byte[] start) {
        int i = 0;
        if (start.length >= 3 && (start[0] & 0xff) == 0xef && (start[1] & 0xff) == 0xbb && (start[2] & 0xff) == 0xbf) {
            i = 3;
        }
        for (; i < start.length; i++) {
            if (!Character.isWhitespace(start[i])) {
                return start[i] & 0xff;
            }
        }
        return -1;
    }
}
