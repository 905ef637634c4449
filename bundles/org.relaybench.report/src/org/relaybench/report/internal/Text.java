package org.relaybench.report.internal;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

/**
 * Neutralises hostile text: every string from a customer, an agent or a server passes through here
 * before any writer escapes it for its format.
 */
public final class Text {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Text() {
    }

    /**
     * Removes what no report should carry: C0 and C1 control characters except line feeds (a carriage
     * return and the Unicode line and paragraph separators become a line feed, a tab a space), bidirectional overrides and isolates (which can
     * make text read differently from what it is), and unpaired surrogates (replaced by U+FFFD).
     *
     * @param s any text, may be null
     * @return the cleaned text, never null
     */
    public static String clean(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    continue;
                }
                b.append('\n');
            } else if (c == '\n' || c == '\u2028' || c == '\u2029') {
                b.append('\n');
            } else if (c == '\t') {
                b.append(' ');
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c) || c == '\ufeff') {
                continue;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    b.append(c).append(s.charAt(++i));
                } else {
                    b.append('\ufffd');
                }
            } else if (Character.isLowSurrogate(c) || c == '\ufffe' || c == '\uffff') {
                b.append('\ufffd');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f'
                || c == '\u061c';
    }

    /**
     * @param s any text, may be null
     * @return the text {@linkplain #clean(String) cleaned}, on one line, runs of white space made one
     *         space, trimmed
     */
    public static String line(String s) {
        return clean(s).replaceAll("\\s+", " ").trim();
    }

    /**
     * Cuts text longer than {@code max} characters, never inside a surrogate pair, and says so
     * visibly at the end.
     *
     * @param s cleaned text
     * @param max the most characters kept
     * @return the text, or its first {@code max} characters and a mark with the full length
     */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + NLS.bind(Messages.Text_cut, number(s.length()));
    }

    /**
     * @param s any text
     * @param max the most characters kept
     * @return {@link #line(String)} then {@link #cut(String, int)}
     */
    public static String line(String s, int max) {
        return cut(line(s), max);
    }

    /**
     * @param s any text
     * @param max the most characters kept
     * @return {@link #clean(String)} then {@link #cut(String, int)}
     */
    public static String block(String s, int max) {
        return cut(clean(s).strip(), max);
    }

    /**
     * Escapes for HTML and XML text and attribute values.
     *
     * @param s cleaned text
     * @return the text with {@code & < > " '} replaced by character references
     */
    public static String markup(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
            case '&' -> b.append("&amp;");
            case '<' -> b.append("&lt;");
            case '>' -> b.append("&gt;");
            case '"' -> b.append("&quot;");
            case '\'' -> b.append("&#39;");
            default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * @param n a count
     * @return the count with thousands separators, e.g. {@code 1,048,576}
     */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    /**
     * @param confidence between 0 and 1
     * @return a whole percentage, e.g. {@code 87%}
     */
    public static String percent(double confidence) {
        return Math.round(confidence * 100) + "%";
    }

    /**
     * @param at an instant
     * @return e.g. {@code 2026-03-02 14:05 UTC}
     */
    public static String when(Instant at) {
        return WHEN.format(at);
    }

    /**
     * @param d a duration
     * @return e.g. {@code 45 s}, {@code 12 min}, {@code 3 h 05 min}, {@code 2 d 4 h}, {@code 2 d}
     */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + " min";
        }
        long h = m / 60;
        if (h < 48) {
            return String.format(Locale.ROOT, "%d h %02d min", h, m % 60);
        }
        return h % 24 == 0 ? h / 24 + " d" : String.format(Locale.ROOT, "%d d %d h", h / 24, h % 24);
    }
}
