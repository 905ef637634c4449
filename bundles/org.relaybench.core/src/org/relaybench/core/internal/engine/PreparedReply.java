package org.relaybench.core.internal.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

import org.relaybench.core.providers.KnownReply;

/**
 * A provider's known reply with a cheap pre-check: a literal that every match must contain, found
 * once when the catalog is indexed, so that most error texts are ruled out by one {@code contains}
 * on the lower-cased text instead of a case-insensitive regular-expression search.
 */
public final class PreparedReply {

    private final KnownReply reply;
    private final Optional<String> required;

    PreparedReply(KnownReply reply) {
        this.reply = reply;
        this.required = requiredLiteral(reply.pattern().pattern());
    }

    KnownReply reply() {
        return reply;
    }

    /**
     * @param text the error text
     * @param lower the same text in lower case (Locale.ROOT)
     * @return a matcher positioned on the first match, or empty
     */
    Optional<Matcher> find(String text, String lower) {
        if (required.isPresent() && !lower.contains(required.get())) {
            return Optional.empty();
        }
        Matcher m = reply.pattern().matcher(text);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /**
     * The longest run of literal characters that every match of the pattern contains: taken only
     * outside groups and classes, only when there is no alternation at all, and without characters
     * made optional by a following quantifier. Conservative by design: when in doubt, no literal.
     */
    public static Optional<String> requiredLiteral(String pattern) {
        if (pattern.indexOf('|') >= 0 || pattern.contains("\\Q") || pattern.contains("(?")) {
            return Optional.empty();
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            char literal = 0;
            boolean isLiteral = false;
            if (c == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                if (!Character.isLetterOrDigit(next)) { // \( \. \[ ... are literals; \d \s \b ... are not
                    literal = next;
                    isLiteral = true;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 2);
                i = close < 0 ? pattern.length() : close;
            } else if (c == '{') { // a counted quantifier {n,m}: its digits are not literals
                int close = pattern.indexOf('}', i + 1);
                i = close < 0 ? pattern.length() : close;
            } else if ("{.^$*+?".indexOf(c) < 0) {
                literal = c;
                isLiteral = true;
            }
            boolean optionalNext = i + 1 < pattern.length() && "?*{".indexOf(pattern.charAt(i + 1)) >= 0;
            if (isLiteral && depth == 0 && !optionalNext) {
                run.append(literal);
            } else {
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
            }
        }
        if (run.length() > best.length()) {
            best = run.toString();
        }
        return best.length() >= 3 ? Optional.of(best.toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
