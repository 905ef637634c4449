package org.relaybench.providers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.Step;
import org.relaybench.core.rules.RuleDescriptor;

/** The generic provider's plugin.xml as the catalog reads it: identity, procedures, declarative rules. */
class ImapContributionTest {

    private static ProviderDescriptor imap;

    @BeforeAll
    static void read() throws Exception {
        imap = Fixtures.imapProvider();
    }

    @Test
    void loadsAsTheGenericProviderWithoutProblems() throws Exception {
        assertEquals("Other mail provider (IMAP/SMTP)", imap.name());
        assertEquals(-100, imap.priority());
        assertTrue(imap.generic());
        assertEquals(Fixtures.IMAP_BUNDLE, imap.origin().bundle());
        assertFalse(imap.description().isBlank());
        ProviderCatalog.Snapshot snapshot = Fixtures.catalog().snapshot();
        assertTrue(snapshot.problems().stream().noneMatch(p -> p.contributor().equals(Fixtures.IMAP_BUNDLE)),
                () -> "load problems of the imap bundle: " + snapshot.problems());
        List<ProviderDescriptor> providers = snapshot.providers();
        assertEquals(imap, providers.get(providers.size() - 1), "the generic provider comes last");
    }

    @Test
    void everyProcedureOfTheSeedArticleWithWhatItAddresses() {
        Map<String, Set<String>> expected = Map.ofEntries(
                Map.entry("quick-tips", Set.of("smtp-auth-missing")),
                Map.entry("readd-without-wifi", Set.of("account-stale", "network-restricted-relay")),
                Map.entry("switch-smtp-server", Set.of("primary-smtp-broken", "network-restricted-relay")),
                Map.entry("primary-server-credentials", Set.of("smtp-auth-missing", "smtp-username-form")),
                Map.entry("delete-readd-restart", Set.of("account-stale")),
                Map.entry("manual-setup-credentials-twice", Set.of("smtp-auth-missing", "account-stale")),
                Map.entry("submission-settings", Set.of("wrong-smtp-port", "wrong-security", "wrong-smtp-host",
                        "tls-required")),
                // what the agent tells the customer for replies that are not about the settings
                Map.entry("reply-recipient-unknown", Set.of("recipient-unknown")),
                Map.entry("reply-mailbox-full", Set.of("mailbox-full")),
                Map.entry("reply-message-too-large", Set.of("message-too-large")),
                Map.entry("reply-message-rejected", Set.of("message-rejected")),
                Map.entry("reply-sender-blocked", Set.of("sender-blocked")),
                Map.entry("reply-sender-rejected", Set.of("sender-rejected")),
                Map.entry("reply-sender-authentication", Set.of("sender-authentication-failed")));
        assertEquals(expected.keySet(), imap.procedures().stream().map(Procedure::id).collect(Collectors.toSet()));
        expected.forEach((id, causes) -> assertTrue(imap.procedure(id).orElseThrow().addresses().containsAll(causes),
                () -> id + " addresses " + imap.procedure(id).orElseThrow().addresses()));
    }

    @Test
    void everyStepSaysWhatToExpectAndNoKeyIsLeftUntranslated() {
        for (Procedure p : imap.procedures()) {
            assertTranslated(p.id(), p.title());
            for (Step s : p.steps()) {
                String where = p.id() + "/" + s.id();
                assertTranslated(where, s.text());
                assertTranslated(where + " expect", s.expect());
                for (Step.Wording w : s.wordings()) {
                    assertTranslated(where + " " + w.selector(), w.text());
                    if (!w.expect().isEmpty()) {
                        assertTranslated(where + " " + w.selector() + " expect", w.expect());
                    }
                }
            }
        }
        imap.rules().stream().filter(r -> !r.isCode()).forEach(r -> assertTranslated(r.id(), r.title()));
        assertTranslated("provider description", imap.description());
    }

    private static void assertTranslated(String where, String text) {
        assertFalse(text.isBlank(), where + " is empty");
        assertFalse(text.startsWith("%"), where + " has an untranslated key: " + text);
    }

    static Stream<Arguments> settingsPaths() {
        return Stream.of(Arguments.of("ios-9", "Settings > Mail, Contacts, Calendars"),
                Arguments.of("ios-10", "Settings > Mail > Accounts"),
                Arguments.of("ios-11", "Settings > Accounts & Passwords"),
                Arguments.of("ios-12", "Settings > Passwords & Accounts"),
                Arguments.of("ios-13.7", "Settings > Passwords & Accounts"),
                Arguments.of("ios-14", "Settings > Mail > Accounts"),
                Arguments.of("ipados-17", "Settings > Mail > Accounts"),
                Arguments.of("ios-18", "Settings > Apps > Mail > Mail Accounts"),
                Arguments.of("ios-26", "Settings > Apps > Mail > Mail Accounts"),
                Arguments.of("ios", "Settings > Apps > Mail > Mail Accounts on iOS 18 and later"),
                Arguments.of("macos", "Mail > Settings"),
                Arguments.of("outlook", "File > "),
                Arguments.of("thunderbird", "Account Settings"));
    }

