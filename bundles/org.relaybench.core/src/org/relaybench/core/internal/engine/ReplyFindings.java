package org.relaybench.core.internal.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.classify.ReplyClassifier;
import org.relaybench.core.providers.KnownReply;
import org.relaybench.core.providers.ProviderDescriptor;

/** Turns the error text into reply matches (the core classifier and the provider's known replies) and findings. */
final class ReplyFindings {

    private static final int EXCERPT = 200;
    /** Provider patterns look at the first 8 KiB, as the core classifier does. */
    private static final int MAX_SCAN = 8192;

    /** What an error text reads as: its matches, and the findings made of them ({@link #findings}). */
    record Reading(List<ReplyMatch> matches, List<Finding> findings) {
        static final Reading NONE = new Reading(List.of(), List.of());
    }

    /**
     * The readings of error texts read before with the same known replies. A text's reading depends on
     * the text and the known replies alone, and a batch's texts repeat (the same few client messages
     * and server replies over thousands of accounts): a text seen again is not read again. Bounded: at
     * most {@value #MAX_READINGS} texts of at most {@value #MAX_TEXT} characters; when full, it starts
     * over (the frequent texts are soon back). A reading during which the classifier failed is not kept.
     * One per provider of a catalog snapshot (its known replies), and one for texts read without known
     * replies; thread-safe.
     */
    static final class Readings {
        static final int MAX_READINGS = 512;
        static final int MAX_TEXT = 1024;

        private final ConcurrentHashMap<String, Reading> readings = new ConcurrentHashMap<>();
    }

    private final ReplyClassifier classifier;
    /** The readings of texts read without known replies (no provider, or a diagnosis run late). */
    private final Readings withoutKnown = new Readings();

