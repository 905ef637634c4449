package org.relaybench.session.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static String open(SessionLog log, DiagnosisResult r, String ticket) {
        return log.open(new SessionOpening("a", "Pat", ticket), SessionServiceTest.aolIphone(), Optional.of(r));
    }
}
