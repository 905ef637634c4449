package org.relaybench.session.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.relaybench.session.AccountJson;
import org.relaybench.session.internal.JsonErrors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * JSON Lines: one record per line, split here on bytes so that an over-long line is skipped without
 * being held, and a line that is not UTF-8 is one invalid record. The JSON is parsed by
 * {@link BatchRecord#read()}, on the diagnosing thread.
 */
final class JsonLinesRecords implements BatchReader {

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[1024];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long lineNumber;
    private long ordinal;

    JsonLinesRecords(InputStream in) {
        this.in = in;
    }

    @Override
    public BatchFormat format() {
        return BatchFormat.JSONL;
    }

    @Override
    public Optional<BatchRecord> next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    break;
                }
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (length < BatchReaders.MAX_RECORD_CHARS * 4 + 1) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = b;
            } else {
                tooLong = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        long at = ++lineNumber;
        long n = ordinal++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int from = 0;
        if (at == 1 && length >= 3 && (line[0] & 0xff) == 0xef && (line[1] & 0xff) == 0xbb && (line[2] & 0xff) == 0xbf) {
            from = 3; // a byte-order mark
        }
        String text;
        try {
            text = utf8.reset().decode(ByteBuffer.wrap(line, from, length - from)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(BatchRecord.invalid(at, n, "", "bad encoding: the line is not UTF-8"));
        } finally {
            if (line.length > 64 * 1024) {
                line = new byte[1024]; // do not keep a buffer sized for one long line
            }
        }
        if (tooLong || text.length() > BatchReaders.MAX_RECORD_CHARS) {
            return Optional.of(BatchRecord.invalid(at, n, "",
                    "the line is longer than " + BatchReaders.MAX_RECORD_CHARS + " characters"));
        }
        if (text.isBlank()) {
            return Optional.of(BatchRecord.invalid(at, n, "", "empty line"));
        }
        return Optional.of(BatchRecord.of(at, n, () -> read(text)));
    }

    private static BatchRecord.Content read(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException | StackOverflowError e) {
            return BatchRecord.Content.invalid("", "not valid JSON: " + JsonErrors.describe(e));
        }
        String id = "";
        if (root.isJsonObject()) {
            JsonElement e = ((JsonObject) root).get(AccountColumns.ID);
            if (e != null && e.isJsonPrimitive()) {
                id = e.getAsString();
            }
        }
        try {
            return BatchRecord.Content.of(id, AccountJson.read(text));
        } catch (IllegalArgumentException e) {
            return BatchRecord.Content.invalid(id, e.getMessage());
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            eof = true;
            return false;
        }
        position = 0;
        limit = n;
        return n > 0 || fill();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