    ReplyFindings(ReplyClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * @param text the error text; may be null or blank
     * @param provider the provider, or null
     * @param known its known replies, empty for none (no provider, or a diagnosis run late)
     * @param readings the readings of texts read before with the same known replies (the provider's
     *        {@link ProviderIndex.Prepared#readings}); not used when {@code known} is empty
     * @return the text's matches ({@link #classify}) and findings ({@link #findings}), both unmodifiable
     */
    Reading read(String text, ProviderDescriptor provider, List<PreparedReply> known, Readings readings) {
        if (text == null || text.isBlank()) {
            return Reading.NONE;
        }
        Readings memo = provider == null || known.isEmpty() ? withoutKnown : readings;
        Reading kept = memo.readings.get(text);
        if (kept != null) {
            return kept;
        }
        long failures = ReplyClassifier.failures();
        List<ReplyMatch> matches = List.copyOf(classify(text, provider, known));
        List<Finding> findings = new ArrayList<>(matches.size());
        findings(matches, findings);
        Reading reading = new Reading(matches, List.copyOf(findings));
        if (text.length() <= Readings.MAX_TEXT && ReplyClassifier.failures() == failures) {
            if (memo.readings.size() >= Readings.MAX_READINGS) {
                memo.readings.clear();
            }
            memo.readings.put(text, reading);
        }
        return reading;
    }

    /** @return the matches: the provider's known replies first (they are specific), then the classifier's */
    List<ReplyMatch> classify(String text, ProviderDescriptor provider, List<PreparedReply> known) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<ReplyMatch> matches = new ArrayList<>();
        if (provider != null && !known.isEmpty()) {
            String scanned = text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text;
            String lower = PreparedReply.lowerAscii(scanned);
            for (PreparedReply prepared : known) {
                prepared.find(scanned, lower).ifPresent(m -> {
                    KnownReply reply = prepared.reply();
                    matches.add(new ReplyMatch(reply.cause(), reply.confidence(), OptionalInt.empty(), Optional.empty(),
                            excerpt(scanned, m.start(), m.end()), reply.description(), Optional.empty(),
                            Optional.of(provider.id()), provider.id()));
                });
            }
        }
        matches.addAll(classifier.classify(text));
        if (matches.isEmpty()) {
            // never nothing for a reply: what its codes mean, at a low confidence
            classifier.readCodes(text).ifPresent(matches::add);
        }
        return matches;
    }

    /**
     * Findings of the matches. A match whose cause does not blame the settings says so in its title and
     * evidence; when the text's strongest match is such a cause, its lesser readings that would blame the
     * settings are only warnings; a reading of codes alone is at most a warning.
     *
     * @param out where the findings are added, in the order of the matches
     */
    static void findings(List<ReplyMatch> matches, List<Finding> out) {
        ReplyMatch lead = strongest(matches);
        boolean settingsCleared = lead != null && clearsSettings(lead.cause());
        for (ReplyMatch m : matches) {
            String detail = (m.reason().isEmpty() ? "" : m.reason() + " \u2014 ") + "\u201c" + m.excerpt() + "\u201d";
            Evidence reply = new Evidence(Evidence.Kind.REPLY, "error text", detail);
            Optional<CauseCode> code = CauseCode.of(m.cause());
            boolean reading = ReplyClassifier.isCodeReading(m);
            boolean notRecognised = m.cause().equals(ReplyClassifier.NOT_RECOGNISED);
            Severity severity = code.map(BuiltinChecks::severityOf).orElse(notRecognised ? Severity.INFO : Severity.ERROR);
            if (severity == Severity.ERROR && (reading || settingsCleared && m != lead)) {
                severity = Severity.WARNING;
            }
            boolean cleared = code.isPresent() && !code.get().settingsAtFault() && severity != Severity.ERROR;
            List<Evidence> evidence = cleared ? List.of(reply, NOT_THE_SETTINGS) : List.of(reply);
            String title = code.isPresent() ? TITLES.get(code.get())[(cleared ? 2 : 0) + (reading ? 1 : 0)]
                    : (notRecognised ? "The reply was not recognised" : m.cause())
                            + (reading ? READING_SUFFIX : TEXT_SUFFIX);
            String rule = !m.source().equals("core") ? "known-reply" : reading ? "status-code-reading"
                    : "reply-classifier";
            out.add(new Finding(m.cause(), severity, m.confidence(), title, evidence, m.source(), rule,
                    Optional.empty()));
        }
    }

    private static final String TEXT_SUFFIX = " (from the error text)";
    private static final String READING_SUFFIX = " (read from the reply's status codes only; low confidence)";
    private static final String CLEARED = ": the device's settings are not at fault";
    /** Per cause the titles from text and from codes alone, each plain and saying the settings are not at fault. */
    private static final Map<CauseCode, String[]> TITLES = new EnumMap<>(CauseCode.class);

    static {
        for (CauseCode c : CauseCode.values()) {
            TITLES.put(c, new String[] { c.summary() + TEXT_SUFFIX, c.summary() + READING_SUFFIX,
                c.summary() + CLEARED + TEXT_SUFFIX, c.summary() + CLEARED + READING_SUFFIX });
        }
    }

    private static final Evidence NOT_THE_SETTINGS = new Evidence(Evidence.Kind.RULE, "device settings",
            "not at fault: the reply is about the recipient, the message, the sender's domain or the sending server, "
                    + "not about how the device connects or signs in");

    /**
     * @return whether the error text, read by its strongest match, clears the device's settings: a standard
     *         cause that does not blame them (a full mailbox, spam, a blocklisted IP, SMTP AUTH off for the tenant)
     */
    static boolean clearsSettings(List<ReplyMatch> matches) {
        ReplyMatch lead = strongest(matches);
        return lead != null && clearsSettings(lead.cause());
    }

    private static boolean clearsSettings(String cause) {
        Optional<CauseCode> code = CauseCode.of(cause);
        return code.isPresent() && !code.get().settingsAtFault();
    }

    /** @return the most confident match, the first of equals; null when there is none */
    private static ReplyMatch strongest(List<ReplyMatch> matches) {
        ReplyMatch lead = null;
        for (ReplyMatch m : matches) {
            if (lead == null || m.confidence() > lead.confidence()) {
                lead = m;
            }
        }
        return lead;
    }

    private static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 40);
        int to = Math.min(text.length(), Math.max(end, from + 1) + 40);
        String s = text.substring(from, Math.min(to, from + EXCERPT));
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
