package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaybench.core.CauseCode;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.classify.ReplyClassifier;

/** Whatever the input, the classifier answers quickly, the same way every time, and never throws. */
class ReplyClassifierRobustnessTest {

    private static final ReplyClassifier CLASSIFIER = new ReplyClassifier();
    private static final Duration QUICK = Duration.ofSeconds(5);

    /** Texts that classify to something: the shared file and some wrapped, multi-line and noisy replies. */
    static List<String> corpus() {
        List<String> texts = new ArrayList<>(SharedReplies.texts());
        texts.addAll(List.of("550-Please turn on SMTP Authentication in your mail client, or login to "
                + "the\r\n550-IMAP/POP3 "
                + "server before sending your message.\r\n550 [1.2.3.4]:53412 is not permitted to relay through this "
                + "server without authentication.",
                "Task 'x - Sending' reported error (0x800CCC79) : 'The server responded: 550 5.7.1 Unable to relay'",
                "Cannot Send Mail\nThe user name or password for \u201csmtp.example.net\u201d is incorrect.",
                "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
                "421 4.7.0 Try again later, closing connection.", "error:1408F10B:SSL "
                        + "routines:ssl3_get_record:wrong version"
                        + " number"));
        return texts;
    }

    static Stream<String> inputs() {
        return corpus().stream();
    }

    @Test
    void nullAndEmptyGiveNothing() {
        assertEquals(List.of(), CLASSIFIER.classify(null));
        assertEquals(List.of(), CLASSIFIER.classify(""));
        assertEquals(List.of(), CLASSIFIER.classify(" \r\n\t\u00a0\u2028 "));
        assertEquals(List.of(), CLASSIFIER.classify("\u0000\u0001\u0002\u007f\u0085\u200b\ufeff"));
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(20240611L);
        assertTimeoutPreemptively(QUICK, () -> {
            for (int i = 0; i < 2_000; i++) {
                byte[] bytes = new byte[random.nextInt(600)];
                random.nextBytes(bytes);
                CLASSIFIER.classify(new String(bytes, StandardCharsets.ISO_8859_1));
                CLASSIFIER.classify(new String(bytes, StandardCharsets.UTF_8));
                char[] chars = new char[random.nextInt(400)];
                for (int c = 0; c < chars.length; c++) {
                    chars[c] = (char) random.nextInt(Character.MAX_VALUE + 1); // lone surrogates included
                }
                CLASSIFIER.classify(new String(chars));
            }
        });
    }

    @Test
    void shuffledReplyFragmentsNeverThrow() {
        // words of real replies in random order: many partial rule matches, codes in odd places
        List<String> words = new ArrayList<>();
        corpus().forEach(t -> words.addAll(List.of(t.split(" "))));
        Random random = new Random(7L);
        assertTimeoutPreemptively(QUICK, () -> {
            for (int i = 0; i < 3_000; i++) {
                StringBuilder b = new StringBuilder();
                for (int w = random.nextInt(60); w > 0; w--) {
                    b.append(words.get(random.nextInt(words.size()))).append(random.nextInt(9) == 0 ? "\r\n" : " ");
                }
                assertInvariants(b.toString(), CLASSIFIER.classify(b.toString()));
            }
        });
    }

