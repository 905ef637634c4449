package org.relaybench.core.internal.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.relaybench.core.CauseCode;

/**
 * One recognisable piece of a reply or error text: key words that must occur, a local pattern
 * confirmed around them, and what it means. Immutable; built once in static tables.
 * <p>
 * Patterns are matched against the {@link FlatText flat} text (lower case, single spaces). Every
 * alternative of a pattern begins with one of the rule's key words, and the pattern is tried once,
 * anchored, where such a word begins, over at most {@link #reach} characters: it never scans the
 * text and cannot backtrack beyond its reach. What must stand before the key word is written as a
 * look-behind. A key word stands for every word that begins with its first {@value #KEY_LENGTH}
 * letters ("authentication" for "authenticated" too); shorter key words stand for themselves only.
 */
final class Rule {

    /** Key words are compared on this many leading characters. */
    static final int KEY_LENGTH = 6;

    /** What part of the text a rule reads. */
    enum Kind {
        /** words of the server's reply */
        SERVER,
        /** words a mail client wraps the reply in; its client id names the client */
        CLIENT,
        /** names the server software only */
        FINGERPRINT,
        /**
         * server words saying why a message was refused for a reason other than the client's settings
         * (the recipient does not exist, spam, a blocklisted IP, ...): the clients' guess of a relay
         * refusal is then wrong
         */
        DELIVERY
    }

    /**
     * A cause a rule points to, and how strongly on its own.
     *
     * @param cause the cause
     * @param confidence the confidence when the rule matches without corroborating codes
     */
    record Outcome(CauseCode cause, double confidence) {
    }

    final Kind kind;
    final String[] keys;
    final Pattern pattern;
    /** the longest match, in characters from the key word */
    final int reach;
    final List<Outcome> outcomes;
    /** reply codes that make a match more specific */
    final int[] backingReplies;
    /** enhanced status codes that make a match more specific */
    final String[] backingEnhanced;
    final int expectedClass;
    final String client;
    final String server;
    /** 1 when the server is named (product, host name), 3 when it is inferred from the form of a phrase */
    final int serverRank;
    final String reason;

    private Rule(Builder b, String reason) {
        this.kind = b.kind;
        this.keys = b.keys;
        this.pattern = Pattern.compile(b.regex);
        this.reach = b.reach;
        this.outcomes = List.copyOf(b.outcomes);
        this.backingReplies = b.backing.stream().filter(c -> c.indexOf('.') < 0).mapToInt(Integer::parseInt).toArray();
        this.backingEnhanced = b.backing.stream().filter(c -> c.indexOf('.') >= 0).toArray(String[]::new);
        this.expectedClass = b.expectedClass;
        this.client = b.client;
        this.server = b.server;
        this.serverRank = b.serverRank;
        this.reason = reason;
    }

    /**
     * @param keys the key words, lower case letters and digits only
     * @return a builder for a rule tried where one of the key words occurs
     */
    static Builder when(String... keys) {
        for (String k : keys) {
            if (k.isEmpty() || !k.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException("key word must be lower-case letters and digits: " + k);
            }
        }
        return new Builder(keys.clone());
    }

    static String keyOf(String word) {
        return word.length() <= KEY_LENGTH ? word : word.substring(0, KEY_LENGTH);
    }

    /**
     * @param code the code governing the match, or null
     * @return whether the code is one this rule's phrase is usually sent with
     */
    boolean backedBy(ReplyCodes.Code code) {
        if (code == null) {
            return false;
        }
        for (int reply : backingReplies) {
            if (reply == code.reply()) {
                return true;
            }
        }
        if (code.enhanced() != null) {
            for (String enhanced : backingEnhanced) {
                if (enhanced.equals(code.enhanced())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Collects the parts of a {@link Rule}. */
    static final class Builder {
        private final String[] keys;
        private String regex;
        private int reach = 96;
        private final List<Outcome> outcomes = new ArrayList<>(2);
        private List<String> backing = List.of();
        private int expectedClass;
        private Kind kind = Kind.SERVER;
        private String client;
        private String server;
        private int serverRank;

        private Builder(String[] keys) {
            this.keys = keys;
            this.regex = Pattern.quote(keys[0]);
        }

        /** @param anchoredRegex the pattern tried where a key word begins, lower case */
        Builder re(String anchoredRegex) {
            this.regex = Objects.requireNonNull(anchoredRegex);
            return this;
        }

        /** @param chars the longest text the pattern may match (default 96) */
        Builder reach(int chars) {
            this.reach = chars;
            return this;
        }

        Builder gives(CauseCode cause, double confidence) {
            outcomes.add(new Outcome(cause, confidence));
            return this;
        }

        /** @param codes reply and enhanced codes, space separated, that make the match more specific */
        Builder backedBy(String codes) {
            this.backing = List.of(codes.split(" "));
            return this;
        }

        /** The phrase belongs to replies of this class: under a reply of another class it counts less. */
        Builder expectsClass(int replyClass) {
            this.expectedClass = replyClass;
            return this;
        }

        /** The words are the client's, not the server's. */
        Builder client(String id) {
            this.client = id;
            this.kind = Kind.CLIENT;
            return this;
        }

        /** The form of the words is typical of this server software. */
        Builder server(String id) {
            return server(id, 3);
        }

        /** The words name the server software or one of its hosts. */
        Builder serverName(String id) {
            return server(id, 1);
        }

        private Builder server(String id, int rank) {
            this.server = id;
            this.serverRank = rank;
            if (kind == Kind.SERVER && outcomes.isEmpty()) {
                kind = Kind.FINGERPRINT;
            }
            return this;
        }

        /** The words give a reason of delivery, not of the client's settings (see {@link Kind#DELIVERY}). */
        Builder delivery() {
            this.kind = Kind.DELIVERY;
            return this;
        }

        /**
         * @param why what the match means, a clause for the agent (e.g. "the server refuses to relay")
         * @return the rule
         */
        Rule says(String why) {
            if (kind == Kind.FINGERPRINT && !outcomes.isEmpty()) {
                kind = Kind.SERVER;
            }
            return new Rule(this, why);
        }

        /** @return a fingerprint rule, which needs no reason */
        Rule build() {
            return says("");
        }
    }
}
