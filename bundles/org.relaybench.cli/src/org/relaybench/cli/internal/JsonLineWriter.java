package org.relaybench.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one JSON value on one line straight into UTF-8 bytes, exactly as {@link Json#line} writes
 * the same tree (Gson without HTML escaping, nulls kept): the same separators, escapes and number
 * forms, byte for byte. For {@code relaybench batch}, which writes a million lines of several
 * kilobytes: no tree of maps, no reflection, no characters copied twice, and constant parts written
 * once and copied in as bytes ({@link #raw}).
 * <p>
 * Strings are escaped as Gson escapes them: {@code "} and {@code \}, the control characters (with
 * {@code \t \b \n \r \f} in short form, the others as a backslash, {@code u} and four hex digits),
 * U+2028 and U+2029 (in that form too); every other character is written as it is, in UTF-8, and a
 * lone surrogate as {@code ?} (as {@link String#getBytes} does). Reused: {@link #reset()} before each
 * value. Not thread-safe.
 */
public final class JsonLineWriter {

    /** A member name written once: {@code "name":} in UTF-8. */
    public static final class Name {
        private final byte[] bytes;

        private Name(byte[] bytes) {
            this.bytes = bytes;
        }

        /**
         * @param name a member name
         * @return it, escaped and encoded once
         */
        public static Name of(String name) {
            JsonLineWriter w = new JsonLineWriter();
            w.string(name);
            w.put((byte) ':');
            return new Name(w.toByteArray());
        }
    }

    /** The ASCII characters written as they are: all but the control characters, {@code "} and {@code \}. */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        for (char c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = { 'n', 'u', 'l', 'l' };
    private static final byte[] TRUE = { 't', 'r', 'u', 'e' };
    private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

    /**
     * Texts at least this long, and at most {@link #SHARED_MAX}, are looked up among those written
     * before ({@link #seen}): longer ones are rare and would hold memory (a record may be 4 MiB).
     */
    private static final int SHARED_LENGTH = 12;
    private static final int SHARED_MAX = 1024;
    private static final int SEEN = 512;

    private byte[] bytes = new byte[16 * 1024];
    /**
     * Texts written lately, by identity: many values of a line are the same objects in every line that
     * has them (what an error text read as, a rule's evidence, a provider's name, the kinds and codes),
     * and escaping and encoding a text again costs more than copying its bytes. Direct-mapped by identity
     * hash; a text's bytes are kept the second time it is seen, so that texts made for one line cost a
     * reference, and a text that came back lately is not pushed out by the next one seen once.
     */
    private final String[] seen = new String[SEEN];
    private final byte[][] encoded = new byte[SEEN][];
    /** Per place, how often its text came back lately: a text seen once does not push it out at once. */
    private final byte[] hits = new byte[SEEN];
    private static final int NUMBERS = 64;
    /** Numbers written lately, direct-mapped by their bits, with their text. */
    private final long[] numberBits = new long[NUMBERS];
    private final byte[][] numberText = new byte[NUMBERS][];
    private int size;
    private char[] chars = new char[1024];
    /** Per open object or array: whether nothing was written in it yet. Index 0 is the top level. */
    private boolean[] empty = new boolean[16];
    private int depth;
    /** A name was written: its value follows without a separator. */
    private boolean named;

    /**
     * @param json a JSON value as {@link Json#line} writes it
     * @return its UTF-8 bytes, to be {@linkplain #raw(byte[]) copied in}
     */
    public static byte[] fragment(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** @return this writer, emptied, for the next value */
    public JsonLineWriter reset() {
        size = 0;
        depth = 0;
        named = false;
        return this;
    }

    public JsonLineWriter beginObject() {
        beforeValue();
        put((byte) '{');
        push();
        return this;
    }

    public JsonLineWriter endObject() {
        pop();
        put((byte) '}');
        return this;
    }

    public JsonLineWriter beginArray() {
        beforeValue();
        put((byte) '[');
        push();
        return this;
    }

    public JsonLineWriter endArray() {
        pop();
        put((byte) ']');
        return this;
    }

    /** @return this writer, with the name of the next member written */
    public JsonLineWriter name(Name name) {
        beforeName();
        append(name.bytes, 0, name.bytes.length);
        named = true;
        return this;
    }

    /** @return this writer, with the name of the next member written (for names not known in advance) */
    public JsonLineWriter name(String name) {
        beforeName();
        string(name);
        put((byte) ':');
        named = true;
        return this;
    }

    /** @return this writer, with the string (or null) written */
    public JsonLineWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    public JsonLineWriter value(long value) {
        beforeValue();
        ascii(Long.toString(value));
        return this;
    }

    /**
     * @param value a finite number
     * @return this writer, with the number written as {@link Double#toString(double)} writes it
     * @throws IllegalArgumentException for NaN and the infinities, which JSON does not have
     */
    public JsonLineWriter value(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Numeric values must be finite, but was " + value);
        }
        beforeValue();
        // a few numbers recur (confidences): their text is kept, Double.toString costs more than a copy
        long bits = Double.doubleToRawLongBits(value);
        int slot = (int) (bits ^ bits >>> 29 ^ bits >>> 47) & (NUMBERS - 1);
        byte[] text = numberText[slot];
        if (text == null || numberBits[slot] != bits) {
            text = Double.toString(value).getBytes(StandardCharsets.US_ASCII);
            numberBits[slot] = bits;
            numberText[slot] = text;
        }
        append(text, 0, text.length);
        return this;
    }

    public JsonLineWriter value(boolean value) {
        beforeValue();
        byte[] b = value ? TRUE : FALSE;
        append(b, 0, b.length);
        return this;
    }

    public JsonLineWriter nullValue() {
        beforeValue();
        append(NULL, 0, NULL.length);
        return this;
    }

    /**
     * @param json one JSON value already written, in UTF-8 (see {@link #fragment})
     * @return this writer, with the value copied in as it is
     */
    public JsonLineWriter raw(byte[] json) {
        beforeValue();
        append(json, 0, json.length);
        return this;
    }

    /** @return this writer, with a line break after the value */
    public JsonLineWriter newline() {
        if (depth != 0) {
            throw new IllegalStateException("the value is not complete");
        }
        put((byte) '\n');
        return this;
    }

    /** @return a copy of what was written since the last {@link #reset()} */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** @return what was written since the last {@link #reset()}, as text */
    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private void beforeName() {
        if (depth == 0 || named) {
            throw new IllegalStateException("a name belongs in an object, before a value");
        }
        if (!empty[depth]) {
            put((byte) ',');
        }
        empty[depth] = false;
    }

    private void beforeValue() {
        if (named) {
            named = false;
        } else if (depth > 0) {
            if (!empty[depth]) {
                put((byte) ',');
            }
            empty[depth] = false;
        }
    }

    private void push() {
        if (++depth == empty.length) {
            empty = Arrays.copyOf(empty, empty.length * 2);
        }
        empty[depth] = true;
    }

    private void pop() {
        if (depth == 0 || named) {
            throw new IllegalStateException("nothing to close, or a name without its value");
        }
        depth--;
    }

    /** Writes text that is ASCII without characters to escape (numbers). */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
    }

    private void string(String s) {
        if (s.length() >= SHARED_LENGTH && s.length() <= SHARED_MAX) {
            int slot = System.identityHashCode(s) & (SEEN - 1);
            if (seen[slot] == s) {
                byte[] e = encoded[slot];
                if (e == null) {
                    int start = size;
                    encode(s);
                    encoded[slot] = Arrays.copyOfRange(bytes, start, size);
                } else {
                    append(e, 0, e.length);
                }
                if (hits[slot] < 3) {
                    hits[slot]++;
                }
                return;
            }
            if (hits[slot] > 0) {
                hits[slot]--; // the text there came back lately: it stays, this one is written as it is
            } else {
                seen[slot] = s;
                encoded[slot] = null;
            }
        }
        encode(s);
    }

    /** Writes the text as a JSON string, quoted and escaped, in UTF-8. */
    private void encode(String s) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        s.getChars(0, n, chars, 0);
        ensure(2 + 6 * n); // at most six bytes a character (an escape); a surrogate pair takes four for two
        char[] c = chars;
        byte[] b = bytes;
        int p = size;
        b[p++] = '"';
        int plain = 0; // most text is ASCII without anything to escape: that run first, in a tight loop
        while (plain < n && c[plain] < 0x80 && PLAIN[c[plain]]) {
            b[p + plain] = (byte) c[plain];
            plain++;
        }
        p += plain;
        for (int i = plain; i < n; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                if (ch >= 0x20 && ch != '"' && ch != '\\') {
                    b[p++] = (byte) ch;
                } else {
                    p = escape(b, p, ch);
                }
            } else if (ch < 0x800) {
                b[p++] = (byte) (0xc0 | ch >> 6);
                b[p++] = (byte) (0x80 | ch & 0x3f);
            } else if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
                    int cp = Character.toCodePoint(ch, c[++i]);
                    b[p++] = (byte) (0xf0 | cp >> 18);
                    b[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[p++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    b[p++] = '?'; // as String.getBytes(UTF_8) writes a lone surrogate
                }
            } else if (ch == '\u2028' || ch == '\u2029') {
                p = unicodeEscape(b, p, ch);
            } else {
                b[p++] = (byte) (0xe0 | ch >> 12);
                b[p++] = (byte) (0x80 | ch >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | ch & 0x3f);
            }
        }
        b[p++] = '"';
        size = p;
    }

    private static int escape(byte[] b, int p, char ch) {
        char shortForm = switch (ch) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\f' -> 'f';
            default -> 0;
        };
        if (shortForm == 0) {
            return unicodeEscape(b, p, ch);
        }
        b[p++] = '\\';
        b[p++] = (byte) shortForm;
        return p;
    }

    private static int unicodeEscape(byte[] b, int p, char ch) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[ch >> 12 & 0xf];
        b[p++] = HEX[ch >> 8 & 0xf];
        b[p++] = HEX[ch >> 4 & 0xf];
        b[p++] = HEX[ch & 0xf];
        return p;
    }

    private void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    private void append(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    private void ensure(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
