package org.relaybench.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

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

    private final ReplyClassifier classifier;

    ReplyFindings(ReplyClassifier classifier) {
        this.classifier = classifier;
    }

    /** @return the matches: the provider's known replies first (they are specific), then the classifier's */
    List<ReplyMatch> classify(String text, ProviderDescriptor provider, List<PreparedReply> known) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<ReplyMatch> matches = new ArrayList<>();
        if (provider != null && !known.isEmpty()) {
            String scanned = text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text;
            String lower = scanned.toLowerCase(Locale.ROOT);
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
        return matches;
    }

    static List<Finding> findings(List<ReplyMatch> matches) {
        List<Finding> out = new ArrayList<>(matches.size());
        for (ReplyMatch m : matches) {
            String detail = (m.reason().isEmpty() ? "" : m.reason() + " \u2014 ") + "\u201c" + m.excerpt() + "\u201d";
            Evidence evidence = new Evidence(Evidence.Kind.REPLY, "error text", detail);
            Optional<CauseCode> code = CauseCode.of(m.cause());
            Severity severity = code.map(BuiltinChecks::severityOf).orElse(Severity.ERROR);
            String title = code.map(CauseCode::summary).orElse(m.cause()) + " (from the error text)";
            String rule = m.source().equals("core") ? "reply-classifier" : "known-reply";
            out.add(new Finding(m.cause(), severity, m.confidence(), title, List.of(evidence),
                    m.source(), rule, Optional.empty()));
        }
        return out;
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
