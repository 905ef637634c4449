package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.core.internal.engine.DefaultDiagnosisEngine;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;

/**
 * Contributed code that blocks while it is being created (the faulty bundle's provider
 * {@code faulty-hang}: a rule whose constructor blocks, one whose static initialiser blocks) is under
 * the same budget as running it, and the whole diagnosis under a deadline: other providers still
 * diagnose, and the hanging rules are reported with their contributor. Each test has an engine of its
 * own, so that quarantines do not carry over; the blocked threads are daemons that give up after 60 s.
 */
class ContributedCodeDeadlineTest {

    private static final String FAULTY = "org.relaybench.tests.faulty";

    private ProviderCatalog catalog;
    private DefaultDiagnosisEngine engine;

    @BeforeEach
    void engine() throws Exception {
        catalog = OsgiServices.service(ProviderCatalog.class);
        engine = new DefaultDiagnosisEngine(catalog);
    }

    @AfterEach
    void stop() {
        engine.deactivate();
    }

    private static AccountProfile hangAccount() {
        return AccountProfile.builder("user@faulty-hang.example")
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.faulty-hang.example").port(587)
                        .security(Security.STARTTLS).auth(AuthMethod.NONE).build())
                .build();
    }

    private static AccountProfile aolAccount(int i) {
        return AccountProfile.builder("someone" + i + "@aol.com").client(ClientInfo.parse("ios-12"))
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.aol.com").port(587)
                        .security(Security.STARTTLS).auth(AuthMethod.NONE).build())
                .errorText(DiagnosisEngineTest.IOS_RELAYING).build();
    }

    @Test
    void rulesThatBlockWhileBeingCreatedAreAbandonedAndNamedWithTheirContributor() {
        DiagnosisOptions options = DiagnosisOptions.DEFAULTS.withRuleBudget(Duration.ofMillis(300));
        long start = System.nanoTime();
        Diagnosis d = engine.diagnose(hangAccount(), options);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "two blocked creations cost about two budgets, not a hang: " + millis + " ms");

        assertEquals("faulty-hang", d.provider().orElseThrow().id());
        assertTrue(d.findings().stream().anyMatch(f -> f.code().equals("faulty-hang.checked")),
                () -> "the good rule of the same provider still runs: " + d.findings());
        assertTrue(d.findings().stream().anyMatch(f -> f.code().equals("smtp-auth-missing")),
                () -> "the built-in checks still run: " + d.findings());
        for (String rule : List.of("blocks-in-constructor", "blocks-in-static-init")) {
            DiagnosisError error = error(d, rule);
            assertTrue(error.message().startsWith("was not created within its budget of 300 ms"), error::toString);
            assertTrue(error.message().contains("[contributed by " + FAULTY + "]"), error::toString);
            LoadProblem problem = problem("provider[faulty-hang]/rule[" + rule + "]",
                    "rule was not created within its budget of 300 ms (its constructor or static initialiser blocks)");
            assertEquals(FAULTY, problem.contributor());
            assertTrue(problem.skipped().contains("quarantined until " + FAULTY + " is reloaded"), problem::toString);
        }

        long again = System.nanoTime();
        Diagnosis second = engine.diagnose(hangAccount(), options);
        assertTrue((System.nanoTime() - again) / 1_000_000 < 250, "quarantined rules are not created again");
        assertTrue(error(second, "blocks-in-constructor").message().startsWith("skipped: quarantined"),
                () -> second.errors().toString());
        assertTrue(second.findings().stream().anyMatch(f -> f.code().equals("faulty-hang.checked")));
    }

    @Test
    void otherProvidersDiagnoseInBoundedTimeWhileARuleHangsInItsCreation() throws Exception {
        DiagnosisOptions options = DiagnosisOptions.DEFAULTS.withRuleBudget(Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Diagnosis> hanging = pool.submit(() -> engine.diagnose(hangAccount(), options));
            Future<List<Long>> others = pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    long start = System.nanoTime();
                    Diagnosis d = engine.diagnose(aolAccount(i), options);
                    times.add((System.nanoTime() - start) / 1_000_000);
                    assertEquals("smtp-auth-missing", d.top().map(Finding::code).orElse(""), d::toString);
                    assertEquals(List.of(), d.errors());
                }
                return times;
            });
            List<Long> times = others.get(10, TimeUnit.SECONDS);
            assertTrue(times.stream().allMatch(t -> t < 2_000), "AOL accounts are diagnosed meanwhile: " + times);
            Diagnosis d = hanging.get(10, TimeUnit.SECONDS);
            assertTrue(error(d, "blocks-in-constructor").message().contains("[contributed by " + FAULTY + "]"));
            assertTrue(error(d, "blocks-in-static-init").message().contains("[contributed by " + FAULTY + "]"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWholeDiagnosisHasADeadline() {
        // a rule budget longer than the deadline: only the deadline can end the blocked creation
        DiagnosisOptions options = DiagnosisOptions.DEFAULTS.withRuleBudget(Duration.ofSeconds(30))
                .withDeadline(Duration.ofMillis(500));
        long start = System.nanoTime();
        Diagnosis d = engine.diagnose(hangAccount(), options);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "the deadline ends the diagnosis: " + millis + " ms");

        DiagnosisError late = d.errors().stream().filter(e -> e.rule().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no deadline error: " + d.errors()));
        assertEquals("faulty-hang", late.provider());
        assertTrue(late.message().startsWith("the diagnosis did not finish within its deadline of 500 ms"), late::toString);
        assertTrue(late.message().contains("[contributed by " + FAULTY + "]"), late::toString);
        assertTrue(d.findings().stream().anyMatch(f -> f.code().equals("smtp-auth-missing")),
                () -> "diagnosed again with the built-in checks: " + d.findings());
        assertTrue(d.findings().stream().noneMatch(f -> f.provider().equals("faulty-hang")),
                () -> "without the provider's rules: " + d.findings());

        // the rule that held the diagnosis is quarantined: the next diagnosis is not late
        Diagnosis next = engine.diagnose(hangAccount(), options.withDeadline(Duration.ofSeconds(2)));
        assertTrue(next.errors().stream().anyMatch(e -> e.rule().equals("blocks-in-constructor")
                && e.message().contains("when the diagnosis overran its deadline of 500 ms")), () -> next.errors().toString());
    }

    @Test
    void whatTheCallerMakesOfEachDiagnosisIsMadeFromTheOneKeptAndInOrder() {
        // AOL accounts around one whose diagnosis overruns its deadline and is made again without the
        // provider's contributions: the caller's results are made of the diagnoses that are kept
        DiagnosisOptions options = DiagnosisOptions.DEFAULTS.withRuleBudget(Duration.ofSeconds(30))
                .withDeadline(Duration.ofMillis(500));
        List<AccountProfile> accounts = List.of(aolAccount(0), aolAccount(1), hangAccount(), aolAccount(3));
        List<Thread> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> made = engine.diagnoseAll(accounts, options, (i, d) -> {
            threads.add(Thread.currentThread());
            return i + " " + d.account().email() + " " + d.errors().stream().map(DiagnosisError::provider).toList() + " | "
                    + d.findings().stream().map(Finding::code).toList();
        });
        List<Diagnosis> plain = engine.diagnoseAll(accounts, options.withDeadline(Duration.ofSeconds(2)));
        assertEquals(4, made.size());
        for (int i : List.of(0, 1, 3)) {
            Diagnosis d = plain.get(i);
            assertEquals(i + " " + d.account().email() + " [] | " + d.findings().stream().map(Finding::code).toList(),
                    made.get(i));
        }
        assertTrue(made.get(2).startsWith("2 user@faulty-hang.example [faulty-hang"), made.get(2));
        String findings = made.get(2).substring(made.get(2).indexOf(" | "));
        assertTrue(findings.contains("smtp-auth-missing") && !findings.contains("faulty-hang."),
                "diagnosed again with the built-in checks only: " + made.get(2));
        assertTrue(threads.stream().noneMatch(t -> t == Thread.currentThread()),
                "made on the engine's threads, where each diagnosis was made: " + threads);

        // what the caller's code throws ends the call; a result of nothing is refused
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> engine.diagnoseAll(List.of(aolAccount(5)), options, (i, d) -> {
                    throw new IllegalStateException("the caller's own failure");
                }));
        assertEquals("the caller's own failure", thrown.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                () -> engine.diagnoseAll(List.of(aolAccount(6)), options, (i, d) -> null));
    }

    @Test
    void theDeadlineIsAnOptionWithADefault() {
        assertEquals(DiagnosisOptions.DEFAULT_DEADLINE, DiagnosisOptions.DEFAULTS.deadline());
        assertEquals(Duration.ofSeconds(5), DiagnosisOptions.DEFAULT_DEADLINE);
        assertEquals(Duration.ofSeconds(1), DiagnosisOptions.DEFAULTS.withDeadline(Duration.ofSeconds(1)).deadline());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DiagnosisOptions.DEFAULTS.withDeadline(Duration.ZERO));
    }

    private static DiagnosisError error(Diagnosis d, String rule) {
        return d.errors().stream().filter(e -> e.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no error for rule " + rule + ": " + d.errors()));
    }

    private LoadProblem problem(String element, String reason) {
        return catalog.snapshot().problems().stream().filter(p -> p.element().equals(element) && p.reason().equals(reason))
                .findFirst().orElseThrow(() -> new AssertionError("no load problem " + element + " '" + reason + "': "
                        + catalog.snapshot().problems()));
    }
}
