package org.relaybench.providers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.providers.Exemption;
import org.relaybench.core.providers.KnownReply;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.ServerRecommendation;
import org.relaybench.core.providers.Step;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * What every provider promises, run against the provider as installed and through the real engine.
 * Each provider's tests subclass it and name the provider; {@link InstalledProvidersContractTest}
 * runs it over every installed provider, third-party ones included.
 */
abstract class ProviderContractTest {

    static final String IOS_RELAYING = "A copy has been placed in your Outbox. The recipient \"sam@example.org\""
            + " was rejected by the server because it does not allow relaying.";
    static final List<String> IOS_GENERATIONS = List.of("ios-9", "ios-10", "ios-11", "ios-12", "ios-13", "ios-15",
            "ios-17", "ios-18");

    protected ProviderCatalog.Snapshot snapshot;
    protected ProviderDescriptor provider;
    protected DiagnosisEngine engine;

    /** @return the id of the provider under test */
    protected abstract String providerId();

    @BeforeEach
    void load() throws Exception {
        snapshot = Fixtures.catalog().snapshot();
        provider = snapshot.provider(providerId())
                .orElseThrow(() -> new AssertionError(providerId() + " is not installed; problems: " + snapshot.problems()));
        engine = service(DiagnosisEngine.class);
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(ProviderContractTest.class).getBundleContext(), type, null);
        tracker.open();
        T service = tracker.waitForService(Duration.ofSeconds(20).toMillis());
        tracker.close();
        if (service == null) {
            throw new AssertionError(type.getName() + " did not appear within 20 s");
        }
        return service;
    }

    /** @return an address of the provider, or of an unknown domain for the generic provider */
    protected String address() {
        return "contract.test@" + (provider.generic() ? "unknown-domain.example" : provider.domains().get(0));
    }

    @Test
    void loadsWithoutProblems() {
        assertEquals(List.of(), snapshot.problems().stream()
                .filter(p -> p.contributor().equals(provider.origin().bundle())).toList());
        assertFalse(provider.name().isBlank());
        assertTrue(!provider.generic() || provider.priority() < 0, "a generic provider must rank below specific ones");
    }

    @Test
    void isTheProviderOfItsDomains() {
        String email = address();
        assertEquals(provider.id(), engine.diagnose(AccountProfile.builder(email).build()).provider().orElseThrow().id());
    }

    @Test
    void recommendsSubmissionServers() {
        if (provider.generic()) {
            return; // the generic provider knows no hosts of its own
        }
        assertFalse(provider.outgoing().isEmpty(), "a provider recommends at least one outgoing server");
        for (ServerRecommendation s : provider.outgoing()) {
            assertTrue(s.auth().authenticates(), s + " must authenticate");
            assertTrue(s.port() == 465 || s.port() == 587, s + " is not a submission port (RFC 6409/8314)");
        }
    }

    @Test
    void everyStepSaysWhatToExpectAndHasWordingForEveryIosGeneration() {
        for (Procedure p : provider.procedures()) {
            assertFalse(p.title().isBlank(), p.id());
            for (Step step : p.steps()) {
                for (String client : IOS_GENERATIONS) {
                    Step.Wording w = step.wordingFor(ClientInfo.parse(client));
                    assertFalse(w.text().isBlank(), p.id() + "/" + step.id() + " for " + client);
                    assertFalse(w.expect().isBlank(), p.id() + "/" + step.id() + " says what to expect for " + client);
                    assertFalse(w.text().startsWith("%"), "untranslated text in " + p.id() + "/" + step.id());
                }
            }
        }
    }

    @Test
    void everyCauseItRaisesHasAProcedure() {
        Set<String> causes = new HashSet<>();
        provider.rules().stream().filter(r -> !r.isCode()).map(RuleDescriptor::cause).forEach(causes::add);
        provider.replies().stream().map(KnownReply::cause).forEach(causes::add);
        ProviderDescriptor generic = snapshot.providers().stream().filter(ProviderDescriptor::generic).findFirst()
                .orElseThrow();
        for (String cause : causes) {
            boolean addressed = provider.procedures().stream().anyMatch(p -> p.addresses().contains(cause))
                    || generic.procedures().stream().anyMatch(p -> p.addresses().contains(cause));
            assertTrue(addressed, "no procedure of " + provider.id() + " (or the generic provider) addresses " + cause);
        }
    }

    /** @return an account configured as the provider recommends */
    protected AccountProfile goodAccount(String client) {
        ServerRecommendation rec = provider.generic()
                ? new ServerRecommendation(MailProtocol.SMTP, "smtp.unknown-domain.example", 465,
                        org.relaybench.core.Security.TLS, AuthMethod.PASSWORD,
                        ServerRecommendation.UsernameForm.EMAIL_ADDRESS, true)
                : provider.outgoing().get(0);
        String email = address();
        String user = rec.username() == ServerRecommendation.UsernameForm.LOCAL_PART ? email.substring(0, email.indexOf('@'))
                : email;
        return AccountProfile.builder(email).client(ClientInfo.parse(client))
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host(rec.host()).port(rec.port())
                        .security(rec.security()).auth(rec.auth()).username(user).passwordSet(true).build())
                .build();
    }

    @Test
    void recommendedSettingsGiveNoError() {
        for (String client : List.of("ios-12", "ios-17", "macos", "outlook", "thunderbird")) {
            Diagnosis d = engine.diagnose(goodAccount(client));
            assertEquals(List.of(), d.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList(),
                    "recommended settings on " + client);
            assertEquals(List.of(), d.errors());
        }
    }

    @Test
    void iosRelayingErrorWithAuthOffPointsAtTheFix() {
        AccountProfile good = goodAccount("ios-12");
        ServerSettings smtp = good.primaryOutgoing().orElseThrow();
        AccountProfile broken = AccountProfile.builder(good.email()).client(good.client())
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host(smtp.host()).port(smtp.port())
                        .security(smtp.security()).auth(AuthMethod.NONE).build())
                .errorText(IOS_RELAYING).build();
        Diagnosis d = engine.diagnose(broken);
        Finding top = d.top().orElseThrow();
        boolean fromAccount = provider.exemptions().stream()
                .anyMatch(e -> e.kind() == Exemption.Kind.OUTGOING_CREDENTIALS_FROM_ACCOUNT
                        && e.client().map(c -> c.equals("ios")).orElse(true));
        assertEquals(fromAccount ? "account-stale" : "smtp-auth-missing", top.code(), () -> d.findings().toString());
        if (fromAccount) {
            assertTrue(d.findings().stream().noneMatch(f -> f.code().equals("smtp-auth-missing")),
                    "never ask for an outgoing password when the account supplies it");
        }
        Procedure procedure = d.procedureFor(top).orElseThrow(() -> new AssertionError("no procedure for " + top));
        assertFalse(procedure.steps().get(0).wordingFor(broken.client()).text().isBlank());
        assertEquals(d, engine.diagnose(broken), "deterministic");
    }
}