    /** Every step that navigates the client's settings words it for each iOS generation and each client. */
    @ParameterizedTest
    @MethodSource("settingsPaths")
    void settingsPathsPerClientAndIosGeneration(String client, String path) {
        ClientInfo info = ClientInfo.parse(client);
        Map<String, String> navigating = Map.of("quick-tips", "credentials", "readd-without-wifi", "remove",
                "switch-smtp-server", "open", "primary-server-credentials", "open", "delete-readd-restart", "delete",
                "manual-setup-credentials-twice", "start", "submission-settings", "open");
        navigating.forEach((procedure, stepId) -> {
            Step step = imap.procedure(procedure).orElseThrow().steps().stream().filter(s -> s.id().equals(stepId))
                    .findFirst().orElseThrow();
            Step.Wording wording = step.wordingFor(info);
            String expected = path;
            if (info.kind().equals("outlook") && procedure.equals("switch-smtp-server")) {
                expected = "Outlook sends each account's mail";
            } else if (info.kind().equals("macos") && Set.of("readd-without-wifi", "delete-readd-restart",
                    "manual-setup-credentials-twice").contains(procedure)) {
                expected = "Internet Accounts";
            } else if (info.kind().equals("thunderbird") && procedure.equals("manual-setup-credentials-twice")) {
                expected = "Existing Mail Account";
            }
            assertTrue(wording.text().contains(expected), procedure + "/" + stepId + " for " + client + ": "
                    + wording.text());
            assertFalse(wording.expect().isBlank(), procedure + "/" + stepId + " for " + client + " has no expect");
        });
    }

    static Stream<Arguments> declarativeCases() {
        return Stream.of(
                declarative("recommended 465", b -> b, List.of()),
                declarative("recommended 587", b -> b.port(587).security(Security.STARTTLS), List.of()),
                declarative("auth none", b -> b.auth(AuthMethod.NONE).passwordSet(false), List.of("smtp-auth-none")),
                declarative("no password", b -> b.passwordSet(false), List.of("smtp-password-unset")),
                declarative("no user name", b -> b.username(null), List.of("smtp-username-unset")),
                declarative("OAuth2 needs no password", b -> b.auth(AuthMethod.OAUTH2).passwordSet(false), List.of()),
                declarative("port 25", b -> b.port(25).security(Security.NONE), List.of("smtp-port-25")),
                declarative("STARTTLS on 465", b -> b.security(Security.STARTTLS), List.of("smtp-465-security")),
                declarative("nothing on 465", b -> b.security(Security.NONE), List.of("smtp-465-security")),
                declarative("implicit TLS on 587", b -> b.port(587), List.of("smtp-587-implicit-tls")),
                declarative("nothing on 587", b -> b.port(587).security(Security.NONE), List.of("smtp-587-plain")),
                declarative("primary off, no other", b -> b.enabled(false), List.of("smtp-primary-off")),
                declarative("imap host", b -> b.host("imap.example.org"), List.of("smtp-host-incoming")),
                declarative("pop3 host", b -> b.host("pop3.example.org"), List.of("smtp-host-incoming")),
                declarative("pop host", b -> b.host("POP.example.org"), List.of("smtp-host-incoming")),
                declarative("imap within a longer label", b -> b.host("imapmail.example.org"), List.of()),
                declarative("numbered MX host, port 25, no auth", b -> b.host("mx2.example.org").port(25)
                        .security(Security.NONE).auth(AuthMethod.NONE),
                        List.of("smtp-auth-none", "smtp-port-25", "smtp-host-incoming")));
    }

    private static Arguments declarative(String name, UnaryOperator<ServerSettings.Builder> change,
            List<String> fired) {
        ServerSettings.Builder recommended = ServerSettings.builder(MailProtocol.SMTP).host("smtp.example.org")
                .port(465).security(Security.TLS).auth(AuthMethod.PASSWORD).username("someone@example.org")
                .passwordSet(true);
        return Arguments.of(name, change.apply(recommended).build(), Set.copyOf(fired));
    }

    /** Each case: the account's primary outgoing server, and the declarative rules that must fire, no more. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("declarativeCases")
    void declarativeRulesFireAsDocumented(String name, ServerSettings primary, Set<String> expected) {
        assertEquals(expected, fired(AccountProfile.builder("someone@example.org").client(ClientInfo.parse("ios-17"))
                .outgoing(primary).build()), name);
    }

    @Test
    void primaryOffIsFineWhenAnotherServerIsOn() {
        ServerSettings off = ServerSettings.builder(MailProtocol.SMTP).host("smtp.example.org").port(465)
                .security(Security.TLS).auth(AuthMethod.PASSWORD).username("someone").passwordSet(true).enabled(false)
                .build();
        ServerSettings other = ServerSettings.builder(MailProtocol.SMTP).host("smtp.att.yahoo.com").port(465)
                .security(Security.TLS).auth(AuthMethod.PASSWORD).username("someone@att.net").passwordSet(true)
                .build();
        AccountProfile account = AccountProfile.builder("someone@example.org").outgoing(off).otherOutgoing(other)
                .build();
        assertEquals(Set.of(), fired(account));
    }

    private static Set<String> fired(AccountProfile account) {
        return imap.rules().stream().filter(r -> !r.isCode())
                .filter(r -> r.conditions().stream().allMatch(c -> c.test(account))).map(RuleDescriptor::id)
                .collect(Collectors.toSet());
    }

    @Test
    void rulesPointAtTheProceduresThatFixThem() {
        UnaryOperator<String> procedureOf = id -> imap.rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow().procedure().orElseThrow();
        assertEquals("primary-server-credentials", procedureOf.apply("smtp-auth-none"));
        assertEquals("primary-server-credentials", procedureOf.apply("smtp-password-unset"));
        assertEquals("submission-settings", procedureOf.apply("smtp-port-25"));
        assertEquals("submission-settings", procedureOf.apply("smtp-host-incoming"));
        RuleDescriptor ispdb = Fixtures.rule(imap, "ispdb");
        assertTrue(ispdb.isCode());
        assertEquals("org.relaybench.providers.imap.internal.IspdbRule", ispdb.implementation().orElseThrow());
        assertEquals(10, imap.rules().size(), imap.rules()::toString);
    }
}
