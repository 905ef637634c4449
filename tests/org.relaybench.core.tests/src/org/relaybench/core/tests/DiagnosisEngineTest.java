package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.core.providers.Procedure;
import org.relaybench.tests.common.OsgiServices;

/** The engine as a DS service over the real catalog (AOL and the test contributions). */
class DiagnosisEngineTest {

    static final String IOS_RELAYING = "A copy has been placed in your Outbox. The recipient \"friend@example.org\""
            + " was rejected by the server because it does not allow relaying.";

    private static DiagnosisEngine engine;

    @BeforeAll
    static void engine() throws Exception {
        engine = OsgiServices.service(DiagnosisEngine.class);
    }

    static ServerSettings.Builder smtp(String host, int port, Security security, AuthMethod auth) {
        return ServerSettings.builder(MailProtocol.SMTP).host(host).port(port).security(security).auth(auth);
    }

    @Test
    void aolOnIos12WithoutAuthRanksAuthMissingFirstWithIos12Steps() {
        AccountProfile account = AccountProfile.builder("someone@aol.com").client(ClientInfo.parse("ios-12"))
                .outgoing(smtp("smtp.aol.com", 587, Security.STARTTLS, AuthMethod.NONE).build())
                .errorText(IOS_RELAYING).build();
        Diagnosis d = engine.diagnose(account);
        assertEquals("aol", d.provider().orElseThrow().id());
        Finding top = d.top().orElseThrow();
        assertEquals("smtp-auth-missing", top.code(), () -> d.findings().toString());
        assertTrue(top.confidence() >= 0.9, "settings and error text agree: " + top.confidence());
        assertTrue(top.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.SETTING && e.subject().endsWith("auth")));
        assertTrue(top.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.REPLY));
        assertTrue(top.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.RULE && e.subject().startsWith("aol/")),
                "the AOL rule that fired is named");
        Procedure procedure = d.procedureFor(top).orElseThrow();
        assertEquals("aol-smtp-settings", procedure.id());
        String firstStep = procedure.steps().get(0).wordingFor(account.client()).text();
        assertTrue(firstStep.contains("Passwords & Accounts"), firstStep);
    }

    @Test
    void sameInputSameOutput() {
        AccountProfile account = AccountProfile.builder("x@aol.com").client(ClientInfo.parse("ios-17"))
                .outgoing(smtp("smtp.aol.com", 25, Security.NONE, AuthMethod.PASSWORD).username("x").build())
                .errorText("550 5.7.1 Relaying denied").build();
        Diagnosis first = engine.diagnose(account);
        for (int i = 0; i < 20; i++) {
            assertEquals(first, engine.diagnose(account));
        }
        List<String> codes = first.findings().stream().map(Finding::code).toList();
        assertTrue(codes.containsAll(List.of("wrong-smtp-port", "smtp-username-form", "smtp-auth-missing")), codes::toString);
    }

    @Test
    void customDomainIsMatchedByMx() {
        AccountProfile account = AccountProfile.builder("me@family-name.example")
                .outgoing(smtp("smtp.aol.com", 465, Security.TLS, AuthMethod.PASSWORD).username("me@family-name.example")
                        .passwordSet(true).build())
                .build();
        Diagnosis d = engine.diagnose(account,
                DiagnosisOptions.DEFAULTS.withMxHosts(List.of("mx-aol.mail.gm0.yahoodns.net")));
        assertEquals("aol", d.provider().orElseThrow().id());
        assertTrue(d.findings().isEmpty(), () -> "correct settings give no finding: " + d.findings());
    }

    @Test
    void correctSettingsWithoutErrorGiveNoFindings() {
        AccountProfile account = AccountProfile.builder("ok@aol.com").client(ClientInfo.parse("ios-17"))
                .outgoing(smtp("smtp.aol.com", 465, Security.TLS, AuthMethod.PASSWORD).username("ok@aol.com")
                        .passwordSet(true).build())
                .build();
        assertEquals(List.of(), engine.diagnose(account).findings());
    }

    @Test
    void faultyCodeRulesAreIsolatedAndReported() throws Exception {
        AccountProfile account = AccountProfile.builder("user@faulty-code.example")
                .outgoing(smtp("smtp.faulty-code.example", 587, Security.STARTTLS, AuthMethod.PASSWORD).username("user")
                        .passwordSet(true).build())
                .build();
        DiagnosisOptions options = DiagnosisOptions.DEFAULTS.withRuleBudget(Duration.ofMillis(300));
        long start = System.nanoTime();
        Diagnosis d = engine.diagnose(account, options);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "the diagnosis completes in bounded time: " + millis + " ms");
        assertTrue(d.findings().stream().anyMatch(f -> f.code().equals("faulty-code.checked")),
                () -> "the good rule's finding survives: " + d.findings());
        List<String> failed = d.errors().stream().map(e -> e.rule() + ": " + e.message()).toList();
        assertTrue(failed.stream().anyMatch(e -> e.startsWith("throws: threw java.lang.IllegalStateException")), failed::toString);
        assertTrue(failed.stream().anyMatch(e -> e.startsWith("hangs: did not finish within its budget of 300 ms")), failed::toString);
        assertTrue(failed.stream().anyMatch(e -> e.startsWith("returns-null: returned null")), failed::toString);
        assertTrue(failed.stream().anyMatch(e -> e.contains("unknown cause 'made-up-cause'")), failed::toString);
        assertTrue(failed.stream().anyMatch(e -> e.contains("attributed to provider 'aol'")), failed::toString);
        assertTrue(failed.stream().anyMatch(e -> e.contains("unknown procedure 'nowhere'")), failed::toString);
        assertTrue(failed.stream().anyMatch(e -> e.startsWith("fails-to-load:") && e.contains("NoSuchClass")), failed::toString);
        assertFalse(d.findings().stream().anyMatch(f -> f.title().equals("garbage") || f.title().equals("impostor")));

        long again = System.nanoTime();
        Diagnosis second = engine.diagnose(account, options);
        assertTrue((System.nanoTime() - again) / 1_000_000 < 250, "the hung rule is quarantined, not waited for again");
        assertTrue(second.errors().stream().anyMatch(e -> e.rule().equals("hangs") && e.message().startsWith("skipped")));

        // a rule that throws is reported in the catalog once it is quarantined, at the third call in a row
        // that failed (the first diagnosis called it twice: before and after the hanging rule was abandoned)
        var problems = OsgiServices.service(org.relaybench.core.providers.ProviderCatalog.class).snapshot().problems();
        assertTrue(problems.stream().anyMatch(p -> p.element().equals("provider[faulty-code]/rule[throws]")
                && p.contributor().equals("org.relaybench.tests.faulty")), problems::toString);
    }

    @Test
    void accountCredentialsExceptionNeverAsksForOutgoingPasswordOnIos() {
        AccountProfile onIos = AccountProfile.builder("me@exempt-isp.example").client(ClientInfo.parse("ios-16"))
                .outgoing(smtp("smtp.exempt-isp.example", 587, Security.STARTTLS, AuthMethod.PASSWORD).build())
                .errorText(IOS_RELAYING).build();
        Diagnosis d = engine.diagnose(onIos);
        assertFalse(d.findings().stream().anyMatch(f -> f.code().equals("smtp-auth-missing")), () -> d.findings().toString());
        Finding top = d.top().orElseThrow();
        assertEquals("account-stale", top.code());
        assertEquals("resign-in", top.procedure().orElseThrow());

        AccountProfile onThunderbird = AccountProfile.builder("me@exempt-isp.example")
                .client(ClientInfo.parse("thunderbird"))
                .outgoing(smtp("smtp.exempt-isp.example", 587, Security.STARTTLS, AuthMethod.PASSWORD).build()).build();
        assertEquals("smtp-auth-missing", engine.diagnose(onThunderbird).top().orElseThrow().code(),
                "the exception is for iOS only");
    }

    @Test
    void withoutClassificationTheErrorTextIsIgnored() {
        AccountProfile account = AccountProfile.builder("x@aol.com").errorText(IOS_RELAYING).build();
        assertTrue(engine.diagnose(account).findings().size() > 0);
        Diagnosis quiet = engine.diagnose(account, DiagnosisOptions.DEFAULTS.withClassifyErrorText(false));
        assertEquals(List.of(), quiet.findings());
        assertEquals(List.of(), quiet.replies());
    }
}
