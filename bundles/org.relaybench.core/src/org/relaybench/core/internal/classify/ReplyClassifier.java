package org.relaybench.core.internal.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.relaybench.core.CauseCode;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.classify.CodeRules.Meaning;
import org.relaybench.core.internal.classify.ReplyCodes.Code;
import org.relaybench.core.internal.classify.Rule.Kind;
import org.relaybench.core.internal.classify.Rule.Outcome;
import org.relaybench.core.internal.classify.RuleSet.Hit;

/**
 * Reads an error or server reply text by its structure and says which causes it points to.
 * <ol>
 * <li>The text is flattened (lower case, one space for any white space, at most
 * {@value FlatText#MAX_CHARS} characters examined).</li>
 * <li>Reply codes and enhanced status codes are found where a reply stands.</li>
 * <li>Rules are tried where their key words occur: client wrappers (iOS Mail, Outlook,
 * Thunderbird, ...), server phrases (relay refusals read as "relay" next to a refusal, in either
 * order; authentication, TLS, limits, ...) and server fingerprints.</li>
 * <li>Each phrase is tied to the reply code that governs it; a code usually sent with the phrase
 * makes it more specific, and specific codes (535, 5.7.57, 5.7.139, ...) count on their own,
 * more weakly.</li>
 * <li>Per cause the strongest signal decides; independent signals add a little.</li>
 * </ol>
 * Immutable and thread-safe: all rules are compiled once in static tables, every call works on its
 * own objects. A call never throws; an internal failure is logged and gives no match.
 */
public final class ReplyClassifier {

    private static final AtomicLong FAILURES = new AtomicLong();

    /** Providers whose servers refuse the account password from mail apps and want an app password. */
    private static final Set<String> APP_PASSWORD_PROVIDERS = Set.of("gmail", "yahoo", "icloud");
    /** How far from a phrase a reply code may stand and still govern it. */
    private static final int CODE_REACH = 600;
    /** Added when the phrase comes with a code it is usually sent with: code and phrase beat phrase alone. */
    private static final double SPECIFICITY_BONUS = 0.05;
    /** Applied when a phrase stands under a reply of another class than its own (a "try later" under 5xx). */
    private static final double OTHER_CLASS_FACTOR = 0.6;
    private static final int CODE_SOURCE = -1;
    private static final String SOURCE = "core";
    /** The cause code of a reply whose words and codes name no cause (provider {@code core}'s own prefix). */
    public static final String NOT_RECOGNISED = StatusReading.NOT_RECOGNISED;
    private static final int HINT_SOURCE = -10_000;

    public ReplyClassifier() {
        // loads the static rule tables now: a broken table fails here, never inside classify
        if (RuleSet.RULES.length == 0) {
            throw new IllegalStateException("the classifier has no rules");
        }
    }

