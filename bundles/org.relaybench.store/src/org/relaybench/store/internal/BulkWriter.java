package org.relaybench.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.relaybench.core.Finding;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.store.BulkSession;
import org.relaybench.store.NewSession;

import com.google.gson.JsonObject;

/**
 * Writes many new sessions inside the caller's transaction, all rows of a table in one go
 * ({@link BulkTables}: COPY on PostgreSQL, a JDBC batch elsewhere), so that a chunk of sessions costs
 * a few round trips instead of a dozen per session.
 * <p>
 * Every row is the one {@link JdbcSessionStore#open} writes for the same session: the opening event
 * (seq 1), then one event per probe and the diagnosis event, the summary row as those events leave
 * it, and the index words and causes of all of them. A new session has no rows yet, so no row has to
 * be locked or read first: the summary row is inserted in its final state instead of inserted and
 * then updated once per event. The tables are written in foreign-key order (summary rows first).
 */
final class BulkWriter {

    private BulkWriter() {
    }

    /**
     * @param c a connection in the caller's transaction
     * @param sessions the sessions to open
     * @param now the time of their probe and diagnosis events (those {@code open} logs at the moment it
     *        writes them)
     * @throws SQLException when the database refuses a row; the caller rolls back
     */
    static void write(Connection c, StoreDatabase.Kind kind, List<BulkSession> sessions, Instant now)
            throws SQLException {
        OffsetDateTime later = Times.sql(now);
        boolean postgres = kind == StoreDatabase.Kind.POSTGRESQL;
        List<String> columns = new ArrayList<>(List.of("id", "opened_at", "updated_at", "agent", "customer", "customer_key",
                "ticket", "ticket_key", "email", "provider_id", "top_cause", "status", "diagnoses", "probes", "last_seq"));
        if (postgres) {
            columns.add("words"); // PostgreSQL's word index is in the summary row (WordIndex)
        }
        try (BulkTables rows = BulkTables.of(c, kind, "rb_session", columns.toArray(String[]::new));
                BulkTables events = BulkTables.of(c, kind, "rb_event", "session_id", "seq", "at", "agent", "kind", "payload");
                BulkTables causes = BulkTables.of(c, kind, "rb_session_cause", "session_id", "cause", "opened_at");
                // H2's word index, a row per word (PostgreSQL has none: the words are in the summary row)
                BulkTables tokens = postgres ? null
                        : BulkTables.of(c, kind, "rb_session_token", "session_id", "token", "opened_at")) {
            for (BulkSession b : sessions) {
                NewSession s = b.session();
                OffsetDateTime opened = Times.sql(s.at());
                long seq = 1;
                event(events, b.id(), seq, opened, s.agent(), EventKind.OPENED, opening(s));
                List<String> texts = new ArrayList<>(List.of(s.customer(), s.ticket(), s.agent()));
                texts.addAll(AccountCodec.searchable(s.account()));
                for (ProbeRecord p : b.probes()) {
                    event(events, b.id(), ++seq, later, s.agent(), EventKind.PROBED, RecordCodec.write(p));
                    texts.addAll(List.of(p.host(), p.code().orElse(""), p.summary()));
                }
                String provider = "";
                String top = "";
                if (b.diagnosis().isPresent()) {
                    DiagnosisRecord d = b.diagnosis().get();
                    event(events, b.id(), ++seq, later, s.agent(), EventKind.DIAGNOSED, RecordCodec.write(d));
                    provider = d.providerId().orElse("");
                    top = d.findings().isEmpty() ? "" : d.findings().get(0).code();
                    d.providerId().ifPresent(texts::add);
                    d.providerName().ifPresent(texts::add);
                    Set<String> codes = new LinkedHashSet<>();
                    for (Finding f : d.findings()) {
                        texts.add(f.code());
                        texts.add(f.title());
                        if (!f.code().isEmpty()) {
                            codes.add(SummaryWriter.clip(f.code(), 200));
                        }
                    }
                    index(causes, b.id(), codes, opened);
                }
                Set<String> words = Tokens.of(texts);
                List<Object> row = new ArrayList<>(List.of(b.id(), opened, seq == 1 ? opened : later,
                        SummaryWriter.clip(s.agent(), 200), SummaryWriter.clip(s.customer(), 400),
                        SummaryWriter.key(s.customer(), 400), SummaryWriter.clip(s.ticket(), 200),
                        SummaryWriter.key(s.ticket(), 200), SummaryWriter.clip(s.account().email(), 320),
                        SummaryWriter.clip(provider, 200), SummaryWriter.clip(top, 200), "open",
                        b.diagnosis().isPresent() ? 1 : 0, b.probes().size(), seq));
                if (postgres) {
                    row.add(WordIndex.tsvector(words));
                } else {
                    index(tokens, b.id(), words, opened);
                }
                rows.row(row.toArray());
            }
            // summary rows first: the events and index rows refer to them
            rows.finish();
            events.finish();
            causes.finish();
            if (tokens != null) {
                tokens.finish();
            }
        }
    }

    /** @return the payload of the opening event, as {@code open} writes it */
    static JsonObject opening(NewSession session) {
        JsonObject p = new JsonObject();
        p.addProperty("customer", session.customer());
        p.addProperty("ticket", session.ticket());
        p.add("account", AccountCodec.write(session.account()));
        return p;
    }

    private static void event(BulkTables s, String id, long seq, OffsetDateTime at, String agent, EventKind kind,
            JsonObject payload) throws SQLException {
        s.row(id, seq, at, SummaryWriter.clip(agent, 200), kind.id(), Json.write(payload));
    }

    private static void index(BulkTables s, String id, Set<String> values, OffsetDateTime opened) throws SQLException {
        for (String v : values) {
            if (!v.isEmpty()) {
                s.row(id, v, opened);
            }
        }
    }
}
