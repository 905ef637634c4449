package org.relaybench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
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
 * What every provider promises, checked against the provider as installed and through the real
 * diagnosis engine. A provider plugin's test bundle subclasses it and names its provider:
 *
 * <pre>
 * class ExampleNetContractTest extends ProviderContractTest {
 *     &#64;Override
 *     protected String providerId() {
 *         return "examplenet";
 *     }
 * }
 * </pre>
 *
 * The test bundle runs in an OSGi runtime with {@code org.relaybench.core}, Felix SCR and the provider
 * bundle (Tycho Surefire does this); the checks find the {@link ProviderCatalog} and
 * {@link DiagnosisEngine} services there. A subclass may add its own tests and override
 * {@link #goodAccount(String)} or {@link #address()} when the provider needs something special. Later
 * versions of this package may add checks; see {@code docs/API.md}.
 *
 * @since 0.1
 */
public abstract class ProviderContractTest {

    /** iOS Mail's relaying error, as the customer reads it. */
    public static final String IOS_RELAYING = "A copy has been placed in your Outbox. The recipient \"sam@example.org\""
            + " was rejected by the server because it does not allow relaying.";

    /** The iOS versions whose Settings paths every procedure step must word. */
    public static final List<String> IOS_GENERATIONS = List.of("ios-9", "ios-10", "ios-11", "ios-12", "ios-13",
            "ios-15", "ios-17", "ios-18");

    /** The catalog at the start of the test. */
    protected ProviderCatalog.Snapshot snapshot;
    /** The provider under test. */
    protected ProviderDescriptor provider;
    /** The diagnosis engine service. */
    protected DiagnosisEngine engine;

    /** @return the id of the provider under test, as in its {@code plugin.xml} */
    protected abstract String providerId();

    /**
     * Finds the provider under test in the catalog, waiting for the services to come up.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    @BeforeEach
    public void loadProvider() throws InterruptedException {
        ProviderCatalog catalog = RelaybenchServices.get(getClass(), ProviderCatalog.class);
        snapshot = catalog.snapshot();
        provider = snapshot.provider(providerId()).orElseThrow(() -> new AssertionError(providerId()
                + " is not installed (is its bundle in the test runtime and resolved?); problems: " + snapshot.problems()));
        engine = RelaybenchServices.get(getClass(), DiagnosisEngine.class);
    }

    /** @return an address of the provider, or of an unknown domain for the generic provider */
    protected String address() {
        return "contract.test@" + (provider.generic() ? "unknown-domain.example" : provider.domains().get(0));
    }

    /** The contribution loads completely: no load problem names the provider's bundle. */
    @Test
    public void loadsWithoutProblems() {
        assertEquals(List.of(), snapshot.problems().stream()
                .filter(p -> p.contributor().equals(provider.origin().bundle())).toList());
        assertFalse(provider.name().isBlank());
        assertTrue(!provider.generic() || provider.priority() < 0, "a generic provider must rank below specific ones");
    }

    /** An address of the provider's first domain is diagnosed with this provider. */
    @Test
    public void isTheProviderOfItsDomains() {
        String email = address();
        assertEquals(provider.id(), engine.diagnose(AccountProfile.builder(email).build()).provider().orElseThrow().id());
    }

    /** Every recommended outgoing server authenticates on a submission port (RFC 6409, RFC 8314). */
    @Test
    public void recommendsSubmissionServers() {
        if (provider.generic()) {
            return; // the generic provider knows no hosts of its own
        }
        assertFalse(provider.outgoing().isEmpty(), "a provider recommends at least one outgoing server");
        for (ServerRecommendation s : provider.outgoing()) {
            assertTrue(s.auth().authenticates(), s + " must authenticate");
            assertTrue(s.port() == 465 || s.port() == 587, s + " is not a submission port (RFC 6409/8314)");
        }
    }

    /** Every step of every procedure has text and an expectation for each iOS generation, translated. */
    @Test
    public void everyStepSaysWhatToExpectAndHasWordingForEveryIosGeneration() {
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

    /**
     * Every cause its declarative rules and known replies raise is addressed by one of its procedures,
     * or by one of the generic provider's when that is installed.
     */
    @Test
    public void everyCauseItRaisesHasAProcedure() {
        Set<String> causes = new HashSet<>();
        provider.rules().stream().filter(r -> !r.isCode()).map(RuleDescriptor::cause).forEach(causes::add);
        provider.replies().stream().map(KnownReply::cause).forEach(causes::add);
        Optional<ProviderDescriptor> generic = snapshot.providers().stream().filter(ProviderDescriptor::generic)
                .findFirst();
        for (String cause : causes) {
            boolean addressed = provider.procedures().stream().anyMatch(p -> p.addresses().contains(cause))
                    || generic.stream().flatMap(g -> g.procedures().stream()).anyMatch(p -> p.addresses().contains(cause));
            assertTrue(addressed, "no procedure of " + provider.id() + " (or the generic provider) addresses " + cause);
        }
    }

    /**
     * @param client a client id such as {@code ios-12}
     * @return an account configured as the provider recommends (its first outgoing server)
     */
    protected AccountProfile goodAccount(String client) {
        ServerRecommendation rec = provider.generic()
                ? new ServerRecommendation(MailProtocol.SMTP, "smtp.unknown-domain.example", 465, Security.TLS,
                        AuthMethod.PASSWORD, ServerRecommendation.UsernameForm.EMAIL_ADDRESS, true)
                : provider.outgoing().get(0);
        String email = address();
        String user = rec.username() == ServerRecommendation.UsernameForm.LOCAL_PART
                ? email.substring(0, email.indexOf('@'))
                : email;
        return AccountProfile.builder(email).client(ClientInfo.parse(client))
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host(rec.host()).port(rec.port())
                        .security(rec.security()).auth(rec.auth()).username(user).passwordSet(true).build())
                .build();
    }

    /** The provider's own recommended settings raise no error, on any client, and no rule fails. */
    @Test
    public void recommendedSettingsGiveNoError() {
        for (String client : List.of("ios-12", "ios-17", "macos", "outlook", "thunderbird")) {
            Diagnosis d = engine.diagnose(goodAccount(client));
            assertEquals(List.of(), d.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList(),
                    "recommended settings on " + client);
            assertEquals(List.of(), d.errors());
        }
    }

    /**
     * The seed case: iOS, authentication off, "does not allow relaying" ranks the missing
     * authentication first (or, where the account supplies the credentials, a stale account), points
     * at a procedure worded for the client, is deterministic, and no rule fails on it.
     */
    @Test
    public void iosRelayingErrorWithAuthOffPointsAtTheFix() {
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
        assertEquals(List.of(), d.errors(), "no rule of the provider fails on the seed case");
        assertEquals(d, engine.diagnose(broken), "deterministic");
    }

    /** Every code rule's class loads from the provider's bundle and implements the rule API. */
    @Test
    public void codeRulesCanBeCreated() throws Exception {
        ProviderCatalog catalog = RelaybenchServices.get(getClass(), ProviderCatalog.class);
        for (RuleDescriptor rule : provider.rules()) {
            if (rule.isCode()) {
                assertTrue(catalog.createRule(provider, rule) != null, rule.id());
            }
        }
    }
}