    /**
     * @param text an error text or server reply, as the customer or client reported it; may be null
     * @return the causes it points to, most confident first, at most one match per cause; empty when
     *         nothing is recognised
     */
    public List<ReplyMatch> classify(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            return classify(FlatText.of(text));
        } catch (RuntimeException | StackOverflowError e) {
            report(e);
            return List.of();
        }
    }

    /**
     * The last resort for a text that {@link #classify(String)} does not recognise: what its enhanced
     * status code (class, subject, detail) and basic reply code mean, with the cause they point to at a
     * low confidence, or {@value StatusReading#NOT_RECOGNISED} when they name none or the text has no
     * code.
     *
     * @param text the error text or reply; may be null
     * @return the reading, empty only for a text without a visible character
     */
    public Optional<ReplyMatch> readCodes(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            FlatText flat = FlatText.of(text);
            return flat.length() == 0 ? Optional.empty() : Optional.of(StatusReading.read(flat));
        } catch (RuntimeException | StackOverflowError e) {
            report(e);
            return Optional.empty();
        }
    }

    /**
     * @param match a match
     * @return whether it is a reading of codes alone ({@link #readCodes(String)}), not a recognised reply
     */
    public static boolean isCodeReading(ReplyMatch match) {
        return match.source().equals(SOURCE) && match.reason().startsWith(StatusReading.PREFIX);
    }

    private static List<ReplyMatch> classify(FlatText text) {
        if (text.length() == 0) {
            return List.of();
        }
        List<Code> codes = ReplyCodes.scan(text);
        RuleSet.Matches hits = RuleSet.match(text);
        Origin origin = Origin.of(hits, codes);
        Tally tally = new Tally();
        addRuleSignals(tally, text, hits, codes, origin);
        addCodeSignals(tally, codes);
        addProviderHint(tally, text, codes, origin.server);
        if (origin.delivery) {
            // the server says why (no such recipient, spam, a blocklisted IP...): the client's guess of a refusal is wrong
            tally.dropClientGuesses(CauseCode.RELAY_DENIED, CauseCode.SMTP_AUTH_MISSING, CauseCode.SENDER_NOT_OWNED);
        }
        return tally.results(text, origin.client, origin.server);
    }

    /** Who wrote the text: the client that wrapped it, the server software, and what it says of the recipient. */
    private static final class Origin {
        String client;
        String server;
        int serverRank = Integer.MAX_VALUE;
        boolean delivery;
        final List<Hit> clientSpans = new ArrayList<>(2);
        /** where delivery rules matched: server phrases inside them are part of their reason */
        List<Hit> deliverySpans = List.of();

        /** The first client rule (in table order) names the client; the most direct evidence names the server. */
        static Origin of(RuleSet.Matches matches, List<Code> codes) {
            Origin o = new Origin();
            Rule[] rules = RuleSet.RULES;
            Hit[] hits = matches.hits;
            for (int k = 0; k < matches.count; k++) {
                int i = matches.ids[k];
                if (rules[i].client != null) {
                    o.client = o.client == null ? rules[i].client : o.client;
                    o.clientSpans.add(hits[k]);
                }
            }
            for (int k = 0; k < matches.count; k++) {
                Rule r = rules[matches.ids[k]];
                // words inside a client's sentence say nothing about the server
                if (r.client == null && !inside(hits[k], o.clientSpans)) {
                    o.server(r.server, r.serverRank);
                    if (r.kind == Kind.DELIVERY) {
                        o.delivery = true;
                        if (o.deliverySpans.isEmpty()) {
                            o.deliverySpans = new ArrayList<>(2);
                        }
                        o.deliverySpans.add(hits[k]);
                    }
                }
            }
            for (Code code : codes) {
                Meaning meaning = CodeRules.ofEnhanced(code.enhanced());
                o.server(meaning == null ? null : meaning.server(), 2);
                o.delivery |= CodeRules.recipientUnknown(code);
            }
            return o;
        }

        private void server(String id, int rank) {
            if (id != null && rank < serverRank) {
                server = id;
                serverRank = rank;
            }
        }
    }

    private static void addRuleSignals(Tally tally, FlatText text, RuleSet.Matches matches, List<Code> codes,
            Origin origin) {
        Rule[] rules = RuleSet.RULES;
        Hit[] hits = matches.hits;
        for (int k = 0; k < matches.count; k++) {
            int i = matches.ids[k];
            Rule r = rules[i];
            Hit hit = hits[k];
            // server words inside a client's sentence are the client's: counted once, as the client's; server
            // words inside a delivery phrase ("must authenticate with SPF or DKIM") are that phrase's
            if (r.outcomes.isEmpty() || r.kind == Kind.SERVER && inside(hit, origin.clientSpans)
                    || r.kind != Kind.CLIENT && insideOther(hit, origin.deliverySpans)) {
                continue;
            }
            Code code = governing(codes, hit.start());
            if (r.kind != Kind.CLIENT && underSuccess(text, code, hit)) {
                continue;
            }
            double bonus = r.backedBy(code) ? SPECIFICITY_BONUS : 0;
            double factor = r.expectedClass != 0 && code != null && code.replyClass() > 0
                    && code.replyClass() != r.expectedClass ? OTHER_CLASS_FACTOR : 1;
            String server = origin.server;
            Supplier<String> reason = r.kind == Kind.CLIENT ? () -> clientReason(text, r, hit)
                    : () -> serverReason(text, r, hit, code, server);
            for (Outcome o : r.outcomes) {
                tally.add(new Tally.Signal(o.cause(), (o.confidence() + bonus) * factor, hit.start(), hit.end(), code,
                        reason, i, r.kind == Kind.CLIENT));
            }
        }
    }

    /** Providers that refuse the account password from mail apps: a refused login may want an app password. */
    private static void addProviderHint(Tally tally, FlatText text, List<Code> codes, String server) {
        if (server == null || !APP_PASSWORD_PROVIDERS.contains(server)
                || !tally.has(CauseCode.SMTP_CREDENTIALS_REJECTED) || tally.has(CauseCode.APP_PASSWORD_REQUIRED)) {
            return;
        }
        Code code = codes.isEmpty() ? null : codes.get(0);
        int at = code == null ? 0 : code.start();
        String provider = ServerRules.displayName(server);
        tally.add(new Tally.Signal(CauseCode.APP_PASSWORD_REQUIRED, 0.5, at, Math.min(text.length(), at + 3), code,
                () -> provider + " refuses the normal account password from mail apps when 2-step verification "
                        + "is on; an app-specific password is needed then.",
                HINT_SOURCE, false));
    }

    /** Each enhanced and each reply code once, where it first stands; positive replies (2xx, 3xx) say nothing. */
    private static void addCodeSignals(Tally tally, List<Code> codes) {
        for (int k = 0; k < codes.size(); k++) {
            Code code = codes.get(k);
            if (isPositive(code)) {
                continue;
            }
            if (code.enhanced() != null && !seenBefore(codes, k, code.enhanced(), -1)) {
                add(tally, code, CodeRules.ofEnhanced(code.enhanced()), true, CODE_SOURCE - 2 * k);
            }
            if (code.reply() >= 0 && !seenBefore(codes, k, null, code.reply())) {
                add(tally, code, CodeRules.ofReply(code.reply()), false, CODE_SOURCE - 2 * k - 1);
            }
        }
    }

    private static boolean isPositive(Code code) {
        return code.replyClass() == 2 || code.replyClass() == 3;
    }

    /** @return whether a code before index k that is not positive has the enhanced code, or the reply code */
    private static boolean seenBefore(List<Code> codes, int k, String enhanced, int reply) {
        for (int j = 0; j < k; j++) {
            Code c = codes.get(j);
            if (!isPositive(c) && (enhanced != null ? enhanced.equals(c.enhanced()) : c.reply() == reply)) {
                return true;
            }
        }
        return false;
    }

    /** @param enhanced whether the signal is the enhanced code's, else the reply code's */
    private static void add(Tally tally, Code code, Meaning meaning, boolean enhanced, int source) {
        if (meaning == null) {
            return;
        }
        int end = code.start() + code.label().length();
        // the reason is written only for the signal that decides a match
        Supplier<String> reason = () -> (enhanced ? "Enhanced status code " + code.enhanced() : "Reply code " + code.reply())
                + ": " + meaning.reason() + ".";
        for (Outcome o : meaning.outcomes()) {
            tally.add(new Tally.Signal(o.cause(), o.confidence(), code.start(), end, code, reason, source, false));
        }
    }

    /** @return whether the hit lies within one of the spans and is shorter than it */
    private static boolean insideOther(Hit hit, List<Hit> spans) {
        for (Hit span : spans) {
            if (hit.within(span) && hit.end() - hit.start() < span.end() - span.start()) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Hit hit, List<Hit> spans) {
        for (Hit span : spans) {
            if (hit.within(span)) {
                return true;
            }
        }
        return false;
    }

    /** @return the reply code before the position (else the first after it), within reach, or null */
    private static Code governing(List<Code> codes, int position) {
        Code before = null;
        for (Code c : codes) {
            if (c.start() <= position) {
                before = c;
            } else {
                if (before == null && c.start() - position <= CODE_REACH) {
                    return c;
                }
                break;
            }
        }
        return before != null && position - before.start() <= CODE_REACH ? before : null;
    }

    /** A phrase on the line of a positive reply (2xx, 3xx) is no error: "235 Authentication successful". */
    private static boolean underSuccess(FlatText text, Code code, Hit hit) {
        return code != null && (code.replyClass() == 2 || code.replyClass() == 3) && code.start() <= hit.start()
                && !text.hasLineStartBetween(code.start(), hit.start());
    }

    private static String clientReason(FlatText text, Rule r, Hit hit) {
        StringBuilder b = new StringBuilder(160);
        b.append(ClientRules.displayName(r.client)).append(" reports '").append(text.original(hit.start(), hit.end(), 80))
                .append("': ").append(r.reason);
        return sentence(b);
    }

    private static String serverReason(FlatText text, Rule r, Hit hit, Code code, String server) {
        StringBuilder b = new StringBuilder(160);
        if (code != null && code.start() <= hit.start()) {
            b.append(code.label()).append(" with ");
        }
        b.append('\'').append(text.original(hit.start(), hit.end(), 80)).append("': ");
        String why = r.reason;
        if (server != null && why.startsWith("the server ")) {
            b.append(ServerRules.displayName(server)).append(why, "the server".length(), why.length());
        } else {
            b.append(why);
        }
        return sentence(b);
    }

    /** Capitalises the first word unless it is a name written in mixed case ("iOS Mail"), ends with a stop. */
    private static String sentence(StringBuilder s) {
        boolean lowerWord = s.length() > 1 && Character.isLowerCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1));
        if (lowerWord) {
            s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
        }
        if (s.length() == 0 || s.charAt(s.length() - 1) != '.') {
            s.append('.');
        }
        return s.toString();
    }

    /** @return how many times a classifier failed on an input so far, in this runtime */
    public static long failures() {
        return FAILURES.get();
    }

    private static void report(Throwable e) {
        FAILURES.incrementAndGet();
        try {
            ILog.of(ReplyClassifier.class).error("The reply classifier failed on an input and returned no match", e);
        } catch (RuntimeException | LinkageError noFramework) {
            // outside an OSGi framework there is no log to write to; classify must still not throw
        }
    }
}
