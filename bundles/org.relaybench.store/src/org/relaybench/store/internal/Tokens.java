package org.relaybench.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words a session can be found by in free-text search: lower-cased runs of letters and digits,
 * with {@code . @ - _} kept inside a word, so that {@code smtp.aol.com}, {@code smtp-auth-missing}
 * and {@code sam@example.org} are words; each such word's parts are words too ({@code aol},
 * {@code missing}, {@code example}).
 */
final class Tokens {

    static final int MIN = 2;
    static final int MAX = 64;

    private Tokens() {
    }

    /** @return the index words of the texts, each at most {@value #MAX} characters */
    static Set<String> of(Collection<String> texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts) {
            for (String word : words(text)) {
                add(out, word);
                int start = 0;
                for (int i = 0; i <= word.length(); i++) {
                    if (i == word.length() ? start > 0 : isJoiner(word.charAt(i))) {
                        if (i > start) {
                            add(out, word.substring(start, i));
                        }
                        start = i + 1;
                    }
                }
            }
        }
        return out;
    }

    /**
     * @return the words of a search text, as the index has them: a word followed by {@code *} marked
     *         so, as a prefix; words too short for the index left out
     */
    static Set<String> query(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : text.trim().split("\\s+")) {
            boolean prefix = raw.endsWith("*");
            List<String> words = new ArrayList<>(words(raw));
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (prefix && i == words.size() - 1) {
                    out.add((word.length() > MAX ? word.substring(0, MAX) : word) + "*");
                } else if (word.length() >= MIN) {
                    // a shorter word is in no index: asking for it would find nothing
                    out.add(word.length() > MAX ? word.substring(0, MAX) : word);
                }
            }
        }
        return out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean inner = isJoiner(c) && word.length() > 0;
            if (Character.isLetterOrDigit(c) || inner) {
                word.append(c);
            } else if (word.length() > 0) {
                out.add(trimPunctuation(word.toString()));
                word.setLength(0);
            }
        }
        out.remove("");
        return out;
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == '@' || c == '-' || c == '_';
    }

    private static String trimPunctuation(String w) {
        int end = w.length();
        while (end > 0 && ".@-_".indexOf(w.charAt(end - 1)) >= 0) {
            end--;
        }
        return w.substring(0, end);
    }

    private static void add(Set<String> out, String word) {
        if (word.length() >= MIN) {
            out.add(word.length() > MAX ? word.substring(0, MAX) : word);
        }
    }
}
