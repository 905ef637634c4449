package org.relaybench.session.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.session.DiagnosisRequest;
import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.FixSuccess;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SessionOpening;
import org.relaybench.session.SupportSessions;
import org.relaybench.tests.common.db.Backend;

/** Fix-success statistics from logged step outcomes, on both stores. */
class FixSuccessTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void countsTheSessionsThatTriedTheProcedureAndThoseResolved(Backend db) throws Exception {
        String url = db.freshStore("fixsuccess");
        SupportSessions service = SessionServiceTest.service();
        DiagnosisResult r = service.diagnose(DiagnosisRequest.of(SessionServiceTest.aolIphone()), null);
        String procedure = r.diagnosis().findings().get(0).procedure().orElseThrow();
        try (SessionLog log = service.openLog(Optional.of(url))) {
            assertEquals(new FixSuccess("aol", "smtp-auth-missing", procedure, 0, 0, 0),
                    log.fixSuccess("aol", "smtp-auth-missing", procedure));
            String worked = open(log, r, "T-1");
            log.recordStep(worked, "a", procedure, "s1", StepState.WORKED, "");
            log.setStatus(worked, "a", SessionStatus.RESOLVED, "");
            String failed = open(log, r, "T-2");
            log.recordStep(failed, "a", procedure, "s1", StepState.DID_NOT_WORK, "");
            log.setStatus(failed, "a", SessionStatus.UNRESOLVED, "");
            String otherProcedure = open(log, r, "T-3");
            log.recordStep(otherProcedure, "a", "some-other-procedure", "s1", StepState.WORKED, "");
            log.setStatus(otherProcedure, "a", SessionStatus.RESOLVED, "");
            open(log, r, "T-4"); // never walked

            FixSuccess s = log.fixSuccess("aol", "smtp-auth-missing", procedure);
            assertEquals(1, s.worked());
            assertEquals(2, s.tried());
            assertEquals(4, s.sampled());
            assertEquals(0.5, s.rate());
            assertEquals(0, log.fixSuccess("gmail", "smtp-auth-missing", procedure).sampled(), "another provider");
            assertEquals(0, log.fixSuccess("aol", "wrong-port", procedure).sampled(), "another cause");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ordersSeveralProceduresByHowOftenTheyWorked(Backend db) throws Exception {
        String url = db.freshStore("fixorder");
        SupportSessions service = SessionServiceTest.service();
        DiagnosisResult r = service.diagnose(DiagnosisRequest.of(SessionServiceTest.aolIphone()), null);
        try (SessionLog log = service.openLog(Optional.of(url))) {
            // the engine's order: settings, re-add, quick tips; the re-add worked twice, the settings once
            for (String[] walk : new String[][] { { "aol-smtp-settings", "resolved" }, { "aol-readd-account", "resolved" },
                    { "aol-readd-account", "resolved" }, { "aol-smtp-settings", "unresolved" } }) {
                String id = open(log, r, "T-" + walk[0]);
                log.recordStep(id, "a", walk[0], "s1", StepState.WORKED, "");
                log.setStatus(id, "a", SessionStatus.parse(walk[1]).orElseThrow(), "");
            }
            List<FixSuccess> ordered = log.fixSuccesses("aol", "smtp-auth-missing",
                    List.of("aol-smtp-settings", "aol-readd-account", "quick-tips"));
            assertEquals(List.of("aol-readd-account", "aol-smtp-settings", "quick-tips"),
                    ordered.stream().map(FixSuccess::procedureId).toList());
            assertEquals(new FixSuccess("aol", "smtp-auth-missing", "aol-readd-account", 2, 2, 4), ordered.get(0));
            assertEquals(new FixSuccess("aol", "smtp-auth-missing", "aol-smtp-settings", 1, 2, 4), ordered.get(1));
            assertEquals(new FixSuccess("aol", "smtp-auth-missing", "quick-tips", 0, 0, 4), ordered.get(2));
            assertEquals(ordered.get(1), log.fixSuccess("aol", "smtp-auth-missing", "aol-smtp-settings"),
                    "one procedure's figure is the same as in the list");
        }
    }

    private static String open(SessionLog log, DiagnosisResult r, String ticket) {
        return log.open(new SessionOpening("a", "Pat", ticket), SessionServiceTest.aolIphone(), Optional.of(r));
    }
}
