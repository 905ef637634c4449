package org.relaybench.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.relaybench.core.session.SessionStatus;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionSummary;

/**
 * Turns a {@link SessionQuery} into one SQL query that both H2 and PostgreSQL run from an index.
 * <p>
 * The query is driven by the most selective criterion it has: a ticket (a handful of sessions), else
 * an exact free-text word or a cause, read from their index tables in {@code (value, opened_at desc)}
 * order so that the newest matches come first and reading stops after one page; else the sessions by
 * opening time. Every other criterion filters those rows, the word and cause criteria through
 * {@code exists} on the same indexes.
 */
final class SearchSql {

    private static final String COLUMNS = "s.id, s.opened_at, s.updated_at, s.agent, s.customer, s.ticket, s.status,"
            + " s.email, s.provider_id, s.top_cause, s.diagnoses, s.probes, s.last_seq";

    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private SearchSql() {
    }

    /**
     * @param c a connection
     * @param q the query
     * @return the matching sessions of q's page, plus one more when there is one
     * @throws SQLException when the database fails
     */
    static List<SessionSummary> run(Connection c, SessionQuery q) throws SQLException {
        SearchSql b = new SearchSql();
        String sql = b.build(q);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < b.params.size(); i++) {
                s.setObject(i + 1, b.params.get(i));
            }
            List<SessionSummary> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            return out;
        }
    }

    private String build(SessionQuery q) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Set<String> words = Tokens.query(q.text());
        for (String w : words) {
            if (w.endsWith("*")) {
                prefixes.add(w.substring(0, w.length() - 1));
            } else {
                exact.add(w);
            }
        }
        String from;
        String order;
        String time;
        if (q.ticket().isEmpty() && !exact.isEmpty()) {
            from = "rb_session_token d join rb_session s on s.id = d.session_id";
            condition("d.token = ?", exact.remove(0));
            order = "d.opened_at desc, d.session_id desc";
            time = "d.opened_at";
        } else if (q.ticket().isEmpty() && q.cause().isPresent()) {
            from = "rb_session_cause d join rb_session s on s.id = d.session_id";
            condition("d.cause = ?", q.cause().get());
            order = "d.opened_at desc, d.session_id desc";
            time = "d.opened_at";
            q = q.withCause(null);
        } else {
            from = "rb_session s";
            order = "s.opened_at desc, s.id desc";
            time = "s.opened_at";
        }
        q.ticket().ifPresent(t -> condition("s.ticket_key = ?", SummaryWriter.key(t, 200)));
        q.customer().ifPresent(t -> condition("s.customer_key like ? escape '!'", like(SummaryWriter.key(t, 400))));
        q.provider().ifPresent(p -> condition("s.provider_id = ?", p));
        q.status().map(SessionStatus::id).ifPresent(st -> condition("s.status = ?", st));
        q.since().ifPresent(t -> condition(time + " >= ?", Times.sql(t)));
        q.until().ifPresent(t -> condition(time + " < ?", Times.sql(t)));
        q.cause().ifPresent(cause -> condition(
                "exists (select 1 from rb_session_cause c where c.session_id = s.id and c.cause = ?)", cause));
        for (String w : exact) {
            condition("exists (select 1 from rb_session_token t where t.session_id = s.id and t.token = ?)", w);
        }
        for (String p : prefixes) {
            condition("exists (select 1 from rb_session_token t where t.session_id = s.id and t.token like ? escape '!')",
                    like(p));
        }
        params.add(Integer.valueOf(q.offset()));
        params.add(Integer.valueOf(q.limit() + 1));
        return "select " + COLUMNS + " from " + from + (where.length() == 0 ? "" : " where " + where) + " order by "
                + order + " offset ? rows fetch next ? rows only";
    }

    private void condition(String sql, Object param) {
        where.append(where.length() == 0 ? "" : " and ").append(sql);
        params.add(param);
    }

    /** @return a LIKE pattern for "starts with", {@code !} escaping the wildcards */
    private static String like(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static SessionSummary summary(ResultSet rs) throws SQLException {
        return new SessionSummary(rs.getString("id"), Times.read(rs, "opened_at"), Times.read(rs, "updated_at"),
                rs.getString("agent"), rs.getString("customer"), rs.getString("ticket"),
                SessionStatus.parse(rs.getString("status")).orElse(SessionStatus.OPEN), rs.getString("email"),
                rs.getString("provider_id"), rs.getString("top_cause"), rs.getInt("diagnoses"), rs.getInt("probes"),
                rs.getLong("last_seq"));
    }
}
