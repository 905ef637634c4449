package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.relaybench.store.BulkSession;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionPage;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.store.SessionSummary;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.db.Raw;

/**
 * PostgreSQL's free-text index, a {@code tsvector} of words in each session's summary row: words with the characters
 * a word may hold are found whole and by prefix, however a search text is punctuated, and a store
 * written before the index moved over (one {@code rb_session_token} row per word) keeps every word
 * when it is opened again.
 */
class PostgresWordIndexTest {

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    private static List<String> find(SessionStore store, String text) {
        return store.search(SessionQuery.all().withText(text).page(100, 0)).sessions().stream().map(SessionSummary::id)
                .toList();
    }

    @Test
    void wordsWithDotsAtSignsAndAccentsAreFoundWholeAndByPrefix() throws Exception {
        try (SessionStore store = SessionStores.open(Backend.POSTGRESQL.freshStore("words_chars"))) {
            String jose = store.open(new NewSession("agent", "José Ölçer", "TK-1", Samples.account("josé.o@exämple.org"), T0));
            String sam = store.open(new NewSession("agent", "Sam O'Brien", "TK-2", Samples.account("sam_x-y@aol.com"),
                    T0.plus(Duration.ofMinutes(1))));
            store.addNote(sam, "agent", "said it's 50% sure \\ backslash: & | ! ( ) <-> :* 'quoted'");
            assertEquals(List.of(jose), find(store, "josé.o@exämple.org"));
            assertEquals(List.of(jose), find(store, "EXÄMP*"));
            assertEquals(List.of(jose), find(store, "ölçer"));
            assertEquals(List.of(sam), find(store, "sam_x-y@aol.com"));
            assertEquals(List.of(sam), find(store, "o'brien"), "a quote splits words, in the index and the search alike");
            assertEquals(List.of(sam), find(store, "'quoted' & | ! :* sure"), "tsquery's operators are only punctuation here");
            assertEquals(List.of(sam), find(store, "backslash\\"));
            assertEquals(List.of(sam, jose), find(store, "agent"));
            assertEquals(List.of(), find(store, "jos"), "a word is found whole unless a prefix is asked for");
            assertEquals(List.of(jose), find(store, "jos*"));
            assertEquals(List.of(sam), find(store, "sam brien tk-2"));
            assertEquals(List.of(), find(store, "brien josé"), "every word must be there");
        }
    }

    @Test
    void aStoreWithOneRowPerWordKeepsEveryWordWhenItMovesOver() throws Exception {
        String url = Backend.POSTGRESQL.freshStore("words_migration");
        List<String> ids = new ArrayList<>();
        try (SessionStore store = SessionStores.open(url)) {
            for (int i = 0; i < 30; i++) {
                String id = store.open(new NewSession("agent" + i % 3, "Customer " + i, "TK-" + i,
                        Samples.account("user" + i + "@" + (i % 2 == 0 ? "aol.com" : "gmail.com")), T0.plus(Duration.ofHours(i))));
                store.recordDiagnosis(id, "agent", Samples.diagnosis(i % 2 == 0 ? "aol" : "gmail", "smtp-auth-missing"));
                ids.add(id);
            }
            store.addNote(ids.get(7), "agent", "nephew's Thunderbird profile");
        }
        // the store as changesets 1 to 5 left it: the words one row each in rb_session_token
        try (Connection c = Raw.connect(url); Statement s = c.createStatement()) {
            s.execute("create table rb_session_token (session_id varchar(36) not null, token varchar(64) not null,"
                    + " opened_at timestamp with time zone not null, constraint rb_session_token_pk primary key (session_id, token))");
            s.execute("create index rb_session_token_by on rb_session_token (token, opened_at desc, session_id desc)");
            s.execute("insert into rb_session_token (session_id, token, opened_at)"
                    + " select id, unnest(tsvector_to_array(words)), opened_at from rb_session");
            s.execute("alter table rb_session drop column words");
            assertEquals(1, s.executeUpdate("delete from databasechangelog where id = '6-session-words'"));
            c.commit();
        }
        long words = count(url, "select count(*) from rb_session_token");
        assertTrue(words > 30 * 10, "words per session before: " + words);

        try (SessionStore store = SessionStores.open(url)) {
            assertFalse(tables(url).contains("rb_session_token"), "the old table is gone");
            assertEquals(words, count(url, "select sum(length(words)) from rb_session"), "every word moved over");
            assertEquals(30, count(url, "select count(*) from rb_session where length(words) > 10"));
            assertEquals(List.of(ids.get(7)), find(store, "thunderbird nephew"));
            assertEquals(List.of(ids.get(11)), find(store, "user11@gmail.com"));
            assertEquals(15, find(store, "gmail").size());
            assertEquals(List.of(ids.get(29), ids.get(28)), store.search(SessionQuery.all().withText("smtp*").page(2, 0))
                    .sessions().stream().map(SessionSummary::id).toList(), "newest first");
            // and the store goes on indexing new words in the new table
            store.addNote(ids.get(3), "agent", "escalated to tier two");
            assertEquals(List.of(ids.get(3)), find(store, "escalated"));
        }
    }

