package org.relaybench.core.internal.classify;

/** Cuts and escapes the excerpts shown to the agent as evidence. */
final class Excerpts {

    /** The longest excerpt a match carries. */
    static final int MAX = 200;

    private static final String ELLIPSIS = "...";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** How far back an excerpt may start before the words that decided it. */
    private static final int LEAD = 80;

    private Excerpts() {
    }

    /**
     * The excerpt for a decisive span: from the reply code that governs it (when close before it) or
     * else from the start of its sentence, to the end of its sentence, at most {@link #MAX} characters.
     *
     * @param text the text
     * @param start flat start of the decisive words
     * @param end flat end of the decisive words
     * @param codeStart flat start of the governing reply code, or -1
     * @return the escaped excerpt
     */
    static String around(FlatText text, int start, int end, int codeStart) {
        int from;
        if (codeStart >= 0 && codeStart <= start && start - codeStart <= 2 * LEAD) {
            from = codeStart;
        } else {
            from = sentenceStart(text, start);
        }
        int to = sentenceEnd(text, Math.max(end, from), from + 3 * MAX);
        return text.original(from, to, MAX);
    }

    private static int sentenceStart(FlatText text, int start) {
        int limit = Math.max(0, start - LEAD);
        for (int i = start; i > limit; i--) {
            if (text.isLineStart(i)) {
                return i;
            }
            if (i >= 2 && text.charAt(i - 1) == ' ' && isStop(text.charAt(i - 2))) {
                return i;
            }
        }
        return limit == 0 ? 0 : wordStart(text, limit);
    }

    private static int wordStart(FlatText text, int i) {
        int j = i;
        while (j < text.length() && text.charAt(j) != ' ' && j - i < 20) {
            j++;
        }
        return j < text.length() && text.charAt(j) == ' ' ? j + 1 : i;
    }

    private static int sentenceEnd(FlatText text, int end, int limit) {
        int n = Math.min(text.length(), limit);
        for (int i = end; i < n; i++) {
            if (i > end && text.isLineStart(i)) {
                return i - 1 >= end && text.charAt(i - 1) == ' ' ? i - 1 : i;
            }
            if (isStop(text.charAt(i)) && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i + 1;
            }
        }
        return n;
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    /**
     * Escapes control characters ({@code \r \n \t}, others as {@code \xNN}, line and paragraph
     * separators as {@code \u2028}) and cuts the result to {@code max} characters, marking a cut with
     * an ellipsis.
     *
     * @param s the text
     * @param from start, inclusive
     * @param to end, exclusive
     * @param max the longest result
     * @return the escaped text
     */
    static String escape(CharSequence s, int from, int to, int max) {
        if (to - from <= max && isPlain(s, from, to)) {
            return s.subSequence(from, to).toString();
        }
        StringBuilder b = new StringBuilder(Math.min(max, to - from) + 8);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            String esc = escapeOf(c);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1));
            int need = esc != null ? esc.length() : pair ? 2 : 1;
            boolean last = i + (pair ? 2 : 1) >= to;
            // keep room for the ellipsis unless this is the last character
            if (b.length() + need > max - (last ? 0 : ELLIPSIS.length())) {
                return b.append(ELLIPSIS).toString();
            }
            if (esc != null) {
                b.append(esc);
            } else if (pair) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isPlain(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static String escapeOf(char c) {
        switch (c) {
        case '\r':
            return "\\r";
        case '\n':
            return "\\n";
        case '\t':
            return "\\t";
        case '\u2028':
            return "\\u2028";
        case '\u2029':
            return "\\u2029";
        default:
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return new String(new char[] { '\\', 'x', HEX[c >> 4], HEX[c & 0xf] });
            }
            return null;
        }
    }
}