    @Test
    void hugeInputsAreCutAndAnsweredQuickly() {
        String reply = "554 5.7.1 <user@example.org>: Relay access denied\r\n";
        String megabyte = reply + "x".repeat(1 << 20);
        String soup = "relay not relay denied authentication auth tls ssl certificate 550 5.7.1 "
                + "0x800CCC79 ".repeat(20_000);
        String longLine = "a".repeat(1 << 20);
        StringBuilder binary = new StringBuilder();
        Random random = new Random(3L);
        while (binary.length() < 1 << 20) {
            binary.append((char) random.nextInt(0x3000));
        }
        assertTimeoutPreemptively(QUICK, () -> {
            List<ReplyMatch> matches = CLASSIFIER.classify(megabyte);
            assertEquals("smtp-auth-missing", matches.get(0).cause(), "the reply at the start is still read");
            assertInvariants(soup, CLASSIFIER.classify(soup));
            assertEquals(List.of(), CLASSIFIER.classify(longLine));
            assertInvariants(binary.toString(), CLASSIFIER.classify(binary.toString()));
        });
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("inputs")
    void matchesKeepTheirContract(String text) {
        List<ReplyMatch> matches = CLASSIFIER.classify(text);
        assertFalse(matches.isEmpty(), "nothing recognised");
        assertInvariants(text, matches);
    }

    @Test
    void sameTextGivesTheSameListEveryTime() {
        ReplyClassifier other = new ReplyClassifier();
        for (String text : corpus()) {
            List<ReplyMatch> once = CLASSIFIER.classify(text);
            assertEquals(once, CLASSIFIER.classify(text), text);
            assertEquals(once, other.classify(text), text);
            assertEquals(once, CLASSIFIER.classify(new String(text.toCharArray())), text);
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> texts = corpus();
        List<List<ReplyMatch>> expected = texts.stream().map(CLASSIFIER::classify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            int k = (i + offset * 7 + round) % texts.size();
                            if (!expected.get(k).equals(CLASSIFIER.classify(texts.get(k)))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get(), "a thread saw a different answer");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void excerptsEscapeControlCharacters() {
        ReplyMatch m = CLASSIFIER.classify("554 5.7.1 <a@b.org>:\u0000\u001b Relay\taccess denied\r\n").get(0);
        assertEquals("554 5.7.1 <a@b.org>:\\x00\\x1B Relay\\taccess denied", m.excerpt());
        ReplyMatch multiline = CLASSIFIER.classify("550 5.7.1 Relaying denied\r\nProper authentication "
                + "required").get(0);
        assertEquals("smtp-auth-missing", multiline.cause());
        assertEquals("550 5.7.1 Relaying denied\\r\\nProper authentication required", multiline.excerpt());
        assertTrue(multiline.reason().chars().noneMatch(c -> c < 0x20), multiline.reason());
        ReplyMatch c1 = CLASSIFIER.classify("535 5.7.8 Error:\u009b\u007f authentication failed\u2028more").get(0);
        assertEquals("535 5.7.8 Error:\\x9B\\x7F authentication failed", c1.excerpt(), "cut at the line separator");
    }

    @Test
    void excerptsStayShortOnLongReplies() {
        String text = "550 5.7.1 <" + "a".repeat(300) + "@example.org>: Relay access denied for " + "b".repeat(400);
        ReplyMatch m = CLASSIFIER.classify(text).get(0);
        assertTrue(m.excerpt().length() <= 200, () -> m.excerpt().length() + ": " + m.excerpt());
        assertTrue(m.excerpt().contains("Relay access denied"), m.excerpt());
    }

    @Test
    void aTypicalReplyIsCheap() {
        // a guard against pathological slowness only (the benchmark measures the real cost)
        List<String> texts = corpus();
        Function<Integer, Long> run = rounds -> {
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                texts.forEach(CLASSIFIER::classify);
            }
            return (System.nanoTime() - start) / ((long) rounds * texts.size());
        };
        run.apply(300); // warm up
        long nanosPerCall = run.apply(300);
        assertTrue(nanosPerCall < 2_000_000, "mean cost per call: " + nanosPerCall + " ns");
    }

    private static void assertInvariants(String text, List<ReplyMatch> matches) {
        Set<String> causes = new HashSet<>();
        double previous = 1;
        for (ReplyMatch m : matches) {
            assertTrue(CauseCode.of(m.cause()).isPresent(), "unknown cause " + m.cause());
            assertTrue(causes.add(m.cause()), () -> "cause twice in " + matches);
            assertTrue(m.confidence() > 0 && m.confidence() <= previous, () -> "not ordered: " + matches);
            previous = m.confidence();
            assertEquals("core", m.source());
            assertTrue(m.excerpt().length() <= 200, "excerpt too long");
            assertTrue(m.excerpt().chars().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)), m.excerpt());
            assertFalse(m.reason().isBlank(), "no reason");
            assertTrue(m.reason().chars().noneMatch(c -> c < 0x20), m.reason());
            m.replyCode().ifPresent(code -> assertTrue(code >= 200 && code < 600, "reply code " + code));
            m.enhancedStatus().ifPresent(e -> assertTrue(e.matches("[245]\\.\\d{1,3}\\.\\d{1,3}"), e));
        }
    }
}
