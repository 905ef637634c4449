package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.internal.engine.DefaultDiagnosisEngine;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.tests.faulty.CountingThrowingRule;

/**
 * A code rule that throws on every call (the faulty bundle's provider {@code faulty-quarantine}) is
 * quarantined after {@link DiagnosisEngine#QUARANTINE_AFTER} calls in a row: reported once in the
 * catalog with its contributor, not run afterwards, while its neighbour keeps running; what it threw
 * reaches the platform's log through SafeRunner.
 */
class RuleQuarantineTest {

    private static final String ELEMENT = "provider[faulty-quarantine]/rule[throws]";

    @Test
    void throwingRuleIsQuarantinedAfterRepeatedFailuresAndReportedOnce() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        DefaultDiagnosisEngine engine = new DefaultDiagnosisEngine(catalog);
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener log = (status, plugin) -> logged.add(status);
        Platform.addLogListener(log);
        try {
            AccountProfile account = AccountProfile.builder("user@faulty-quarantine.example")
                    .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.faulty-quarantine.example").port(587)
                            .security(Security.STARTTLS).auth(AuthMethod.PASSWORD).username("user@faulty-quarantine.example")
                            .passwordSet(true).build())
                    .build();
            int before = CountingThrowingRule.calls();
            for (int i = 1; i <= DiagnosisEngine.QUARANTINE_AFTER; i++) {
                Diagnosis d = engine.diagnose(account);
                assertEquals(before + i, CountingThrowingRule.calls(), "called once per diagnosis until quarantined");
                DiagnosisError error = error(d);
                assertTrue(error.message().startsWith("threw java.lang.IllegalStateException: deliberate failure"),
                        error::toString);
                assertTrue(error.message().contains("[contributed by org.relaybench.tests.faulty]"), error::toString);
                assertGoodRuleRan(d);
                if (i < DiagnosisEngine.QUARANTINE_AFTER) {
                    assertEquals(0, problems(catalog), "not reported to the catalog before the quarantine");
                }
            }
            assertEquals(1, problems(catalog), () -> "reported once: " + catalog.snapshot().problems());
            LoadProblem problem = catalog.snapshot().problems().stream().filter(p -> p.element().equals(ELEMENT))
                    .findFirst().orElseThrow();
            assertEquals("org.relaybench.tests.faulty", problem.contributor());
            assertTrue(problem.reason().startsWith("rule threw java.lang.IllegalStateException"), problem::toString);
            assertTrue(problem.reason().endsWith("(" + DiagnosisEngine.QUARANTINE_AFTER + " times in a row)"),
                    problem::toString);
            assertTrue(problem.skipped().contains("quarantined until org.relaybench.tests.faulty is reloaded"),
                    problem::toString);

            int quarantinedAt = CountingThrowingRule.calls();
            for (int i = 0; i < 5; i++) {
                Diagnosis d = engine.diagnose(account);
                assertTrue(error(d).message().startsWith("skipped: quarantined since it threw"), () -> d.errors().toString());
                assertGoodRuleRan(d);
            }
            assertEquals(quarantinedAt, CountingThrowingRule.calls(), "a quarantined rule is not run");
            assertEquals(1, problems(catalog), () -> "still reported once: " + catalog.snapshot().problems());

            assertTrue(logged.stream().anyMatch(s -> s.getException() instanceof IllegalStateException e
                    && e.getMessage().startsWith("deliberate failure number")),
                    () -> "SafeRunner logs what the rule threw: " + logged);
        } finally {
            Platform.removeLogListener(log);
            engine.deactivate();
        }
    }

    private static DiagnosisError error(Diagnosis d) {
        return d.errors().stream().filter(e -> e.provider().equals("faulty-quarantine") && e.rule().equals("throws"))
                .findFirst().orElseThrow(() -> new AssertionError("no error for the throwing rule: " + d.errors()));
    }

    private static void assertGoodRuleRan(Diagnosis d) {
        assertTrue(d.findings().stream().anyMatch(f -> f.code().equals("faulty-quarantine.checked")),
                () -> "the other rule is unaffected: " + d.findings());
        assertEquals(1, d.errors().size(), () -> "only the throwing rule fails: " + d.errors());
    }

    private static long problems(ProviderCatalog catalog) {
        return catalog.snapshot().problems().stream().filter(p -> p.element().equals(ELEMENT)).count();
    }
}
