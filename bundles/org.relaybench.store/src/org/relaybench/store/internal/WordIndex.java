package org.relaybench.store.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.postgresql.PGConnection;

/**
 * The free-text index: the words ({@link Tokens}) each session can be found by.
 * <p>
 * On H2 it is one row per word and session ({@code rb_session_token}), read newest first from its
 * {@code (token, opened_at desc)} index. On PostgreSQL it is a {@code tsvector} column of the
 * session's summary row ({@code rb_session.words}) under a GIN index: the words go in as they are
 * ({@code array_to_tsvector}, no text-search parsing or stemming), and a search is a {@code tsquery}
 * of them, {@code word:*} for a prefix. Adding a session's 50-odd words then costs one value and
 * GIN pending-list entries instead of 50 rows in three btrees, which is what bulk logging spent
 * most of its time on.
 */
final class WordIndex {

    private WordIndex() {
    }

    /** @return whether the connection is to PostgreSQL, whose index is {@code rb_session.words} */
    static boolean postgres(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class);
    }

    /**
     * Adds words to the index of a session in PostgreSQL, each once; words it has already are left as
     * they are. The session's summary row is there, locked by the caller's transaction.
     */
    static void addOnPostgres(Connection c, String id, Set<String> words) throws SQLException {
        if (words.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("update rb_session set words = words || array_to_tsvector(?) where id = ?")) {
            Array array = c.createArrayOf("text", words.toArray());
            s.setArray(1, array);
            s.setString(2, id);
            s.executeUpdate();
            array.free();
        }
    }

    /**
     * @return the words in {@code tsvector}'s text form: each quoted, so that it is taken as one lexeme
     *         whatever it holds
     */
    static String tsvector(Collection<String> words) {
        StringBuilder out = new StringBuilder(words.size() * 12);
        for (String w : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            quote(out, w);
        }
        return out.toString();
    }

    /**
     * @param exact words a session must have
     * @param prefixes beginnings of words a session must have
     * @return a {@code tsquery} in its text form that a session's words match when they hold all of them
     */
    static String tsquery(List<String> exact, List<String> prefixes) {
        StringBuilder out = new StringBuilder();
        for (String w : exact) {
            quote(out.append(out.length() == 0 ? "" : " & "), w);
        }
        for (String p : prefixes) {
            quote(out.append(out.length() == 0 ? "" : " & "), p).append(":*");
        }
        return out.toString();
    }

    /** A lexeme in single quotes: a quote doubled, a backslash escaped. */
    private static StringBuilder quote(StringBuilder out, String word) {
        out.append('\'');
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (ch == '\'' || ch == '\\') {
                out.append(ch == '\'' ? '\'' : '\\');
            }
            out.append(ch);
        }
        return out.append('\'');
    }
}
