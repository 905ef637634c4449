package org.relaybench.session.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaybench.tests.common.db.Raw;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.Security;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeStage;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.session.AccountJson;
import org.relaybench.session.AccountFields;
import org.relaybench.session.DiagnosisRequest;
import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.ServerFields;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SessionOpening;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.StoreException;

/** The support-session service against the real stores: H2 embedded and PostgreSQL. */
class SessionServiceTest {

    static final String RELAYING = "A copy has been placed in your Outbox. The recipient \"sam@example.org\" was"
            + " rejected by the server because it does not allow relaying.";

    static AccountProfile aolIphone() {
        return AccountFields.create().email("pat.lee@aol.com").client("ios-12").network("wifi").errorText(RELAYING)
                .outgoing(ServerFields.create().host("smtp.aol.com").port("587").security("starttls").auth("none"))
                .check().orElseThrow();
    }

    /** What a probe of the account's outgoing server saw; the transcript as the prober redacted it. */
    static AccountProbe probed() {
        List<String> transcript = List.of("S: 220 smtp.aol.com ESMTP", "C: EHLO relaybench", "S: 250-AUTH PLAIN LOGIN",
                "C: AUTH PLAIN ****", "S: 235 2.7.0 Authentication successful", "C: MAIL FROM:<pat.lee@aol.com>",
                "C: RCPT TO:<relaybench-probe@example.com>", "S: 554 5.7.1 Relay access denied", "C: RSET", "C: QUIT");
        ProbeReport smtp = new ProbeReport("smtp.aol.com", 587, Security.STARTTLS,
                List.of(new ProbeStage("greeting", true, "220 smtp.aol.com ESMTP", 12)), Optional.of("relay-denied"),
                "relaying refused", transcript, Optional.empty(), List.of("AUTH PLAIN LOGIN"), List.of("PLAIN", "LOGIN"),
                List.of(), 80);
        return new AccountProbe(Optional.of(smtp), Optional.empty(), Optional.empty());
    }

    static SupportSessions service() throws InterruptedException {
        return OsgiServices.service(SupportSessions.class);
    }

    /**
     * A batch diagnoses many accounts in one call; requests diagnosed differently (MX hosts, error
     * text not read, another provider) are taken apart, and each result is the one diagnose gives.
     */
    @Test
    void diagnoseAllGivesWhatDiagnoseGivesForEachRequest() throws Exception {
        AccountProfile custom = AccountFields.create().email("front@example-dental.com").client("outlook")
                .errorText("535 5.7.8 Username and Password not accepted.")
                .outgoing(ServerFields.create().host("smtp.gmail.com").port("465").security("tls").auth("password")
                        .user("front@example-dental.com").passwordSet(true))
                .check().orElseThrow();
        List<DiagnosisRequest> requests = List.of(DiagnosisRequest.of(aolIphone()),
                DiagnosisRequest.of(custom).withMxHosts(List.of("aspmx.l.google.com")), DiagnosisRequest.of(custom),
                DiagnosisRequest.of(aolIphone()).withClassifyErrorText(false),
                DiagnosisRequest.of(custom).withProviderId(Optional.of("yahoo")), DiagnosisRequest.of(aolIphone()));
        List<DiagnosisResult> all = service().diagnoseAll(requests);
        assertEquals(requests.size(), all.size());
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(service().diagnose(requests.get(i), null).diagnosis(), all.get(i).diagnosis(), "request " + i);
            assertTrue(all.get(i).probe().isEmpty());
        }
        assertEquals("gmail", all.get(1).diagnosis().provider().orElseThrow().id(), "by its MX hosts");
        assertTrue(all.get(3).diagnosis().replies().isEmpty(), "error text not read");
        assertEquals("yahoo", all.get(4).diagnosis().provider().orElseThrow().id());
        assertTrue(service().diagnoseAll(List.of()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> service().diagnoseAll(List.of(DiagnosisRequest.of(aolIphone())
                .withProbe(org.relaybench.probe.ProbeSettings.DEFAULTS, Optional.empty()))));

        // what the caller makes of each result, on the engine's threads: each from its own request's result,
        // the requests taken apart by kind put back in their order
        List<String> made = service().diagnoseAll(requests, (i, r) -> i + " " + r.diagnosis().provider().map(p -> p.id())
                .orElse("-") + " " + r.diagnosis().findings() + " " + r.diagnosis().replies());
        assertEquals(requests.size(), made.size());
        for (int i = 0; i < requests.size(); i++) {
            Diagnosis d = all.get(i).diagnosis();
            assertEquals(i + " " + d.provider().map(p -> p.id()).orElse("-") + " " + d.findings() + " " + d.replies(),
                    made.get(i));
        }
        assertThrows(IllegalArgumentException.class, () -> service().diagnoseAll(List.of(DiagnosisRequest.of(aolIphone())
                .withProbe(org.relaybench.probe.ProbeSettings.DEFAULTS, Optional.empty())), (i, r) -> r));
    }

