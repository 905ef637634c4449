package org.relaybench.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.relaybench.core.AccountProfile;

/**
 * Writes the session summary row and the search index rows that follow from a change. Always called
 * inside the transaction that appends the change, after the summary row was locked, so that the
 * summary and the indexes never disagree with the trail, and writers to one session take turns.
 */
final class SummaryWriter {

    private SummaryWriter() {
    }

    static void insertSession(Connection c, String id, Instant at, String agent, String customer, String ticket,
            AccountProfile account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into rb_session (id, opened_at, updated_at, agent, customer,"
                + " customer_key, ticket, ticket_key, email, provider_id, top_cause, status, diagnoses, probes, last_seq)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', 'open', 0, 0, 1)")) {
            s.setString(1, id);
            s.setObject(2, Times.sql(at));
            s.setObject(3, Times.sql(at));
            s.setString(4, clip(agent, 200));
            s.setString(5, clip(customer, 400));
            s.setString(6, key(customer, 400));
            s.setString(7, clip(ticket, 200));
            s.setString(8, key(ticket, 200));
            s.setString(9, clip(account.email(), 320));
            s.executeUpdate();
        }
    }

    static void diagnosed(Connection c, String id, String provider, String topCause) throws SQLException {
        update(c, "update rb_session set diagnoses = diagnoses + 1, provider_id = ?, top_cause = ? where id = ?",
                clip(provider, 200), clip(topCause, 200), id);
    }

    static void probed(Connection c, String id) throws SQLException {
        update(c, "update rb_session set probes = probes + 1 where id = ?", id);
    }

    static void status(Connection c, String id, String status) throws SQLException {
        update(c, "update rb_session set status = ? where id = ?", status, id);
    }

    static void account(Connection c, String id, AccountProfile account) throws SQLException {
        update(c, "update rb_session set email = ? where id = ?", clip(account.email(), 320), id);
    }

    /** Adds the causes to the session's cause index, each once. */
    static void causes(Connection c, String id, Instant opened, Collection<String> causes) throws SQLException {
        addMissing(c, "rb_session_cause", "cause", id, opened, new LinkedHashSet<>(causes), 200);
    }

    /** Adds the words of the texts to the session's free-text index, each once. */
    static void tokens(Connection c, String id, Instant opened, Collection<String> texts) throws SQLException {
        if (WordIndex.postgres(c)) {
            WordIndex.addOnPostgres(c, id, Tokens.of(texts));
        } else {
            addMissing(c, "rb_session_token", "token", id, opened, Tokens.of(texts), Tokens.MAX);
        }
    }

    private static void addMissing(Connection c, String table, String column, String id, Instant opened,
            Set<String> values, int max) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        values.stream().filter(v -> !v.isEmpty()).forEach(v -> wanted.add(clip(v, max)));
        if (wanted.isEmpty()) {
            return;
        }
        Set<String> present = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("select " + column + " from " + table + " where session_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
        }
        wanted.removeAll(present);
        if (wanted.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "insert into " + table + " (session_id, " + column + ", opened_at) values (?, ?, ?)")) {
            for (String v : wanted) {
                s.setString(1, id);
                s.setString(2, v);
                s.setObject(3, Times.sql(opened));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void update(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    /** @return the lower-cased form searched by prefix or equality */
    static String key(String text, int max) {
        return clip(text.trim().toLowerCase(Locale.ROOT), max);
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