    /**
     * A prefix search first reads the newest few thousand sessions' words and falls back on the whole
     * index when they hold less than a page; either way the page is the newest matches.
     */
    @Test
    void aPrefixSearchReturnsTheNewestMatchesWhetherTheNewestSessionsHoldAPageOrNot() throws Exception {
        int n = 5_000; // more than the newest sessions read first (4,000)
        try (SessionStore store = SessionStores.open(Backend.POSTGRESQL.freshStore("words_window"))) {
            List<String> ids = new ArrayList<>();
            List<BulkSession> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // customer words: "common<i>" in every session, "oldonly<i>" in the 100 oldest, "mixed<i>"
                // in 3 of the newest and the 60 oldest
                String words = "common" + i + (i < 100 ? " oldonly" + i : "") + (i < 60 || i >= n - 3 ? " mixed" + i : "");
                String id = store.newId();
                ids.add(id);
                all.add(new BulkSession(id, new NewSession("agent", words, "T" + i, Samples.account("u" + i + "@aol.com"),
                        T0.plus(Duration.ofSeconds(i))), List.of(), Optional.empty()));
            }
            for (int i = 0; i < n; i += 1000) {
                store.openAll(all.subList(i, i + 1000));
            }
            SessionQuery common = SessionQuery.all().withText("common*").page(50, 0);
            assertEquals(newest(ids, 50, i -> true), find(store, common), "a page among the newest");
            SessionPage second = store.search(common.page(50, 50));
            assertEquals(newest(ids, 100, i -> true).subList(50, 100), second.sessions().stream().map(SessionSummary::id).toList());
            assertTrue(second.more());
            assertEquals(newest(ids, 50, i -> i < 100), find(store, SessionQuery.all().withText("oldonly*").page(50, 0)),
                    "none among the newest: the whole index");
            assertEquals(newest(ids, 50, i -> i < 60 || i >= n - 3), find(store, SessionQuery.all().withText("mixed*").page(50, 0)),
                    "three among the newest and the rest long before");
            assertEquals(newest(ids, 50, i -> i >= 10 && i < 60), find(store, SessionQuery.all().withText("mixed*")
                    .withSince(T0.plus(Duration.ofSeconds(10))).withUntil(T0.plus(Duration.ofSeconds(60))).page(50, 0)),
                    "a time range older than the newest sessions");
            assertEquals(60, find(store, SessionQuery.all().withText("mixed*").withUntil(T0.plus(Duration.ofSeconds(60)))
                    .page(100, 0)).size());
        }
    }

    private static List<String> find(SessionStore store, SessionQuery q) {
        return store.search(q).sessions().stream().map(SessionSummary::id).toList();
    }

    private static List<String> newest(List<String> ids, int page, java.util.function.IntPredicate which) {
        List<String> out = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0 && out.size() < page; i--) {
            if (which.test(i)) {
                out.add(ids.get(i));
            }
        }
        return out;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = Raw.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    private static Set<String> tables(String url) throws SQLException {
        try (Connection c = Raw.connect(url); ResultSet rs = c.getMetaData().getTables(null, "public", "rb_%", new String[] { "TABLE" })) {
            Set<String> out = new java.util.TreeSet<>();
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
            return out;
        }
    }
}