    @Test
    void diagnosesOfflineAndRecognisesTheProvider() throws Exception {
        DiagnosisResult r = service().diagnose(DiagnosisRequest.of(aolIphone()), new NullProgressMonitor());
        assertEquals("aol", r.diagnosis().provider().orElseThrow().id());
        assertEquals("smtp-auth-missing", r.diagnosis().findings().get(0).code());
        assertTrue(r.probe().isEmpty());
        assertEquals("aol", service().recognise("someone@aol.com", List.of()).orElseThrow().id());
        assertTrue(service().recognise("someone@", List.of()).isEmpty(), "no domain typed yet: no provider");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSessionIsOpenedWithItsDiagnosisAndProbeTranscript(Backend db) throws Exception {
        String url = db.freshStore("opened");
        DiagnosisResult r = new DiagnosisResult(Instant.now(),
                service().diagnose(DiagnosisRequest.of(aolIphone()), null).diagnosis(), Optional.of(probed()));
        try (SessionLog log = service().openLog(Optional.of(url))) {
            String id = log.open(new SessionOpening("agent-7", "Pat Lee", "T-1"), aolIphone(), Optional.of(r));
            SupportSession s = log.get(id).orElseThrow();
            assertEquals(1, s.diagnoses().size());
            assertEquals("smtp-auth-missing", s.diagnoses().get(0).findings().get(0).code());
            assertEquals(1, s.probes().size());
            ProbeRecord p = s.probes().get(0);
            assertEquals(Optional.of("relay-denied"), p.code());
            List<String> sent = probed().smtp().orElseThrow().transcript();
            assertEquals(sent.size(), p.transcript().size(), "the whole transcript is logged");
            assertTrue(p.transcript().contains("S: 554 5.7.1 Relay access denied"), p.transcript().toString());
            assertTrue(p.transcript().stream().filter(l -> l.startsWith("C: AUTH")).allMatch(l -> l.matches("C: AUTH PLAIN \\S*(\\*|redacted)\\S*")),
                    p.transcript().toString());
            assertEquals(List.of("opened", "probed", "diagnosed"), s.audit().stream().map(a -> a.action()).toList());

            log.recordStep(id, "agent-7", "aol.smtp", "auth-on", StepState.WORKED, "turned it on");
            log.addNote(id, "agent-7", "customer sends again");
            log.setStatus(id, "agent-7", SessionStatus.RESOLVED, "");
            SupportSession done = log.get(id).orElseThrow();
            assertEquals(SessionStatus.RESOLVED, done.status());
            assertEquals(StepState.WORKED, done.steps().get(0).state());
            assertEquals(List.of("customer sends again"), done.notes());
            assertEquals(1, log.sessions(SessionQuery.all(), 10).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStoreThatFailsBetweenTheWritesLeavesNoSessionWithoutItsDiagnosis(Backend db) throws Exception {
        String url = db.freshStore("atomic");
        try (SessionLog log = service().openLog(Optional.of(url))) {
            assertEquals(0, log.search(SessionQuery.all()).sessions().size()); // the schema now exists
        }
        // fault injection: the database refuses the diagnosis, the second write of opening a session
        sql(url, "alter table rb_event add constraint rb_test_no_diagnosis check (kind <> 'diagnosed')");
        DiagnosisResult r = new DiagnosisResult(Instant.now(),
                service().diagnose(DiagnosisRequest.of(aolIphone()), null).diagnosis(), Optional.of(probed()));
        try (SessionLog log = service().openLog(Optional.of(url))) {
            assertThrows(StoreException.class,
                    () -> log.open(new SessionOpening("a", "Pat Lee", ""), aolIphone(), Optional.of(r)));
            String bare = log.open(new SessionOpening("a", "Pat Lee", ""), aolIphone(), Optional.empty());
            assertThrows(StoreException.class, () -> log.recordDiagnosis(bare, "a", r));
            SupportSession s = log.get(bare).orElseThrow();
            assertTrue(s.probes().isEmpty(), "the probe of a diagnosis that was not logged is not logged either");
            assertEquals(1, log.search(SessionQuery.all()).sessions().size());
        }
        assertEquals(1, count(url, "select count(*) from rb_session"));
        assertEquals(1, count(url, "select count(*) from rb_event"));
    }

    @Test
    void theJsonExportIsTheSessionsOneJsonFormAndItsAccountDiagnosesAgain() throws Exception {
        String url = Backend.H2.freshStore("export");
        DiagnosisResult r = service().diagnose(DiagnosisRequest.of(aolIphone()), null);
        try (SessionLog log = service().openLog(Optional.of(url))) {
            SupportSession s = log.get(log.open(new SessionOpening("a", "Pat Lee", ""), aolIphone(), Optional.of(r)))
                    .orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            service().export(s, Format.JSON, out);
            String json = out.toString(StandardCharsets.UTF_8);
            assertTrue(json.contains("\"schema\": \"relaybench.session/1\""), json);
            assertEquals(aolIphone(), AccountJson.read(json).check().orElseThrow());

            Path dir = Files.createTempDirectory("rb-export");
            Path file = dir.resolve("session.json");
            long size = service().export(s, Format.JSON, file);
            assertEquals(Files.size(file), size);
            assertTrue(Files.readString(file).contains("\"id\": \"" + s.id() + "\""));
            Path missing = dir.resolve("no-such-folder").resolve("session.pdf");
            assertThrows(NoSuchFileException.class, () -> service().export(s, Format.PDF, missing));
            try (var files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList(), "a failed export leaves nothing behind");
            }
            Files.delete(file);
            Files.delete(dir);
        }
    }

    @Test
    void aSessionNeedsACustomerOrATicket() {
        assertThrows(IllegalArgumentException.class, () -> new SessionOpening("agent", " ", ""));
        assertFalse(new SessionOpening(null, "", "T-9").ticket().isEmpty());
    }

    /** Runs SQL on a store's database directly: the fault injection. */
    private static void sql(String url, String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = Raw.connect(url); java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static long count(String url, String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = Raw.connect(url); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
