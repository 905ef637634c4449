package org.relaybench.core.internal.classify;

import java.util.Arrays;

/**
 * The text as the rules read it: at most {@link #MAX_CHARS} characters of the input, lower-cased,
 * every run of white space and control characters folded into one space, typographic quotes made
 * straight, zero-width characters dropped. It remembers where each of its characters came from in
 * the input, so that excerpts are cut from the original text, and where the input's lines began,
 * so that reply codes can be told from other numbers.
 * <p>
 * Instances are created per call and never shared between threads.
 */
final class FlatText {

    /** How much of the input is examined; error texts and replies are short, bounces put the reply first. */
    static final int MAX_CHARS = 8 * 1024;

    private final String original;
    private final String flat;
    private final char[] chars;
    /** Where each flat character came from in the input; null while that is its own position (most texts). */
    private final int[] origin;
    /** Flat positions where a line of the input began, ascending (position 0 not included). */
    private final int[] lineStarts;

    private FlatText(String original, char[] chars, int length, int[] origin, int[] lineStarts) {
        this.original = original;
        this.chars = chars;
        this.flat = new String(chars, 0, length);
        this.origin = origin;
        this.lineStarts = lineStarts;
    }

    /**
     * @param text the input, not null
     * @return its flat form
     */
    static FlatText of(String text) {
        String s = cap(text);
        int n = s.length();
        char[] out = new char[n];
        int[] map = null; // made when a flat position first differs from its input position
        int[] starts = new int[8];
        int lines = 0;
        int k = 0;
        boolean space = false;
        boolean lineBreak = false;
        int spaceAt = 0;
        int continued = -1; // the reply code of a "ddd-" line the next line continues, else -1
        boolean lineHead = true; // no visible character of the current input line seen yet
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char folded;
            if (lineHead && c > ' ' && !isBlank(c)) {
                lineHead = false;
                // a multi-line reply: "550-5.1.1 text", "550-5.1.1 more text", "550 5.1.1 end"; the prefixes of the
                // continuation lines are dropped so that phrases broken across lines read as one
                int code = c >= '2' && c <= '5' ? replyPrefix(s, i) : -1;
                boolean more = code >= 0 && s.charAt(i + 3) == '-';
                if (code >= 0 && code == continued && k > 0) {
                    continued = more ? code : -1;
                    if (!space) {
                        spaceAt = i;
                    }
                    space = true;
                    i = prefixEnd(s, i) - 1;
                    continue;
                }
                continued = more ? code : -1;
            }
            if (c > ' ' && c < 0x7f && c != '`') {
                // printable ASCII, by far the most common: no table look-ups
                folded = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            } else if (c == ' ' || isLineBreak(c) || isBlank(c)) {
                if (!space) {
                    spaceAt = i;
                }
                space = true;
                if (isLineBreak(c)) {
                    lineBreak = true;
                    lineHead = true;
                }
                continue;
            } else if (isInvisible(c)) {
                continue;
            } else {
                folded = fold(c);
            }
            if (space) {
                if (k > 0) {
                    out[k] = ' ';
                    map = origin(map, k, spaceAt, n);
                    k++;
                }
                if (lineBreak && k > 0) {
                    if (lines == starts.length) {
                        starts = Arrays.copyOf(starts, lines * 2);
                    }
                    starts[lines++] = k;
                }
                space = false;
                lineBreak = false;
            }
            out[k] = folded;
            map = origin(map, k, i, n);
            k++;
        }
        return new FlatText(s, out, k, map, Arrays.copyOf(starts, lines));
    }

    /**
     * Records that flat position k came from input position i.
     *
     * @param map the positions so far, or null while each was its own
     * @return the positions, made now if this is the first that differs
     */
    private static int[] origin(int[] map, int k, int i, int n) {
        if (map == null) {
            if (k == i) {
                return null;
            }
            map = new int[n];
            for (int j = 0; j < k; j++) {
                map[j] = j;
            }
        }
        map[k] = i;
        return map;
    }

    /** @return the reply code of a "ddd-" or "ddd " prefix at i, or -1 */
    private static int replyPrefix(String s, int i) {
        if (i + 4 > s.length() || !isDigit(s.charAt(i + 1)) || !isDigit(s.charAt(i + 2))
                || s.charAt(i + 3) != '-' && s.charAt(i + 3) != ' ') {
            return -1;
        }
        return (s.charAt(i) - '0') * 100 + (s.charAt(i + 1) - '0') * 10 + (s.charAt(i + 2) - '0');
    }

    /** @return where the prefix at i ends: after "ddd-" or "ddd ", and after an enhanced code that follows */
    private static int prefixEnd(String s, int i) {
        int j = i + 4;
        int k = j;
        if (k < s.length() && s.charAt(k) >= '2' && s.charAt(k) <= '5' && k + 1 < s.length() && s.charAt(k + 1) == '.') {
            k += 2;
            int dots = 1;
            while (k < s.length() && (isDigit(s.charAt(k)) || s.charAt(k) == '.' && dots++ < 2)) {
                k++;
            }
            if (dots == 2 && (k == s.length() || s.charAt(k) == ' ' || isLineBreak(s.charAt(k)))) {
                j = k;
            }
        }
        return j;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String cap(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isBlank(char c) {
        return c <= ' ' || c == '\u007f' || (c >= '\u0080' && c <= '\u00a0') || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
    }

    private static boolean isInvisible(char c) {
        return c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
    }

    private static char fold(char c) {
        switch (c) {
        case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`', '\u00b4':
            return '\'';
        case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033':
            return '"';
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014':
            return '-';
        default:
            return Character.toLowerCase(c);
        }
    }

    /** @return the flat, lower-case form the rules match */
    String flat() {
        return flat;
    }

    /** @return the flat text's characters; the first {@link #length()} are valid; never to be changed */
    char[] chars() {
        return chars;
    }

    int length() {
        return flat.length();
    }

    char charAt(int i) {
        return chars[i];
    }

    /** @return whether flat position {@code i} began a line of the input (position 0 does) */
    boolean isLineStart(int i) {
        if (i == 0) {
            return true;
        }
        for (int p : lineStarts) {
            if (p >= i) {
                return p == i;
            }
        }
        return false;
    }

    /** @return whether a line of the input began strictly after {@code from} and at or before {@code to} */
    boolean hasLineStartBetween(int from, int to) {
        for (int p : lineStarts) {
            if (p > from) {
                return p <= to;
            }
        }
        return false;
    }

    /**
     * @param start flat start, inclusive
     * @param end flat end, exclusive
     * @return the original characters behind that flat span, control characters escaped, at most
     *         {@code max} characters
     */
    String original(int start, int end, int max) {
        if (start >= end) {
            return "";
        }
        int from = origin == null ? start : origin[start];
        int to = (origin == null ? end - 1 : origin[end - 1]) + 1;
        return Excerpts.escape(original, from, to, max);
    }
}
