package org.relaybench.core.internal.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.relaybench.core.CauseCode;
import org.relaybench.core.diagnosis.ReplyMatch;

/**
 * Collects the signals found in one text and turns them into matches: one per cause, the strongest
 * signal deciding its evidence, independent signals for the same cause adding a little confidence.
 * Created per call; reasons and excerpts are only written for the signals that decide a match.
 */
final class Tally {

    /** The most any match claims: text alone is never certain. */
    static final double CEILING = 0.99;
    /** Added per further independent signal for a cause, at most twice. */
    private static final double AGREEMENT = 0.04;
    private static final String SOURCE = "core";

    /**
     * One indication of a cause.
     *
     * @param cause the cause
     * @param confidence how strongly
     * @param start flat start of the decisive words
     * @param end flat end of the decisive words
     * @param code the reply that governs them, or null
     * @param reason writes the sentence for the agent, when this signal decides a match
     * @param source what produced it (a rule index, or a negative number for codes and hints)
     * @param fromClient whether the words were the client's rather than the server's
     */
    record Signal(CauseCode cause, double confidence, int start, int end, ReplyCodes.Code code,
            Supplier<String> reason, int source, boolean fromClient) {
    }

    private final List<Signal> signals = new ArrayList<>();

    void add(Signal signal) {
        signals.add(signal);
    }

    boolean has(CauseCode cause) {
        for (Signal s : signals) {
            if (s.cause() == cause) {
                return true;
            }
        }
        return false;
    }

    /** Forgets what clients guessed about these causes (when the server said something else). */
    void dropClientGuesses(CauseCode... causes) {
        signals.removeIf(s -> s.fromClient() && List.of(causes).contains(s.cause()));
    }

    /**
     * @param text the text the signals were found in
     * @param client the client recognised, or null
     * @param server the server recognised, or null
     * @return the matches, most confident first (ties in cause order), at most one per cause
     */
    List<ReplyMatch> results(FlatText text, String client, String server) {
        // per cause met: its strongest signal and how many sources gave it; a text has a handful of causes
        Signal[] best = new Signal[signals.size()];
        int[] sources = new int[signals.size()];
        int causes = 0;
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            int c = 0;
            while (c < causes && best[c].cause() != s.cause()) {
                c++;
            }
            if (c == causes) {
                best[causes++] = s;
            } else if (stronger(s, best[c])) {
                best[c] = s;
            }
            if (isNewSource(i)) {
                sources[c]++;
            }
        }
        // in cause order, as the stable sort below keeps it for equal confidences
        for (int a = 1; a < causes; a++) {
            Signal signal = best[a];
            int count = sources[a];
            int b = a - 1;
            while (b >= 0 && best[b].cause().ordinal() > signal.cause().ordinal()) {
                best[b + 1] = best[b];
                sources[b + 1] = sources[b];
                b--;
            }
            best[b + 1] = signal;
            sources[b + 1] = count;
        }
        List<ReplyMatch> matches = new ArrayList<>(causes);
        for (int c = 0; c < causes; c++) {
            double confidence = best[c].confidence() + AGREEMENT * Math.min(2, sources[c] - 1);
            matches.add(toMatch(text, best[c], round(confidence), client, server));
        }
        // stable sort: equal confidences keep cause order
        matches.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        return List.copyOf(matches);
    }

    private boolean isNewSource(int i) {
        Signal s = signals.get(i);
        for (int j = 0; j < i; j++) {
            Signal t = signals.get(j);
            if (t.cause() == s.cause() && t.source() == s.source()) {
                return false;
            }
        }
        return true;
    }

    private static boolean stronger(Signal s, Signal than) {
        if (s.confidence() != than.confidence()) {
            return s.confidence() > than.confidence();
        }
        return s.start() < than.start();
    }

    private static double round(double confidence) {
        double capped = Math.max(0, Math.min(CEILING, confidence));
        return Math.round(capped * 1000) / 1000.0;
    }

    private static ReplyMatch toMatch(FlatText text, Signal s, double confidence, String client, String server) {
        ReplyCodes.Code code = s.code();
        OptionalInt reply = code != null && code.reply() >= 0 ? OptionalInt.of(code.reply()) : OptionalInt.empty();
        Optional<String> enhanced = code == null ? Optional.empty() : Optional.ofNullable(code.enhanced());
        String excerpt = Excerpts.around(text, s.start(), s.end(), code == null ? -1 : code.start());
        return new ReplyMatch(s.cause().code(), confidence, reply, enhanced, excerpt, s.reason().get(),
                Optional.ofNullable(client), Optional.ofNullable(server), SOURCE);
    }
}
