package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SupportSession;
import org.relaybench.store.BulkSession;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.store.StoreException;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.db.Raw;

/**
 * {@link SessionStore#openAll}: the rows of a bulk opening are those of single openings of the same
 * sessions, row for row in every table; a chunk that fails anywhere leaves nothing of itself.
 * Subclassed per database.
 */
abstract class BulkOpeningContract {

    abstract Backend backend();

    /** Who opens what, with which probes and diagnosis: a mix of every shape a batch logs. */
    private record Sample(NewSession session, List<ProbeRecord> probes, Optional<DiagnosisRecord> diagnosis) {
    }

    private static List<Sample> samples(Instant at) {
        ProbeRecord leaky = new ProbeRecord(at, "smtp.aol.com", 587, "starttls", Optional.empty(), "",
                List.of("S: 220 ready", "C: AUTH PLAIN AHNhbUBhb2wuY29tAGh1bnRlcjI=", "S: 535 5.7.8 no"));
        return List.of(
                new Sample(new NewSession("batch-bot", "R1", "accounts.csv:2", Samples.account("sam@aol.com"), at), List.of(),
                        Optional.of(Samples.diagnosis("aol", "smtp-auth-missing", "wrong-smtp-port"))),
                new Sample(new NewSession("batch-bot", "R2", "accounts.csv:3", Samples.account("kim@yahoo.com"), at),
                        List.of(Samples.probe("smtp.mail.yahoo.com", 12), leaky),
                        Optional.of(Samples.diagnosis("yahoo", "relay-denied"))),
                new Sample(new NewSession("batch-bot", "R3", "", Samples.account("lee@example.org"), at), List.of(),
                        Optional.of(Samples.diagnosis("generic"))),
                new Sample(new NewSession("", "R4", "accounts.csv:5", Samples.account("pat@icloud.com"), at), List.of(),
                        Optional.empty()));
    }

    @Test
    void aBulkOpeningStoresTheRowsOfSingleOpeningsOfTheSameSessions() throws Exception {
        String singleUrl = backend().freshStore("bulk_single");
        String bulkUrl = backend().freshStore("bulk_bulk");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Sample> samples = samples(at);
        List<String> singleIds = new ArrayList<>();
        List<String> bulkIds = new ArrayList<>();
        try (SessionStore single = SessionStores.open(singleUrl); SessionStore bulk = SessionStores.open(bulkUrl)) {
            List<BulkSession> all = new ArrayList<>();
            for (Sample s : samples) {
                singleIds.add(single.open(s.session(), s.probes(), s.diagnosis()));
                String id = bulk.newId();
                bulkIds.add(id);
                all.add(new BulkSession(id, s.session(), s.probes(), s.diagnosis()));
            }
            bulk.openAll(all);
            assertEquals(bulkIds.size(), new HashSet<>(bulkIds).size(), "ids are unique");
            for (int i = 0; i < samples.size(); i++) {
                SupportSession a = single.get(singleIds.get(i)).orElseThrow();
                SupportSession b = bulk.get(bulkIds.get(i)).orElseThrow();
                assertEquals(a.customer(), b.customer());
                assertEquals(a.ticket(), b.ticket());
                assertEquals(a.agent(), b.agent());
                assertEquals(a.opened(), b.opened());
                assertEquals(a.account(), b.account());
                assertEquals(a.status(), b.status());
                assertEquals(a.diagnoses(), b.diagnoses());
                assertEquals(a.probes(), b.probes());
                assertEquals(a.audit().stream().map(e -> e.sequence() + " " + e.action() + " " + e.agent() + " " + e.detail()).toList(),
                        b.audit().stream().map(e -> e.sequence() + " " + e.action() + " " + e.agent() + " " + e.detail()).toList());
                assertFalse(b.updated().isBefore(b.opened()));
            }
            List<String> transcript = bulk.get(bulkIds.get(1)).orElseThrow().probes().get(1).transcript();
            assertEquals("C: AUTH PLAIN [redacted]", transcript.get(1), "the store's second line of defence: " + transcript);
            assertEquals(single.search(SessionQuery.all().withText("relaying")).sessions().size(),
                    bulk.search(SessionQuery.all().withText("relaying")).sessions().size());
            assertEquals(List.of(bulkIds.get(1)),
                    bulk.search(SessionQuery.all().withCause("relay-denied")).sessions().stream().map(x -> x.id()).toList());
        }
        try (Connection s = Raw.connect(singleUrl); Connection b = Raw.connect(bulkUrl)) {
            for (String table : backend().tables()) {
                assertEquals(rows(s, table, singleIds), rows(b, table, bulkIds), table);
            }
            SummaryCheck.assertConsistent(b);
        }
    }

