package org.relaybench.core.internal.classify;

import java.util.Arrays;

/**
 * For one key word, which of its rules could match where the word begins: a trie of the literal
 * beginnings of the rules' patterns ({@link Prefixes}), walked once along the text. Each node knows
 * the rules whose beginning ends there, as bits; rules whose patterns have no literal beginning are
 * always let through. Immutable once built.
 */
final class Gate {

    /** Rules are numbered 0..63 within a key word. */
    static final int MAX_RULES = Long.SIZE;

    private final Node root = new Node();
    /** The node reached by the key word's own letters, which every word looked up here begins with. */
    private final Node keyNode;
    /** The rules opened on the way to {@link #keyNode}, and those always open. */
    private final long keyRules;
    private final int keyLength;

    private static final class Node {
        private char[] labels = new char[0];
        private Node[] children = new Node[0];
        private long accept;

        Node child(char c) {
            char[] l = labels;
            if (l.length == 1) {
                return l[0] == c ? children[0] : null;
            }
            for (int i = 0; i < l.length; i++) {
                if (l[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        Node add(char c) {
            Node existing = child(c);
            if (existing != null) {
                return existing;
            }
            labels = Arrays.copyOf(labels, labels.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            labels[labels.length - 1] = c;
            children[children.length - 1] = new Node();
            return children[children.length - 1];
        }
    }

    /**
     * @param key the key word's letters that every word looked up under it begins with
     * @param beginnings per rule (bit position) its literal beginnings, or null when it has none
     */
    Gate(String key, String[][] beginnings) {
        if (beginnings.length > MAX_RULES) {
            throw new IllegalArgumentException("too many rules for one key word: " + beginnings.length);
        }
        long unconditional = 0;
        for (int j = 0; j < beginnings.length; j++) {
            if (beginnings[j] == null) {
                unconditional |= 1L << j;
                continue;
            }
            for (String b : beginnings[j]) {
                Node node = root;
                for (int i = 0; i < b.length(); i++) {
                    node = node.add(b.charAt(i));
                }
                node.accept |= 1L << j;
            }
        }
        Node node = root;
        long rules = unconditional;
        int depth = 0;
        while (node != null && depth < key.length()) {
            rules |= node.accept;
            node = node.child(key.charAt(depth++));
        }
        this.keyNode = node;
        this.keyRules = rules;
        this.keyLength = depth;
    }

    /**
     * @param text the flat text
     * @param length its length
     * @param at where the key word begins
     * @return the rules (as bits) whose pattern could match at {@code at}
     */
    long open(char[] text, int length, int at) {
        long rules = keyRules;
        Node node = keyNode;
        for (int i = at + keyLength; node != null; i++) {
            rules |= node.accept;
            node = i < length ? node.child(text[i]) : null;
        }
        return rules;
    }
}
