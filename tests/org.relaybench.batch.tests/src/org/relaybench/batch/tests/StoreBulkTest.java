package org.relaybench.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.SessionQuery;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.db.Raw;

/**
 * {@code batch --store} logs in bulk, chunks of sessions a transaction: every diagnosed record is
 * logged exactly once and every result names a stored session, also when a chunk fails midway and
 * when the run is killed again and again and resumed; on embedded H2 and on the test PostgreSQL.
 */
class StoreBulkTest {

    /** The session column at the end of a CSV result. */
    private static final Pattern SESSION = Pattern.compile(",([0-9a-f-]{36})?$");

    private static Path input(Path dir, int records) throws Exception {
        Path file = dir.resolve("accounts.csv");
        try (InputStream in = new Generated(records)) {
            Files.copy(in, file);
        }
        return file;
    }

    /** H2 as the store opens it, so that this connection and a store in this JVM may share the file. */
    private static String raw(String url) {
        return url.startsWith("jdbc:h2:") ? url + ";AUTO_SERVER=TRUE" : url;
    }

    /** @return ticket of every stored session by its id */
    private static Map<String, String> stored(String url) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = Raw.connect(raw(url)); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, ticket, customer, diagnoses, last_seq from rb_session")) {
            while (rs.next()) {
                assertEquals(1, rs.getInt("diagnoses"), rs.getString("id"));
                assertEquals(2, rs.getInt("last_seq"), "opened and diagnosed: " + rs.getString("id"));
                out.put(rs.getString("id"), rs.getString("ticket") + " " + rs.getString("customer"));
            }
            c.commit();
        }
        return out;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = Raw.connect(raw(url)); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    /**
     * Checks a finished run: its results, without their session ids, are the reference's; each names
     * a session stored for that very record (ticket {@code accounts.csv:LINE}, customer its id), and
     * the store holds those sessions and no others.
     */
    private static void assertLoggedOnce(List<String> reference, List<String> lines, String url, String context)
            throws SQLException {
        assertEquals(reference.size(), lines.size(), context);
        assertEquals(reference.get(0), lines.get(0), "the header");
        Map<String, String> stored = stored(url);
        Set<String> named = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            Matcher m = SESSION.matcher(lines.get(i));
            assertTrue(m.find() && m.group(1) != null, "line " + i + " names its session: " + lines.get(i));
            assertEquals(reference.get(i), lines.get(i).substring(0, m.start()) + ",", "line " + i + "; " + context);
            String id = m.group(1);
            assertTrue(named.add(id), "one session per record: " + id);
            String[] columns = lines.get(i).split(",");
            assertEquals("accounts.csv:" + columns[0] + " " + columns[1], stored.get(id), "line " + i + "; " + context);
        }
        assertEquals(named, stored.keySet(), "the store holds the sessions the results name, and no others; " + context);
        assertEquals(2L * named.size(), count(url, "select count(*) from rb_event"), context);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aChunkTheStoreRefusesStopsTheRunBeforeItsResultsAndResumeLogsTheRestOnce(Backend db) throws Exception {
        Path dir = Batch.folder("store-chunk-" + db);
        Path input = input(dir, 3_000);
        Batch plain = Batch.run("batch", "--quiet", "--output-format", "csv", input.toString());
        assertEquals(0, plain.exit(), plain.err());
        List<String> reference = plain.lines();
        String url = db.freshStore("batch_chunk");
        Path output = dir.resolve("results.csv");
        try (SessionLog log = OsgiServices.service(SupportSessions.class).openLog(Optional.of(url))) {
            log.search(SessionQuery.all()); // the schema is there
        }
        // fault injection: the store refuses the index words of record R1700, and with them its chunk
        try (Connection c = Raw.connect(raw(url)); Statement s = c.createStatement()) {
            s.execute(db.refuseWord("rb_test_refuse", "r1700"));
            c.commit();
        }
        Batch failed = Batch.run("batch", "--quiet", "--threads", "2", "--store", url, "--output", output.toString(),
                input.toString());
        assertEquals(3, failed.exit(), failed.err());
        assertTrue(failed.err().contains("--resume"), failed.err());
        List<String> partial = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertTrue(partial.size() <= 1_701, "no result of R1700 or after it: " + partial.size());
        assertEquals(Set.of(), missing(partial, stored(url)), "every result written names a stored session");
        assertEquals(0, count(url, "select count(*) from rb_session where customer = 'R1700'"), "nothing of the refused chunk");
        assertEquals(2 * count(url, "select count(*) from rb_session"), count(url, "select count(*) from rb_event"),
                "each stored session whole, with its diagnosis");

        try (Connection c = Raw.connect(raw(url)); Statement s = c.createStatement()) {
            s.execute(db.acceptWordsAgain("rb_test_refuse"));
            c.commit();
        }
        Batch resumed = Batch.run("batch", "--resume", "--threads", "2", "--store", url, "--output", output.toString(),
                input.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("3,000 records: 3,000 diagnosed"), resumed.err());
        assertLoggedOnce(reference, Files.readAllLines(output, StandardCharsets.UTF_8), url, db.toString());
    }

    private static Set<String> missing(List<String> lines, Map<String, String> stored) {
        Set<String> out = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = SESSION.matcher(line);
            if (!m.find() || m.group(1) == null || !stored.containsKey(m.group(1))) {
                out.add(line);
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRunWithAStoreKilledAgainAndAgainLogsEveryRecordOnce(Backend db) throws Exception {
        Path dir = Batch.folder("store-kill9-" + db);
        int records = 40_000;
        Path input = input(dir, records);
        Path reference = dir.resolve("reference.csv");
        Batch whole = Batch.run("batch", "--quiet", "--output", reference.toString(), input.toString());
        assertEquals(0, whole.exit(), whole.err());
        String url = db.freshStore("batch_kill9");
        Path output = dir.resolve("results.csv");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> stops = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            Child child = Child.start(dir, "batch", "--quiet", "--resume", "--threads", "2", "--store", url, "--output",
                    output.toString(), input.toString());
            long before = Files.exists(output) ? Files.size(output) : 0;
            long deadline = System.currentTimeMillis() + 60_000;
            while (child.alive() && System.currentTimeMillis() < deadline
                    && (!Files.exists(output) || Files.size(output) <= before)) {
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(800));
            if (!child.alive()) {
                assertEquals(0, child.waitFor(10), child.errors());
                break;
            }
            stops.add(Files.size(output) + " bytes");
            assertEquals(137, child.kill(), "killed by SIGKILL: " + child.errors());
        }
        Batch last = Batch.run("batch", "--resume", "--store", url, "--output", output.toString(), input.toString());
        assertEquals(0, last.exit(), last.err());
        String context = db + ", seed " + seed + ", killed at " + stops;
        assertTrue(stops.size() >= 2, context);
        assertTrue(last.err().contains("40,000 records: 40,000 diagnosed"), last.err());
        assertLoggedOnce(Files.readAllLines(reference, StandardCharsets.UTF_8), Files.readAllLines(output, StandardCharsets.UTF_8),
                url, context);
        System.out.println("batch --store killed with SIGKILL: " + context + "; " + records
                + " records, each logged once, each result naming its session");
    }
}
