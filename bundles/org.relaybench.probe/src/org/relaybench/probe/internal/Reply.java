package org.relaybench.probe.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP reply (RFC 5321 4.2): a three-digit code and one or more lines of text, already escaped.
 *
 * @param code the reply code
 * @param lines the text of each line, without the code and separator
 */
public record Reply(int code, List<String> lines) {

    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    public Reply {
        lines = List.copyOf(lines);
    }

    /** @return whether the code is 2xx */
    public boolean positive() {
        return code / 100 == 2;
    }

    /** @return the text of all lines, joined by spaces */
    public String text() {
        return String.join(" ", lines);
    }

    /** @return the enhanced status code (RFC 3463) of the first line, when there is one */
    public Optional<String> enhanced() {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = ENHANCED.matcher(lines.get(0));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** @return the reply as one line: code and text, the way agents quote it */
    public String shown() {
        String text = text();
        return text.isEmpty() ? Integer.toString(code) : code + " " + text;
    }

    /**
     * @param words lower-case phrases
     * @return whether the text contains any of them, ignoring case
     */
    public boolean says(String... words) {
        String lower = text().toLowerCase(java.util.Locale.ROOT);
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
