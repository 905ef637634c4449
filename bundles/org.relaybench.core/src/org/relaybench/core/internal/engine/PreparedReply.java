package org.relaybench.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.relaybench.core.providers.KnownReply;

/**
 * A provider's known reply with a cheap pre-check: literals of which every match must contain one
 * (one per alternative of the pattern), found once when the catalog is indexed, so that most error
 * texts are ruled out by a few {@code contains} on the lower-cased text instead of a
 * case-insensitive regular-expression search.
 */
public final class PreparedReply {

    /** Flags under which a literal of the pattern text is not what it matches. */
    private static final int UNREADABLE_FLAGS = Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ;
    /** Escapes of one letter that stand for a class, a boundary or a line break: no literal, nothing more to skip. */
    private static final String SIMPLE_ESCAPES = "bBdDsSwWAzZGRXhHvV";

    private final KnownReply reply;
    /** Every match contains one of these (lower case, ASCII); empty when the pattern allows no pre-check. */
    private final String[] required;

    PreparedReply(KnownReply reply) {
        this.reply = reply;
        this.required = requiredLiterals(reply.pattern()).toArray(new String[0]);
    }

    KnownReply reply() {
        return reply;
    }

    /**
     * @param text the error text
     * @param lower the same text in lower case (Locale.ROOT), or null when the text has characters
     *        beyond ASCII: a case-insensitive pattern may match those ("\u017f" for "s", the Kelvin sign
     *        for "k") where the lower-cased text does not contain the literal, so then the pattern decides
     * @return a matcher positioned on the first match, or empty
     */
    Optional<Matcher> find(String text, String lower) {
        if (lower != null && required.length > 0 && !containsAny(lower)) {
            return Optional.empty();
        }
        Matcher m = reply.pattern().matcher(text);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    private boolean containsAny(String lower) {
        for (String literal : required) {
            if (lower.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param text a text
     * @return its lower-case form for {@link #find(String, String)}: null when it has characters beyond ASCII
     */
    static String lowerAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return null;
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * Literals of which every match of the pattern contains at least one: for each alternative at the top
     * level, the longest run of ASCII literal characters outside groups and classes, without characters
     * made optional by a following quantifier. Conservative by design: when in doubt (an alternative with
     * no literal of 3 characters, {@code \Q}, comments mode, an escape that is not understood), none,
     * and the pattern is always tried.
     *
     * @param pattern the pattern, with its flags
     * @return the literals in lower case, or an empty list when no pre-check is safe
     */
    public static List<String> requiredLiterals(Pattern pattern) {
        String regex = pattern.pattern();
        if ((pattern.flags() & UNREADABLE_FLAGS) != 0 || regex.contains("\\Q") || hasCommentsFlag(regex)) {
            return List.of();
        }
        List<String> literals = new ArrayList<>();
        for (String alternative : topLevelAlternatives(regex)) {
            String literal = longestLiteral(alternative);
            if (literal == null || literal.length() < 3) {
                return List.of();
            }
            String lower = literal.toLowerCase(Locale.ROOT);
            if (!literals.contains(lower)) {
                literals.add(lower);
            }
        }
        return List.copyOf(literals);
    }

    /** An inline {@code (?x)} or {@code (?x:...)} makes white space and {@code #} mean something else. */
    private static boolean hasCommentsFlag(String regex) {
        for (int i = regex.indexOf("(?"); i >= 0; i = regex.indexOf("(?", i + 2)) {
            for (int j = i + 2; j < regex.length(); j++) {
                char c = regex.charAt(j);
                if (c == 'x') {
                    return true;
                }
                if (!Character.isLetter(c) && c != '-') {
                    break;
                }
            }
        }
        return false;
    }

    /** Splits at {@code |} outside groups, classes and escapes. */
    private static List<String> topLevelAlternatives(String regex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = classEnd(regex, i);
                if (close < 0) {
                    return List.of(""); // not understood: an alternative without a literal
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(regex.substring(from));
        return parts;
    }

    /**
     * @return the longest run of literal characters at depth 0 that every match of the alternative
     *         contains, or null when the alternative holds something not understood
     */
    private static String longestLiteral(String alternative) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            char literal = 0;
            boolean isLiteral = false;
            if (c == '\\') {
                if (i + 1 >= alternative.length()) {
                    return null;
                }
                char next = alternative.charAt(++i);
                if (next < 0x80 && !Character.isLetterOrDigit(next)) { // \( \. \[ ... stand for themselves
                    literal = next;
                    isLiteral = true;
                } else if (SIMPLE_ESCAPES.indexOf(next) < 0) {
                    return null; // \x41, \u0041, \p{L}, \1, \k<n>, \t ...: more than a character to read
                }
            } else if (c == '[') {
                i = classEnd(alternative, i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '{') { // a counted quantifier {n,m}: its digits are not literals
                int close = alternative.indexOf('}', i + 1);
                i = close < 0 ? alternative.length() : close;
            } else if (".^$*+?".indexOf(c) < 0 && c < 0x80) {
                literal = c;
                isLiteral = true;
            }
            boolean optionalNext = i + 1 < alternative.length() && "?*{".indexOf(alternative.charAt(i + 1)) >= 0;
            if (isLiteral && depth == 0 && !optionalNext) {
                run.append(literal);
            } else {
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
            }
        }
        return run.length() > best.length() ? run.toString() : best;
    }

    /**
     * @return the index of the {@code ]} that closes the class opening at {@code open}, minding escapes
     *         and a {@code ]} right after the opening; -1 for a nested class or no end
     */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1; // union or intersection of classes: not read here
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}
