package org.relaybench.report.tests;

import java.util.Arrays;
import java.util.List;

/** Finds text in extracted text where table columns and line wrapping interleave other words. */
final class Words {

    private Words() {
    }

    static List<String> of(String text) {
        return Arrays.stream(text.split("[\\s\\u00a0]+")).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * @return whether the words of {@code expected} occur in {@code haystack} in order, with at most
     *         as many other words between them as there are expected words plus ten (the neighbouring
     *         cells of a table row)
     */
    static boolean appearInOrder(String haystack, String expected) {
        List<String> h = of(haystack);
        List<String> e = of(expected);
        for (int start = 0; start < h.size(); start++) {
            if (!h.get(start).equals(e.get(0))) {
                continue;
            }
            int limit = Math.min(h.size(), start + e.size() * 4 + 10);
            int j = 1;
            for (int i = start + 1; i < limit && j < e.size(); i++) {
                if (h.get(i).equals(e.get(j))) {
                    j++;
                }
            }
            if (j == e.size()) {
                return true;
            }
        }
        return false;
    }
}
