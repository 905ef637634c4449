package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Security;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.core.diagnosis.Refutation;
import org.relaybench.tests.common.OsgiServices;

/** Outside evidence (a live probe) confirms, adds and refutes findings. */
class ProbeEvidenceEngineTest {

    private static DiagnosisEngine engine;

    @BeforeAll
    static void engine() throws Exception {
        engine = OsgiServices.service(DiagnosisEngine.class);
    }

    private static final Evidence PROBE = new Evidence(Evidence.Kind.PROBE, "smtp smtp.aol.com:25", "250 2.1.5 Ok");

    private static AccountProfile port25() {
        return AccountProfile.builder("someone@aol.com").client(ClientInfo.parse("ios-17"))
                .outgoing(DiagnosisEngineTest.smtp("smtp.aol.com", 25, Security.NONE, AuthMethod.PASSWORD)
                        .username("someone@aol.com").passwordSet(true).build())
                .build();
    }

    @Test
    void aRefutedFindingStaysButIsLoweredWithTheEvidence() {
        Diagnosis before = engine.diagnose(port25());
        Finding port = before.findings().stream().filter(f -> f.code().equals("wrong-smtp-port")).findFirst()
                .orElseThrow(() -> new AssertionError(before.findings().toString()));
        assertEquals(Severity.ERROR, port.severity());

        Diagnosis after = engine.diagnose(port25(), DiagnosisOptions.DEFAULTS
                .withRefutations(List.of(new Refutation("wrong-smtp-port", PROBE))));
        Finding refuted = after.findings().stream().filter(f -> f.code().equals("wrong-smtp-port")).findFirst()
                .orElseThrow();
        assertEquals(Severity.INFO, refuted.severity());
        assertTrue(refuted.confidence() <= port.confidence() / 4 + 0.01, refuted::toString);
        assertTrue(refuted.evidence().contains(PROBE));
        assertTrue(after.findings().indexOf(refuted) > 0 || after.findings().size() == 1, "ranked again");
    }

    @Test
    void probeFindingsConfirmAndAdd() {
        Finding confirm = new Finding("wrong-smtp-port", Severity.ERROR, 0.9, "probe says so", List.of(PROBE), "probe",
                "probe.smtp", Optional.empty());
        Finding add = new Finding("rate-limited", Severity.WARNING, 0.9, "probe: 451 too many", List.of(PROBE), "probe",
                "probe.smtp", Optional.empty());
        Diagnosis d = engine.diagnose(port25(), DiagnosisOptions.DEFAULTS.withEvidence(List.of(confirm, add)));
        Finding port = d.findings().stream().filter(f -> f.code().equals("wrong-smtp-port")).findFirst().orElseThrow();
        assertTrue(port.confidence() > 0.9, port::toString);
        assertTrue(port.evidence().contains(PROBE));
        assertTrue(d.findings().stream().anyMatch(f -> f.code().equals("rate-limited")));
    }
}
