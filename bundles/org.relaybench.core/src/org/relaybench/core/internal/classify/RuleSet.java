package org.relaybench.core.internal.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All rules, in priority order (clients, named servers, server phrases), and the index that finds
 * the rules worth trying for a text: one pass over its words looks each word up by its first
 * {@value Rule#KEY_LENGTH} letters, and only the rules with that key word are tried, anchored at
 * that word. For each key word a rule keeps only the alternatives of its pattern that can begin with
 * that word, so a try costs a few character comparisons. The cost of a call grows with the length of
 * the text, not with the number of rules. Built once; immutable and safe to share between threads.
 */
final class RuleSet {

    /** A rule is tried at most this often per text, whatever the input repeats. */
    private static final int MAX_TRIES = 24;

    static final Rule[] RULES;
    /** Packed key words ({@link #pack}); the rules and patterns to try for each are at the same index. */
    private static final long[] KEYS;
    /** Open addressing table from a packed key word to its index in {@link #KEYS} plus one; 0 is empty. */
    private static final int[] SLOTS = new int[1 << 11];
    private static final int[][] RULES_BY_KEY;
    private static final Pattern[][] PATTERNS_BY_KEY;
    /** The same patterns numbered through, for {@link #MATCHERS}: {@code PATTERN_NUMBERS[k][j]}. */
    private static final int[][] PATTERN_NUMBERS;
    private static final int PATTERN_COUNT;
    /**
     * Per thread, one matcher per pattern, kept between texts: {@link Matcher#usePattern} and
     * {@link Pattern#matcher} allocate the matcher's state on every call. Only the JDK's types are kept
     * per thread, so that a thread outliving this bundle does not hold its class loader.
     */
    private static final ThreadLocal<Matcher[]> MATCHERS = ThreadLocal.withInitial(RuleSet::newMatchers);
    /** Which of a key word's rules could match, from the literal beginnings of their patterns. */
    private static final Gate[] GATES;

    static {
        List<Rule> all = new ArrayList<>();
        all.addAll(ClientRules.rules());
        all.addAll(ServerRules.rules());
        all.addAll(AuthRules.rules());
        all.addAll(TransportRules.rules());
        all.addAll(DeliveryRules.rules());
        RULES = all.toArray(new Rule[0]);

        // key -> rule -> the alternatives that can begin with one of the rule's words for that key
        Map<Long, Map<Integer, List<String>>> index = new TreeMap<>();
        Map<Long, String> keyWords = new TreeMap<>();
        for (int i = 0; i < RULES.length; i++) {
            List<String> alternatives = alternatives(RULES[i].pattern.pattern());
            for (String word : RULES[i].keys) {
                keyWords.putIfAbsent(pack(word.toCharArray(), 0, word.length()), Rule.keyOf(word));
                List<String> chosen = index.computeIfAbsent(pack(word.toCharArray(), 0, word.length()),
                        k -> new TreeMap<>())
                        .computeIfAbsent(i, k -> new ArrayList<>());
                for (String alternative : alternatives) {
                    if (canBegin(alternative, word) && !chosen.contains(alternative)) {
                        chosen.add(alternative);
                    }
                }
            }
        }
        KEYS = new long[index.size()];
        RULES_BY_KEY = new int[index.size()][];
        PATTERNS_BY_KEY = new Pattern[index.size()][];
        GATES = new Gate[index.size()];
        PATTERN_NUMBERS = new int[index.size()][];
        int numbered = 0;
        int k = 0;
        for (Map.Entry<Long, Map<Integer, List<String>>> e : index.entrySet()) {
            KEYS[k] = e.getKey();
            RULES_BY_KEY[k] = e.getValue().keySet().stream().mapToInt(Integer::intValue).toArray();
            PATTERNS_BY_KEY[k] = e.getValue().entrySet().stream()
                    .map(r -> r.getValue().isEmpty() ? RULES[r.getKey()].pattern
                            : Pattern.compile(String.join("|", r.getValue())))
                    .toArray(Pattern[]::new);
            PATTERN_NUMBERS[k] = new int[PATTERNS_BY_KEY[k].length];
            for (int j = 0; j < PATTERN_NUMBERS[k].length; j++) {
                PATTERN_NUMBERS[k][j] = numbered++;
            }
            GATES[k] = new Gate(keyWords.get(e.getKey()),
                    e.getValue().values().stream().map(Prefixes::of).toArray(String[][]::new));
            int slot = slot(KEYS[k]);
            while (SLOTS[slot] != 0) {
                slot = (slot + 1) & (SLOTS.length - 1);
            }
            SLOTS[slot] = k + 1;
            k++;
        }
        PATTERN_COUNT = numbered;
    }

    /**
     * Where a rule matched, in flat positions.
     *
     * @param start start, inclusive
     * @param end end, exclusive
     */
    record Hit(int start, int end) {

        boolean within(Hit other) {
            return start >= other.start && end <= other.end;
        }
    }

    /**
     * The rules that matched a text, in table order, each with its first match: {@code hits[k]} is
     * where rule {@code ids[k]} matched, for {@code k < count}.
     */
    static final class Matches {
        final int[] ids;
        final Hit[] hits;
        final int count;

        Matches(int[] ids, Hit[] hits, int count) {
            this.ids = ids;
            this.hits = hits;
            this.count = count;
        }
    }

    private RuleSet() {
    }

    /**
     * @param text the text
     * @return the rules that matched, with their first match
     */
    static Matches match(FlatText text) {
        Matcher[] matchers = MATCHERS.get();
        Used used = new Used();
        try {
            return match(text, matchers, used);
        } finally {
            // the matchers forget the text: a thread keeps no customer's text
            for (int u = 0; u < used.count; u++) {
                matchers[used.numbers[u]].reset("");
            }
        }
    }

    private static Matcher[] newMatchers() {
        return new Matcher[PATTERN_COUNT];
    }

    /** The numbers of the matchers a call set to its text, repeats included. */
    private static final class Used {
        int[] numbers = new int[16];
        int count;

        void add(int number) {
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, count * 2);
            }
            numbers[count++] = number;
        }
    }

    /** @return the thread's matcher of the pattern, set to the text */
    private static Matcher matcher(Matcher[] matchers, int number, Pattern pattern, String text, Used used) {
        Matcher m = matchers[number];
        if (m == null) {
            m = pattern.matcher(text);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            matchers[number] = m;
        } else {
            m.reset(text);
        }
        used.add(number);
        return m;
    }

    private static Matches match(FlatText text, Matcher[] matchers, Used used) {
        int[] found = new int[8];
        Hit[] hits = new Hit[8];
        int count = 0;
        // per rule: how often it was tried, or negative once it matched
        byte[] tries = new byte[RULES.length];
        String flat = text.flat();
        char[] chars = text.chars();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isWordChar(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordChar(chars[i])) {
                i++;
            }
            // numbers are read by ReplyCodes; only hexadecimal error numbers (0x...) are words here
            if (isDigit(chars[start]) && !(i - start > 2 && chars[start + 1] == 'x')) {
                continue;
            }
            int k = indexOf(pack(chars, start, i));
            if (k < 0) {
                continue;
            }
            int[] ids = RULES_BY_KEY[k];
            for (long open = GATES[k].open(chars, n, start); open != 0; open &= open - 1) {
                int j = Long.numberOfTrailingZeros(open);
                int id = ids[j];
                if (tries[id] < 0 || tries[id] >= MAX_TRIES) {
                    continue; // matched already, or tried enough
                }
                tries[id]++;
                Matcher m = matcher(matchers, PATTERN_NUMBERS[k][j], PATTERNS_BY_KEY[k][j], flat, used);
                m.region(start, Math.min(n, start + RULES[id].reach));
                if (m.lookingAt()) {
                    tries[id] = (byte) 0x80;
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                        hits = Arrays.copyOf(hits, count * 2);
                    }
                    found[count] = id;
                    hits[count++] = new Hit(m.start(), m.end());
                }
            }
        }
        sortByRule(found, hits, count);
        return new Matches(found, hits, count);
    }

    /** Insertion sort of the matched rules into table order, their hits alongside: a handful of entries. */
    private static void sortByRule(int[] ids, Hit[] hits, int count) {
        for (int a = 1; a < count; a++) {
            int id = ids[a];
            Hit hit = hits[a];
            int b = a - 1;
            while (b >= 0 && ids[b] > id) {
                ids[b + 1] = ids[b];
                hits[b + 1] = hits[b];
                b--;
            }
            ids[b + 1] = id;
            hits[b + 1] = hit;
        }
    }

    private static int indexOf(long key) {
        for (int slot = slot(key);; slot = (slot + 1) & (SLOTS.length - 1)) {
            int k = SLOTS[slot] - 1;
            if (k < 0 || KEYS[k] == key) {
                return k;
            }
        }
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 53);
    }

    /**
     * Packs the first {@value Rule#KEY_LENGTH} characters of a word (letters and digits) into a
     * number, base 37, so that looking a word up needs no substring and no hashing.
     */
    static long pack(char[] s, int start, int end) {
        long code = 0;
        for (int i = start; i < Math.min(end, start + Rule.KEY_LENGTH); i++) {
            char c = s[i];
            code = code * 37 + (c >= 'a' ? c - 'a' + 1 : c - '0' + 27);
        }
        return code;
    }

    /** Splits a pattern at its top-level {@code |}, outside groups, classes and escapes. */
    static List<String> alternatives(String regex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int from = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
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
     * @return whether the alternative can match a text beginning with the word; a look-behind in
     *         front is left out of the test, it looks at text before the word
     */
    private static boolean canBegin(String alternative, String word) {
        String body = alternative;
        while (body.startsWith("(?<=") || body.startsWith("(?<!")) {
            body = body.substring(groupEnd(body) + 1);
        }
        Matcher probe = Pattern.compile(body).matcher(word);
        return probe.lookingAt() || probe.hitEnd();
    }

    static int groupEnd(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced group: " + regex);
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
