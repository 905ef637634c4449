package org.relaybench.store.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
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
                if (word.matches(".*[.@_-].*")) {
                    for (String part : word.split("[.@_-]+")) {
                        add(out, part);
                    }
                }
            }
        }
        return out;
    }

    /** @return the words of a search text, as the index has them (a trailing {@code *} is kept) */
    static Set<String> query(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : text.trim().split("\\s+")) {
            boolean prefix = raw.endsWith("*");
            for (String word : words(raw)) {
                out.add(word.length() > MAX ? word.substring(0, MAX) : word);
            }
            if (prefix && !out.isEmpty()) {
                String last = out.stream().reduce((a, b) -> b).orElseThrow();
                out.remove(last);
                out.add(last + "*");
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
            boolean inner = (c == '.' || c == '@' || c == '-' || c == '_') && word.length() > 0;
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
