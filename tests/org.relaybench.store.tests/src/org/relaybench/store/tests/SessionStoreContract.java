package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.db.Raw;

/**
 * What every session store must do, whatever its database: write and read back whole, keep every
 * change, serialize concurrent writers, survive reopening, migrate once. Subclassed per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionStoreContract {

    private String url;
    private SessionStore store;

    abstract Backend backend();

    @BeforeAll
    void openStore() throws Exception {
        url = backend().freshStore("contract");
        store = SessionStores.open(url);
    }

    @AfterAll
    void closeStore() {
        store.close();
    }

    private String openSample(String customer) {
        return store.open(NewSession.now("agent-a", customer, "T-" + customer, Samples.account("sam@aol.com")));
    }

    /**
     * Figures for charts, added up by the store: sessions in a range of days (of a time zone) by most
     * likely cause per day and per week, by provider, and each procedure's tries and resolutions by
     * the last mark of its steps. The sessions lie in 2001, apart from every other test's.
     */
    @Test
    void addsUpCausesProvidersAndProcedureOutcomes() {
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Berlin");
        java.time.LocalDate monday = java.time.LocalDate.of(2001, 3, 5);
        // 23:30 on Monday in Berlin is 22:30 UTC: the session counts on Monday, not on Tuesday
        String a = openAt("stats-a", monday.atTime(23, 30).atZone(zone).toInstant());
        String b = openAt("stats-b", monday.plusDays(1).atTime(9, 0).atZone(zone).toInstant());
        String c = openAt("stats-c", monday.plusDays(7).atTime(9, 0).atZone(zone).toInstant());
        String d = openAt("stats-d", monday.plusDays(8).atTime(9, 0).atZone(zone).toInstant());
        openAt("stats-outside", monday.minusDays(1).atTime(12, 0).atZone(zone).toInstant());
        store.recordDiagnosis(a, "agent-a", Samples.diagnosis("aol", "smtp-auth-missing"));
        store.recordDiagnosis(b, "agent-a", Samples.diagnosis("aol", "smtp-auth-missing"));
        store.recordDiagnosis(c, "agent-a", Samples.diagnosis("gmail", "wrong-smtp-port"));
        // d is never diagnosed: no provider, no cause
        store.setStep(a, "agent-a", "aol-smtp-settings", "s1", StepState.WORKED, "");
        store.setStatus(a, "agent-a", SessionStatus.RESOLVED, "");
        store.setStep(b, "agent-a", "aol-smtp-settings", "s1", StepState.DID_NOT_WORK, "");
        store.setStep(b, "agent-a", "quick-tips", "s1", StepState.WORKED, "");
        store.setStatus(b, "agent-a", SessionStatus.RESOLVED, "");
        // a mark taken back does not count as a try
        store.setStep(c, "agent-a", "gmail-smtp-settings", "s1", StepState.WORKED, "");
        store.setStep(c, "agent-a", "gmail-smtp-settings", "s1", StepState.NOT_TRIED, "");

        var days = store.statistics(monday, monday.plusDays(9), zone,
                org.relaybench.store.SessionStatistics.Period.DAY);
        assertEquals(4, days.sessions(), "the session of Sunday lies outside");
        assertEquals(2, days.resolved());
        assertEquals(10, days.periods().size(), "every day of the range, with sessions or not");
        assertEquals(monday, days.periods().get(0));
        var auth = days.causes().get(0);
        assertEquals("smtp-auth-missing", auth.cause(), "the most frequent cause first");
        assertEquals(2, auth.total());
        assertEquals(List.of(1, 1, 0, 0, 0, 0, 0, 0, 0, 0), auth.perPeriod());
        assertEquals(Set.of("smtp-auth-missing", "wrong-smtp-port", ""),
                days.causes().stream().map(x -> x.cause()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(new org.relaybench.store.SessionStatistics.Count("aol", 2),
                new org.relaybench.store.SessionStatistics.Count("", 1),
                new org.relaybench.store.SessionStatistics.Count("gmail", 1)), days.providers());
        assertEquals(List.of(new org.relaybench.store.ProcedureOutcome("aol-smtp-settings", 2, 2),
                new org.relaybench.store.ProcedureOutcome("quick-tips", 1, 1)), days.procedures(),
                "most often worked first; a mark taken back is no try");

        var weeks = store.statistics(monday.plusDays(2), monday.plusDays(9), zone,
                org.relaybench.store.SessionStatistics.Period.WEEK);
        assertEquals(List.of(monday, monday.plusDays(7)), weeks.periods(), "weeks start on Monday");
        assertEquals(2, weeks.sessions(), "only the days of the range count, not the whole first week");

        var outcomes = store.procedureOutcomes("aol", "smtp-auth-missing");
        assertTrue(outcomes.sessions() >= 2, outcomes::toString);
        assertEquals(2, outcomes.of("aol-smtp-settings").orElseThrow().tried());
        assertEquals(0, store.procedureOutcomes("aol", "no-such-cause").sessions());
        assertThrows(IllegalArgumentException.class, () -> store.statistics(monday, monday.minusDays(1), zone,
                org.relaybench.store.SessionStatistics.Period.DAY));
    }

    private String openAt(String customer, Instant at) {
        return store.open(new NewSession("agent-a", customer, "T-" + customer, Samples.account("sam@aol.com"), at));
    }

    @Test
    void writesAndReadsBackWhole() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = openSample("whole");
        var diagnosis = Samples.diagnosis("aol", "smtp-auth-missing", "wrong-smtp-port");
        store.recordDiagnosis(id, "agent-a", diagnosis);
        ProbeRecord probe = Samples.probe("smtp.aol.com", 12);
        store.recordProbe(id, "agent-b", probe);
        store.addNote(id, "agent-b", "customer on Wi-Fi at home");
        SupportSession s = store.get(id).orElseThrow();
        assertEquals(id, s.id());
        assertEquals("agent-a", s.agent());
        assertEquals("whole", s.customer());
        assertEquals("T-whole", s.ticket());
        assertEquals(SessionStatus.OPEN, s.status());
        assertEquals(Samples.account("sam@aol.com"), s.account(), "the account comes back as configured");
        assertEquals(1, s.diagnoses().size());
        assertEquals(diagnosis.findings(), s.diagnoses().get(0).findings());
        assertEquals(diagnosis.errors(), s.diagnoses().get(0).errors());
        assertEquals(diagnosis.providerName(), s.diagnoses().get(0).providerName());
        assertEquals(diagnosis.at().truncatedTo(ChronoUnit.MILLIS), s.diagnoses().get(0).at());
        assertEquals(probe.transcript(), s.probes().get(0).transcript());
        assertEquals(probe.code(), s.probes().get(0).code());
        assertEquals(List.of("customer on Wi-Fi at home"), s.notes());
        assertEquals(List.of("opened", "diagnosed", "probed", "note"), s.audit().stream().map(AuditEntry::action).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), s.audit().stream().map(AuditEntry::sequence).toList());
        assertFalse(s.opened().isBefore(before));
        assertEquals(s.audit().get(3).at(), s.updated());
    }

    @Test
    void stepsKeepTheirLatestStateAndTheTrailKeepsEveryChange() {
        String id = openSample("steps");
        store.setStep(id, "agent-a", "aol-smtp", "1", StepState.WORKED, "auth switched on");
        store.setStep(id, "agent-a", "aol-smtp", "2", StepState.DID_NOT_WORK, "still refused");
        AuditEntry last = store.setStep(id, "agent-b", "aol-smtp", "1", StepState.SKIPPED, "");
        assertEquals(4, last.sequence());
        assertEquals("step", last.action());
        SupportSession s = store.get(id).orElseThrow();
        assertEquals(2, s.steps().size(), "one record per step");
        assertEquals("1", s.steps().get(0).stepId(), "steps stay in the order first touched");
        assertEquals(StepState.SKIPPED, s.steps().get(0).state());
        assertEquals("agent-b", s.steps().get(0).agent());
        assertEquals(StepState.DID_NOT_WORK, s.steps().get(1).state());
        assertEquals("still refused", s.steps().get(1).note());
        assertTrue(s.audit().get(1).detail().contains("worked - auth switched on"), s.audit().get(1).detail());
    }

    @Test
    void sessionsAreResolvedAndReopened() {
        String id = openSample("reopen");
        store.setStatus(id, "agent-a", SessionStatus.RESOLVED, "sends again");
        assertEquals(SessionStatus.RESOLVED, store.get(id).orElseThrow().status());
        store.setStatus(id, "agent-b", SessionStatus.OPEN, "customer called back");
        SupportSession s = store.get(id).orElseThrow();
        assertEquals(SessionStatus.OPEN, s.status());
        assertEquals(List.of("opened", "status", "status"), s.audit().stream().map(AuditEntry::action).toList());
        var found = store.search(SessionQuery.all().withTicket("T-reopen").withStatus(SessionStatus.OPEN));
        assertEquals(1, found.sessions().size());
        assertEquals(3, found.sessions().get(0).changes());
    }

    @Test
    void accountEnteredAgainReplacesTheCurrentOneAndKeepsTheOld() {
        String id = openSample("account");
        store.updateAccount(id, "agent-a", Samples.account("sam.new@aol.com"));
        SupportSession s = store.get(id).orElseThrow();
        assertEquals("sam.new@aol.com", s.account().email());
        assertTrue(s.audit().get(0).detail().contains("sam@aol.com"));
        assertEquals("sam.new@aol.com", store.search(SessionQuery.all().withTicket("T-account")).sessions().get(0).email());
    }

    @Test
    void unknownSessionsAreAbsentAndCannotBeChanged() {
        assertTrue(store.get("no-such-session").isEmpty());
        assertThrows(NoSuchElementException.class, () -> store.addNote("no-such-session", "a", "x"));
        assertThrows(NoSuchElementException.class,
                () -> store.setStatus("no-such-session", "a", SessionStatus.RESOLVED, ""));
    }

    @Test
    void authPayloadsThatTheProberMissedAreRedactedByTheStore() {
        String id = openSample("redact");
        store.recordProbe(id, "a", new ProbeRecord(Instant.now(), "smtp.aol.com", 587, "starttls",
                java.util.Optional.empty(), "", List.of("S: 220 ready", "C: AUTH PLAIN AHNhbUBhb2wuY29tAGh1bnRlcjI=",
                        "S: 535 5.7.8 no", "C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6", "C: c2FtQGFvbC5jb20=",
                        "S: 334 UGFzc3dvcmQ6", "C: aHVudGVyMg==", "S: 235 2.7.0 ok", "C: MAIL FROM:<sam@aol.com>")));
        List<String> t = store.get(id).orElseThrow().probes().get(0).transcript();
        assertEquals(List.of("S: 220 ready", "C: AUTH PLAIN [redacted]", "S: 535 5.7.8 no", "C: AUTH LOGIN",
                "S: 334 VXNlcm5hbWU6", "C: [redacted]", "S: 334 UGFzc3dvcmQ6", "C: [redacted]", "S: 235 2.7.0 ok",
                "C: MAIL FROM:<sam@aol.com>"), t);
    }

    @Test
    void threadsWritingToOneSessionLoseNothing() throws Exception {
        String id = openSample("threads");
        int threads = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String agent = "thread-" + t;
                results.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        seqs.add(store.addNote(id, agent, agent + " note " + i).sequence());
                    }
                    return seqs;
                }));
            }
            Set<Long> seen = new HashSet<>();
            for (Future<List<Long>> f : results) {
                for (Long seq : f.get()) {
                    assertTrue(seen.add(seq), "sequence " + seq + " handed out twice");
                }
            }
        } finally {
            pool.shutdown();
        }
        SupportSession s = store.get(id).orElseThrow();
        assertEquals(1 + threads * each, s.audit().size());
        for (int i = 0; i < s.audit().size(); i++) {
            assertEquals(i + 1, s.audit().get(i).sequence());
        }
        assertEquals(threads * each, s.notes().size());
    }

    @Test
    void aReopenedStoreHoldsEverythingAndMigratesOnlyOnce() throws Exception {
        String id = openSample("reopened");
        store.addNote(id, "a", "before reopening");
        try (SessionStore again = SessionStores.open(url)) {
            assertEquals(List.of("before reopening"), again.get(id).orElseThrow().notes());
        }
        try (Connection c = Raw.connect(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), count(distinct id) from databasechangelog")) {
            rs.next();
            assertEquals(rs.getInt(2), rs.getInt(1), "each changeset recorded once");
            assertEquals(backend() == Backend.H2 ? 4 : 6, rs.getInt(1));
        }
    }

    @Test
    void aStaleMigrationLockLeftByAKilledProcessDoesNotBlock() throws Exception {
        String stale = backend().freshStore("stalelock");
        try (Connection c = Raw.connect(stale); Statement s = c.createStatement()) {
            s.execute("create table databasechangeloglock (id integer not null primary key, locked boolean not null,"
                    + " lockgranted timestamp, lockedby varchar(255))");
            s.execute("insert into databasechangeloglock values (1, true, current_timestamp, 'a killed process')");
            c.commit();
        }
        long start = System.nanoTime();
        try (SessionStore s = SessionStores.open(stale)) {
            assertTrue(s.search(SessionQuery.all()).sessions().isEmpty());
        }
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "did not wait for the stale lock");
    }

    @Test
    void urlsAreCheckedAndPasswordsInThemNeverShown() {
        assertThrows(IllegalArgumentException.class, () -> SessionStores.open("jdbc:mysql://localhost/x"));
        String described = SessionStores.describe("jdbc:postgresql://db/relaybench?user=rb&password=S3cret&ssl=true");
        assertFalse(described.contains("S3cret"), described);
        assertTrue(described.contains("ssl=true"), described);
        if (backend() == Backend.H2) {
            assertTrue(store.description().contains(";RETENTION_TIME=1000"), store.description());
            assertTrue(store.description().endsWith(";AUTO_SERVER=TRUE"), store.description());
        }
    }
}