    @Test
    void aChunkThatFailsMidwayLeavesNothingOfItselfAndATakenIdIsRefused() throws Exception {
        String url = backend().freshStore("bulk_fail");
        Instant at = Instant.now();
        try (SessionStore store = SessionStores.open(url)) {
            // fault injection: the database refuses one index word of the third session (on H2 in the
            // last table the chunk writes, after the rows of every other table went in; on PostgreSQL
            // in its summary row)
            try (Connection c = Raw.connect(url); Statement s = c.createStatement()) {
                s.execute(backend().refuseWord("rb_test_no_poison", "poisoned"));
                c.commit();
            }
            List<BulkSession> chunk = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String customer = i == 2 ? "poisoned" : "C" + i;
                chunk.add(new BulkSession(store.newId(), new NewSession("a", customer, "T" + i, Samples.account("sam@aol.com"), at),
                        List.of(Samples.probe("smtp.aol.com", 10)), Optional.of(Samples.diagnosis("aol", "smtp-auth-missing"))));
            }
            assertThrows(StoreException.class, () -> store.openAll(chunk));
            Map<String, Long> none = new TreeMap<>();
            backend().tables().forEach(t -> none.put(t, 0L));
            assertEquals(none, counts(url),
                    "nothing of the chunk");
            List<BulkSession> healthy = new ArrayList<>(chunk);
            healthy.remove(2);
            store.openAll(healthy);
            assertEquals(4, store.search(SessionQuery.all()).sessions().size());

            BulkSession taken = new BulkSession(healthy.get(0).id(), new NewSession("a", "again", "T9", Samples.account("kim@aol.com"), at),
                    List.of(), Optional.empty());
            BulkSession fresh = new BulkSession(store.newId(), taken.session(), List.of(), Optional.empty());
            long start = System.nanoTime();
            assertThrows(StoreException.class, () -> store.openAll(List.of(fresh, taken)));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "a taken id is refused, not retried for long");
            assertTrue(store.get(fresh.id()).isEmpty(), "nothing of that chunk either");
            assertEquals("C0", store.get(taken.id()).orElseThrow().customer(), "the session with that id is untouched");
        }
        try (Connection c = Raw.connect(url)) {
            SummaryCheck.assertConsistent(c);
        }
    }

    @Test
    void idsAreNewEachTimeAndNoChunkIsEmptyWork() throws Exception {
        try (SessionStore store = SessionStores.open(backend().freshStore("bulk_ids"))) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                assertTrue(ids.add(store.newId()));
            }
            String a = store.newId();
            String b = store.newId();
            assertNotEquals(a, b);
            assertTrue(a.compareTo(b) <= 0 || a.substring(0, 13).equals(b.substring(0, 13)), "ids sort by time: " + a + " " + b);
            store.openAll(List.of());
            assertEquals(0, store.search(SessionQuery.all()).sessions().size());
        }
    }

    private Map<String, Long> counts(String url) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = Raw.connect(url); Statement s = c.createStatement()) {
            for (String table : backend().tables()) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
            c.commit();
        }
        return new TreeMap<>(out);
    }

    /**
     * The rows of a table, each as its columns' text, the session's id replaced by its place in the
     * list, and the times written when a probe or diagnosis was logged (which differ by how long the
     * writes took) left out: {@code updated_at}, and {@code at} of every change but the opening.
     */
    private static Set<List<String>> rows(Connection c, String table, List<String> ids) throws SQLException {
        Set<List<String>> out = new HashSet<>();
        String idColumn = table.equals("rb_session") ? "id" : "session_id";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                boolean laterChange = table.equals("rb_event") && rs.getLong("seq") > 1;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                    if (column.equals("updated_at") || column.equals("at") && laterChange) {
                        continue;
                    }
                    Object value = column.endsWith("_at") || column.equals("at")
                            ? rs.getObject(i, java.time.OffsetDateTime.class).toInstant()
                            : rs.getObject(i);
                    row.add(column + "=" + (column.equals(idColumn) ? "#" + ids.indexOf(rs.getString(i)) : value));
                }
                out.add(row);
            }
        }
        c.commit();
        return out;
    }
}
