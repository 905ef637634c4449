package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.classify.ReplyClassifier;

/**
 * The classifier keeps one set of matchers per thread between texts, and maps flat positions back to
 * the input only where they differ: neither may change what a text is read as, whatever was classified
 * before on the same thread or at the same time on others, and however the text is spaced or cased.
 */
class ReplyClassifierReuseTest {

    private final ReplyClassifier classifier = new ReplyClassifier();

    private static List<String> corpus() {
        List<String> texts = new ArrayList<>();
        for (ReplyCorpus.Reply reply : ReplyCorpus.all()) {
            texts.add(reply.text());
        }
        return texts;
    }

    @Test
    void aTextReadsTheSameWhateverTheThreadReadBefore() throws Exception {
        List<String> texts = corpus();
        List<List<ReplyMatch>> first = new ArrayList<>();
        for (String text : texts) {
            first.add(classifier.classify(text));
        }
        // the same texts backwards on this thread, then each on a thread of its own
        for (int i = texts.size() - 1; i >= 0; i--) {
            assertEquals(first.get(i), classifier.classify(texts.get(i)), texts.get(i));
        }
        for (int i = 0; i < texts.size(); i += 17) {
            String text = texts.get(i);
            List<List<ReplyMatch>> onNewThread = new ArrayList<>();
            Thread thread = new Thread(() -> onNewThread.add(classifier.classify(text)), "classify-alone");
            thread.start();
            thread.join(20_000);
            assertEquals(List.of(first.get(i)), onNewThread, text);
        }
    }

    @Test
    void threadsReadingAtTheSameTimeReadAsOneThreadAlone() throws Exception {
        List<String> texts = corpus();
        List<List<ReplyMatch>> alone = new ArrayList<>();
        for (String text : texts) {
            alone.add(classifier.classify(text));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<ReplyMatch>>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < texts.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new java.util.Random(t));
                runs.add(pool.submit(() -> {
                    List<List<ReplyMatch>> read = new ArrayList<>(Collections.nCopies(texts.size(), null));
                    for (int round = 0; round < 5; round++) {
                        for (int i : order) {
                            read.set(i, classifier.classify(texts.get(i)));
                        }
                    }
                    return read;
                }));
            }
            for (Future<List<List<ReplyMatch>>> run : runs) {
                assertEquals(alone, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Case and runs of spaces and tabs are folded before the rules read the text: every reply of the corpus
     * gives the same causes, confidences and codes written in mixed case with odd spacing between words,
     * and the excerpt is cut from the text as written.
     */
    @Test
    void mixedCaseAndOddSpacingReadTheSame() {
        int recognised = 0;
        for (String text : corpus()) {
            String odd = oddly(text);
            List<ReplyMatch> plain = classifier.classify(text);
            List<ReplyMatch> variant = classifier.classify(odd);
            assertEquals(reading(plain), reading(variant), () -> text + "\n" + odd);
            for (int k = 0; k < variant.size(); k++) {
                ReplyMatch m = variant.get(k);
                String excerpt = squeezed(unescaped(m.excerpt()));
                assertTrue(squeezed(odd).contains(excerpt), () -> "excerpt '" + m.excerpt() + "' is cut from " + odd);
                if (!m.excerpt().endsWith("...") && !plain.get(k).excerpt().endsWith("...")) {
                    assertEquals(squeezed(unescaped(plain.get(k).excerpt())), excerpt, odd);
                }
            }
            recognised += plain.isEmpty() ? 0 : 1;
        }
        assertFalse(recognised < 100, "most of the corpus is recognised: " + recognised);
    }

    /**
     * Alternates the case of letters and widens every space between two letters into a run of spaces
     * and a tab (a space between a multi-line reply's codes, "550 5.7.1", is part of the reply's form).
     */
    private static String oddly(String text) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && i > 0 && i + 1 < text.length() && Character.isLetter(text.charAt(i - 1))
                    && Character.isLetter(text.charAt(i + 1))) {
                b.append("  \t ");
            } else if (Character.isLetter(c) && c < 0x80) {
                b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = !upper;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String squeezed(String s) {
        return s.replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /** Undoes the excerpt's escapes of control characters, and drops the ellipsis of a cut. */
    private static String unescaped(String excerpt) {
        String s = excerpt.endsWith("...") ? excerpt.substring(0, excerpt.length() - 3) : excerpt;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "nrt".indexOf(s.charAt(i + 1)) >= 0) {
                b.append(' ');
                i++;
            } else if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x') {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String reading(List<ReplyMatch> matches) {
        return matches.stream().map(m -> m.cause() + " " + m.confidence() + " " + m.replyCode() + " " + m.enhancedStatus()
                + " " + m.client() + " " + m.server()).collect(Collectors.joining("; "));
    }
}
