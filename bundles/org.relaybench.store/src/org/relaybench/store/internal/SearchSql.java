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
 * order, else a provider or a status from theirs, so that the newest matches come first and reading
 * stops after one page; else the sessions by opening time. Every other criterion filters those rows,
 * the word and cause criteria through {@code exists} on the same indexes. A word prefix
 * ({@code word*}) matching few index entries is looked up in the word index instead.
 * <p>
 * That is H2's word index ({@code rb_session_token}). On PostgreSQL the words and prefixes are one
 * {@code tsquery} against the summary row's words ({@link WordIndex}), a condition like the others,
 * and a query with a prefix first looks among the newest sessions ({@link #NEWEST}).
 */
final class SearchSql {

    private static final String COLUMNS = "s.id, s.opened_at, s.updated_at, s.agent, s.customer, s.ticket, s.status,"
            + " s.email, s.provider_id, s.top_cause, s.diagnoses, s.probes, s.last_seq";

    /** At most this many index entries make a word prefix "rare". */
    private static final int RARE = 2000;

    /** How many of the newest sessions {@link #NEWEST} holds. */
    static final int WINDOW = 4000;

    /**
     * PostgreSQL: the newest {@value #WINDOW} sessions only. A prefix that begins many different words
     * (say {@code user*} over a hundred thousand addresses) is a costly GIN lookup whose matches are
     * then sorted, and the planner cannot tell from its statistics; when the newest sessions hold a
     * page of matches, which is when there are that many, they are the answer.
     */
    private static final String NEWEST = "(select * from rb_session order by opened_at desc, id desc fetch first " + WINDOW
            + " rows only) s";

    /** Whether the query asks PostgreSQL's word index for a prefix: {@link #NEWEST} first. */
    private boolean windowed;
    private String from;
    private String rest;

    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private final boolean h2;

    private SearchSql(boolean h2) {
        this.h2 = h2;
    }

    /**
     * @param c a connection
     * @param kind the database's kind
     * @param q the query
     * @return the matching sessions of q's page, plus one more when there is one
     * @throws SQLException when the database fails
     */
    static List<SessionSummary> run(Connection c, StoreDatabase.Kind kind, SessionQuery q) throws SQLException {
        SearchSql b = new SearchSql(kind == StoreDatabase.Kind.H2);
        b.build(c, q);
        String sql = b.select("rb_session s");
        if (b.windowed && q.offset() + q.limit() < WINDOW) {
            // when the newest sessions hold a full page, no older match can come before those
            List<SessionSummary> newest = b.execute(c, b.select(NEWEST));
            if (newest.size() > q.limit()) {
                return newest;
            }
        }
        return b.execute(c, sql);
    }

    private List<SessionSummary> execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
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

    /*
     * Each ORDER BY starts with the driving index's equality column, constant in the query: that tells
     * H2 that the index delivers the rows already sorted (PostgreSQL sees it either way), so reading
     * stops after one page instead of sorting every match.
     */
    private void build(Connection c, SessionQuery q) throws SQLException {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String w : Tokens.query(q.text())) {
            if (w.endsWith("*")) {
                prefixes.add(w.substring(0, w.length() - 1));
            } else {
                exact.add(w);
            }
        }
        from = "rb_session s";
        String order = "s.opened_at desc, s.id desc";
        String time = "s.opened_at";
        boolean causeDone = false;
        boolean providerDone = false;
        boolean statusDone = false;
        if (q.ticket().isPresent()) {
            condition("s.ticket_key = ?", SummaryWriter.key(q.ticket().get(), 200));
            order = "s.ticket_key, " + order;
        } else if (h2 && !exact.isEmpty()) {
            from = "rb_session_token d join rb_session s on s.id = d.session_id";
            condition("d.token = ?", exact.remove(0));
            order = "d.token, d.opened_at desc, d.session_id desc";
            time = "d.opened_at";
        } else if (q.cause().isPresent()) {
            from = "rb_session_cause d join rb_session s on s.id = d.session_id";
            condition("d.cause = ?", q.cause().get());
            order = "d.cause, d.opened_at desc, d.session_id desc";
            time = "d.opened_at";
            causeDone = true;
        } else if (q.provider().isPresent()) {
            condition("s.provider_id = ?", q.provider().get());
            order = "s.provider_id, " + order;
            providerDone = true;
        } else if (q.status().isPresent()) {
            condition("s.status = ?", q.status().get().id());
            order = "s.status, " + order;
            statusDone = true;
        }
        if (q.customer().isPresent()) {
            clause(startsWith("s.customer_key", SummaryWriter.key(q.customer().get(), 400)));
        }
        if (!providerDone) {
            q.provider().ifPresent(p -> condition("s.provider_id = ?", p));
        }
        if (!statusDone) {
            q.status().map(SessionStatus::id).ifPresent(st -> condition("s.status = ?", st));
        }
        if (q.since().isPresent()) {
            condition(time + " >= ?", Times.sql(q.since().get()));
        }
        if (q.until().isPresent()) {
            condition(time + " < ?", Times.sql(q.until().get()));
        }
        if (!causeDone) {
            q.cause().ifPresent(cause -> condition(
                    "exists (select 1 from rb_session_cause c where c.session_id = s.id and c.cause = ?)", cause));
        }
        if (!h2 && !(exact.isEmpty() && prefixes.isEmpty())) {
            // the summary row's words: PostgreSQL's planner chooses between their GIN index (few
            // matches, combined with the other criteria's indexes, sorted after) and the sessions
            // newest first, each checked (many matches: reading stops after one page)
            condition("s.words @@ cast(? as tsquery)", WordIndex.tsquery(exact, prefixes));
            windowed = !prefixes.isEmpty();
            exact.clear();
            prefixes.clear();
        }
        for (String w : exact) {
            condition("exists (select 1 from rb_session_token t where t.session_id = s.id and t.token = ?)", w);
        }
        for (String p : prefixes) {
            // a rare prefix is looked up in the word index; a common one is checked on the newest sessions
            String lookup = rare(c, p) ? "s.id in (select t.session_id from rb_session_token t where "
                    : "exists (select 1 from rb_session_token t where t.session_id = s.id and ";
            clause(lookup + startsWith("t.token", p) + ")");
        }
        params.add(Integer.valueOf(q.offset()));
        params.add(Integer.valueOf(q.limit() + 1));
        rest = (where.length() == 0 ? "" : " where " + where) + " order by "
                + order + " offset ? rows fetch next ? rows only";
    }

    /** @return the query built, with {@code sessions} (a table or subquery named s) for the summary rows */
    private String select(String sessions) {
        return "select " + COLUMNS + " from " + from.replace("rb_session s", sessions) + rest;
    }

    /** @return whether few index words start with the prefix */
    private boolean rare(Connection c, String prefix) throws SQLException {
        SearchSql probe = new SearchSql(h2);
        try (PreparedStatement s = c.prepareStatement("select session_id from rb_session_token where "
                + probe.startsWith("token", prefix) + " fetch first " + (RARE + 1) + " rows only")) {
            for (int i = 0; i < probe.params.size(); i++) {
                s.setObject(i + 1, probe.params.get(i));
            }
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && n <= RARE) {
                    n++;
                }
            }
            return n <= RARE;
        }
    }

    /**
     * A "starts with" condition that reads an index range; adds its parameters. H2 compares strings by their characters,
     * so the prefix's range is exact (and faster for it than LIKE with a parameter); PostgreSQL's
     * collations may not be, so there it is LIKE, served by the varchar_pattern_ops indexes.
     */
    private String startsWith(String column, String prefix) {
        if (h2) {
            params.add(prefix);
            params.add(prefix + Character.MAX_VALUE);
            return column + " >= ? and " + column + " < ?";
        }
        params.add(like(prefix));
        return column + " like ? escape '!'";
    }

    private void condition(String sql, Object param) {
        params.add(param);
        clause(sql);
    }

    /** Adds a condition whose parameters were added already. */
    private void clause(String sql) {
        where.append(where.length() == 0 ? "" : " and ").append(sql);
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
