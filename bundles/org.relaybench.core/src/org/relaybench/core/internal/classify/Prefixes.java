package org.relaybench.core.internal.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The literal beginnings a regular expression's matches must have, so that a cheap comparison can
 * rule a pattern out before the regular expression engine is asked. Optional parts, groups of
 * alternatives and small character classes are expanded; look-arounds are skipped (they consume
 * nothing); anything else ({@code .}, {@code [^ ]}, repetitions) ends a beginning. Every beginning
 * of a valid beginning is valid too, so when the expansion grows too large it is simply cut short.
 * {@link Gate} puts them in a trie.
 */
final class Prefixes {

    /** Longer beginnings rule out nothing more in practice. */
    private static final int MAX_LENGTH = 16;
    /** Beyond this many beginnings per alternative, the expansion is cut short. */
    private static final int MAX_COUNT = 32;

    private Prefixes() {
    }

    /**
     * @param alternatives the alternatives of a pattern tried at one key word
     * @return the beginnings, sorted, none extending another, or null when some alternative has none
     */
    static String[] of(List<String> alternatives) {
        TreeSet<String> all = new TreeSet<>();
        for (String alternative : alternatives) {
            List<String> out = new ArrayList<>();
            boolean complete = false;
            for (int length = MAX_LENGTH; length >= 1 && !complete; length /= 2) {
                out.clear();
                complete = expand(alternative, "", out, length);
            }
            if (!complete || out.isEmpty() || out.contains("")) {
                return null;
            }
            all.addAll(out);
        }
        List<String> minimal = new ArrayList<>();
        for (String p : all) {
            // sorted order puts "ab" before "abc": an entry extending the last kept one adds nothing
            if (minimal.isEmpty() || !p.startsWith(minimal.get(minimal.size() - 1))) {
                minimal.add(p);
            }
        }
        return minimal.toArray(new String[0]);
    }

    /** @return false when the expansion grew beyond {@link #MAX_COUNT} */
    private static boolean expand(String r, String acc, List<String> out, int maxLength) {
        if (out.size() > MAX_COUNT) {
            return false;
        }
        if (r.isEmpty() || acc.length() >= maxLength) {
            out.add(acc);
            return true;
        }
        char c = r.charAt(0);
        if (c == '(') {
            int end = RuleSet.groupEnd(r);
            String rest = r.substring(end + 1);
            if (r.startsWith("(?=") || r.startsWith("(?!") || r.startsWith("(?<=") || r.startsWith("(?<!")) {
                return expand(rest, acc, out, maxLength);
            }
            String inner = r.substring(r.startsWith("(?:") ? 3 : 1, end);
            if (rest.startsWith("?")) {
                if (!expand(rest.substring(1), acc, out, maxLength)) {
                    return false;
                }
                rest = rest.substring(1);
            } else if (startsWithRepeat(rest)) {
                out.add(acc);
                return true;
            }
            for (String alternative : RuleSet.alternatives(inner)) {
                if (!expand(alternative + rest, acc, out, maxLength)) {
                    return false;
                }
            }
            return true;
        }
        String options;
        int next;
        if (c == '[') {
            next = classEnd(r) + 1;
            options = smallClass(r.substring(1, next - 1));
        } else if (c == '\\') {
            next = 2;
            options = r.length() > 1 && !Character.isLetterOrDigit(r.charAt(1)) ? r.substring(1, 2) : null;
        } else {
            next = 1;
            options = ".^$|)".indexOf(c) >= 0 ? null : String.valueOf(c);
        }
        String rest = r.substring(Math.min(next, r.length()));
        if (options == null || startsWithRepeat(rest)) {
            out.add(acc);
            return true;
        }
        if (rest.startsWith("?")) {
            rest = rest.substring(1);
            if (!expand(rest, acc, out, maxLength)) {
                return false;
            }
        }
        for (int i = 0; i < options.length(); i++) {
            if (!expand(rest, acc + options.charAt(i), out, maxLength)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithRepeat(String rest) {
        return rest.startsWith("*") || rest.startsWith("+") || rest.startsWith("{");
    }

    private static int classEnd(String r) {
        for (int i = 1; i < r.length(); i++) {
            if (r.charAt(i) == '\\') {
                i++;
            } else if (r.charAt(i) == ']' && i > 1) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed class: " + r);
    }

    /** @return the characters of a class of a few plain characters ({@code [sz]}, {@code [o']}), else null */
    private static String smallClass(String body) {
        if (body.isEmpty() || body.length() > 4 || body.charAt(0) == '^' || body.indexOf('-') >= 0
                || body.indexOf('\\') >= 0) {
            return null;
        }
        return body;
    }
}
