package org.relaybench.core.internal.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the SMTP reply codes (RFC 5321, {@code 2xx}..{@code 5xx}) and enhanced status codes
 * (RFC 3463, {@code class.subject.detail}) in a text, by one hand-written pass (no regular
 * expression, so no backtracking). A number counts only where a reply would stand: at the start of
 * a line, after a quote, bracket, {@code #}, {@code ;} or {@code :}, after words such as
 * "responded" or "error", or right before an enhanced code of the same class. So "Port: 587", an
 * IP address or "Exim 4.94.2" are not taken for codes.
 */
final class ReplyCodes {

    /**
     * One reply found: a reply code, an enhanced status code, or a reply code followed closely by
     * its enhanced code.
     *
     * @param start flat position where it starts
     * @param reply the reply code, or -1
     * @param enhanced the enhanced status code, or null
     */
    record Code(int start, int reply, String enhanced) {

        int replyClass() {
            return reply >= 0 ? reply / 100 : enhanced != null ? enhanced.charAt(0) - '0' : -1;
        }

        /** @return the code as the agent reads it, e.g. {@code 554 5.7.1} */
        String label() {
            if (reply >= 0 && enhanced != null) {
                return reply + " " + enhanced;
            }
            return reply >= 0 ? Integer.toString(reply) : enhanced;
        }
    }

    /** Words after which a three-digit number is taken for a reply code. */
    private static final Set<String> LEADS = Set.of("responded", "response", "said", "says", "reply", "replied",
            "returned", "answered", "error", "code", "status", "smtp", "esmtp", "server", "with", "was", "failed",
            "rejected", "exception", "refused", "denied", "result");
    /** Words before a colon after which a number is not a reply code. */
    private static final Set<String> NOT_LEADS = Set.of("port", "ports", "number", "id", "size", "line", "pid",
            "uid", "length", "limit", "timeout", "bytes", "count", "attempt", "attempts", "time");
    /** How many codes are kept; a reply has a handful, anything beyond is noise. */
    private static final int MAX_CODES = 64;
    /** How far after a reply code its enhanced code may stand ("550-5.7.1", "535, b'5.7.8"). */
    private static final int PAIR_GAP = 6;

    private ReplyCodes() {
    }

    /**
     * @param text the text
     * @return the codes in text order, reply codes merged with the enhanced code right after them
     */
    static List<Code> scan(FlatText text) {
        List<Code> raw = new ArrayList<>();
        char[] chars = text.chars();
        int n = text.length();
        for (int i = 0; i < n && raw.size() < MAX_CODES; i++) {
            char c = chars[i];
            if (c < '2' || c > '5' || i + 2 >= n || (i > 0 && isWordChar(chars[i - 1]))) {
                continue;
            }
            char second = chars[i + 1];
            int enhancedEnd = second == '.' ? enhancedEnd(text, i) : -1;
            if (enhancedEnd > 0) {
                if (enhancedContext(text, i, raw)) {
                    raw.add(new Code(i, -1, text.flat().substring(i, enhancedEnd)));
                }
                i = enhancedEnd - 1;
                continue;
            }
            int reply = isDigit(second) ? replyAt(text, i) : -1;
            if (reply > 0) {
                if (replyContext(text, i) || enhancedFollows(text, i + 3, c)) {
                    raw.add(new Code(i, reply, null));
                }
                i += 2;
            }
        }
        return merge(raw, text);
    }

    private static List<Code> merge(List<Code> raw, FlatText text) {
        List<Code> codes = new ArrayList<>(raw.size());
        for (int k = 0; k < raw.size(); k++) {
            Code c = raw.get(k);
            if (c.reply() >= 0 && k + 1 < raw.size()) {
                Code next = raw.get(k + 1);
                if (next.reply() < 0 && next.start() - c.start() <= 3 + PAIR_GAP
                        && next.enhanced().charAt(0) - '0' == c.reply() / 100
                        && !text.hasLineStartBetween(c.start(), next.start())) {
                    codes.add(new Code(c.start(), c.reply(), next.enhanced()));
                    k++;
                    continue;
                }
            }
            codes.add(c);
        }
        return codes;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '/' || c == '@';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** @return the end of an enhanced code {@code [245].\d{1,3}.\d{1,3}} at i, or -1 */
    private static int enhancedEnd(FlatText text, int i) {
        char c = text.charAt(i);
        if (c != '2' && c != '4' && c != '5') {
            return -1;
        }
        int j = i + 1;
        int subjectEnd = digitsAfterDot(text, j);
        if (subjectEnd < 0 || subjectEnd - j - 1 > 1 && text.charAt(j + 1) == '0') {
            return -1;
        }
        int subject = 0;
        for (int d = j + 1; d < subjectEnd; d++) {
            subject = subject * 10 + text.charAt(d) - '0';
        }
        if (subject > 7) {
            return -1;
        }
        int detailEnd = digitsAfterDot(text, subjectEnd);
        if (detailEnd < 0) {
            return -1;
        }
        // a fourth number (IP address, version) or a letter glued on means it is not a status code
        if (detailEnd < text.length()) {
            char d = text.charAt(detailEnd);
            if ((d >= 'a' && d <= 'z') || d == '_' || d == '@' || d == '-' && detailEnd + 1 < text.length()
                    && isDigit(text.charAt(detailEnd + 1))) {
                return -1;
            }
            if (d == '.' && detailEnd + 1 < text.length() && isDigit(text.charAt(detailEnd + 1))) {
                return -1;
            }
        }
        return detailEnd;
    }

    private static int digitsAfterDot(FlatText text, int j) {
        if (j >= text.length() || text.charAt(j) != '.') {
            return -1;
        }
        int k = j + 1;
        while (k < text.length() && k - j <= 3 && isDigit(text.charAt(k))) {
            k++;
        }
        if (k == j + 1 || (k < text.length() && isDigit(text.charAt(k)))) {
            return -1;
        }
        return k;
    }

    /** @return the reply code value at i (three digits, then no further digit, letter or ".digit"), or -1 */
    private static int replyAt(FlatText text, int i) {
        int n = text.length();
        if (i + 3 > n || !isDigit(text.charAt(i + 1)) || !isDigit(text.charAt(i + 2))) {
            return -1;
        }
        if (i + 3 < n) {
            char d = text.charAt(i + 3);
            if (isDigit(d) || (d >= 'a' && d <= 'z') || d == '_' || d == '@' || d == '/') {
                return -1;
            }
            if ((d == '.' || d == ',' || d == ':') && i + 4 < n && isDigit(text.charAt(i + 4))) {
                return -1;
            }
        }
        return (text.charAt(i) - '0') * 100 + (text.charAt(i + 1) - '0') * 10 + (text.charAt(i + 2) - '0');
    }

    private static boolean enhancedFollows(FlatText text, int from, char replyClass) {
        for (int j = from; j < text.length() && j <= from + PAIR_GAP; j++) {
            char c = text.charAt(j);
            if (c == replyClass && enhancedEnd(text, j) > 0) {
                return j == 0 || !isWordChar(text.charAt(j - 1));
            }
            if (isDigit(c) || (c >= 'a' && c <= 'z' && c != 'b')) {
                return false;
            }
        }
        return false;
    }

    private static boolean replyContext(FlatText text, int i) {
        if (text.isLineStart(i)) {
            return true;
        }
        if (text.charAt(i - 1) == ':') {
            return false; // "host:465", "10:55:21": replies stand after ": ", never glued to the colon
        }
        int j = i - 1;
        int skipped = 0;
        boolean colon = false;
        while (j >= 0 && skipped < 4) {
            char c = text.charAt(j);
            if (c == ' ') {
                if (text.isLineStart(j + 1) && j + 1 < i) {
                    return true;
                }
            } else if (c == '\'' || c == '"' || c == '(' || c == '[' || c == '<' || c == '#' || c == ';'
                    || c == '=' || c == '{') {
                return true;
            } else if (c == ':') {
                colon = true;
            } else {
                break;
            }
            j--;
            skipped++;
        }
        if (j < 0) {
            return true;
        }
        if (text.isLineStart(j + 1) && j + 1 < i) {
            return true;
        }
        String word = wordBefore(text, j);
        if (colon) {
            return !NOT_LEADS.contains(word) && !word.isEmpty();
        }
        return LEADS.contains(word);
    }

    private static boolean enhancedContext(FlatText text, int i, List<Code> found) {
        if (!found.isEmpty()) {
            Code last = found.get(found.size() - 1);
            if (last.reply() >= 0 && i - last.start() <= 3 + PAIR_GAP) {
                return true;
            }
        }
        return replyContext(text, i);
    }

    private static String wordBefore(FlatText text, int end) {
        int j = end;
        while (j >= 0 && text.charAt(j) >= 'a' && text.charAt(j) <= 'z' && end - j < 24) {
            j--;
        }
        return text.flat().substring(j + 1, end + 1);
    }
}
