package org.relaybench.providers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleDescriptor;
import org.relaybench.providers.imap.internal.IspdbDirectory;
import org.relaybench.providers.imap.internal.IspdbRule;

/**
 * The ISPDB rule on comcast.net accounts (a domain no other provider claims), with the real descriptors
 * of the generic provider as the catalog read them.
 */
class IspdbRuleTest {

    private static final String EMAIL = "jane.doe@comcast.net";

    private static ProviderDescriptor imap;
    private static RuleDescriptor ispdb;
    private static IspdbRule rule;
    private static String comcastFile;

    @TempDir
    Path temp;

    @BeforeAll
    static void setUp() throws Exception {
        imap = Fixtures.imapProvider();
        ispdb = Fixtures.rule(imap, "ispdb");
        Path folder = Fixtures.ispdbFolder();
        rule = new IspdbRule(new IspdbDirectory(() -> Optional.of(folder), System::nanoTime));
        comcastFile = folder.resolve("comcast.net.xml").toString();
    }

    @Test
    void recommendedSettingsGiveNoFinding() throws Exception {
        assertEquals(List.of(), evaluate(account(smtp("smtp.comcast.net", 465, Security.TLS, EMAIL))));
        assertEquals(List.of(), evaluate(account(smtp("SMTP.Comcast.NET", 587, Security.STARTTLS, EMAIL))));
        assertEquals(List.of(), evaluate(account(smtp("smtp.comcast.net", 0, Security.TLS, null))),
                "unknown port and no user name: nothing to compare");
    }

    @Test
    void wrongHost() throws Exception {
        Finding f = only(evaluate(account(smtp("imap.comcast.net", 465, Security.TLS, EMAIL))));
        assertFinding(f, "wrong-smtp-host", Severity.ERROR, 0.8);
        assertEquals("The outgoing server imap.comcast.net is not one that Comcast uses for sending: use "
                + "smtp.comcast.net", f.title());
        assertEquals(List.of(setting("smtp.host", "imap.comcast.net"), ispdb("ispdb.hosts", "smtp.comcast.net"),
                ispdb("ispdb.file", comcastFile)), f.evidence());
    }

    @Test
    void port25() throws Exception {
        Finding f = only(evaluate(account(smtp("smtp.comcast.net", 25, Security.NONE, EMAIL))));
        assertFinding(f, "wrong-smtp-port", Severity.ERROR, 0.8);
        assertEquals("Comcast does not take mail from mail apps on port 25: use 465 with SSL/TLS or 587 with "
                + "STARTTLS", f.title());
        assertEquals(List.of(setting("smtp.port", "25"),
                ispdb("ispdb.ports", "smtp.comcast.net:465 tls, smtp.comcast.net:587 starttls"),
                ispdb("ispdb.file", comcastFile)), f.evidence());
    }

    @Test
    void starttlsOn465() throws Exception {
        Finding f = only(evaluate(account(smtp("smtp.comcast.net", 465, Security.STARTTLS, EMAIL))));
        assertFinding(f, "wrong-security", Severity.ERROR, 0.7);
        assertEquals("smtp.comcast.net expects SSL/TLS on port 465, but the device is set to STARTTLS", f.title());
        assertEquals(List.of(setting("smtp.security", "starttls"), setting("smtp.port", "465"),
                ispdb("ispdb.security", "smtp.comcast.net:465 tls"), ispdb("ispdb.file", comcastFile)),
                f.evidence());
    }

    @Test
    void implicitTlsOn587IsOnlyAWarning() throws Exception {
        Finding f = only(evaluate(account(smtp("smtp.comcast.net", 587, Security.TLS, EMAIL))));
        assertFinding(f, "wrong-security", Severity.WARNING, 0.4);
        assertTrue(f.evidence().contains(ispdb("ispdb.security", "smtp.comcast.net:587 starttls")),
                f.evidence()::toString);
    }

    @Test
    void localPartWhereTheFullAddressIsExpected() throws Exception {
        Finding f = only(evaluate(account(smtp("smtp.comcast.net", 587, Security.STARTTLS, "Jane.Doe"))));
        assertFinding(f, "smtp-username-form", Severity.ERROR, 0.7);
        assertEquals("The outgoing user name is only the part before @: Comcast wants the full address", f.title());
        assertEquals(List.of(setting("smtp.username-form", "local-part"), ispdb("ispdb.username", "%EMAILADDRESS%"),
                ispdb("ispdb.file", comcastFile)), f.evidence());
    }

    @Test
    void everythingWrongAtOnce() throws Exception {
        List<Finding> findings = evaluate(account(smtp("mail.comcast.net", 25, Security.NONE, "jane.doe")));
        assertEquals(List.of("wrong-smtp-host", "wrong-smtp-port", "smtp-username-form"),
                findings.stream().map(Finding::code).toList());
        findings.forEach(f -> assertEquals(Optional.of("submission-settings"), f.procedure()));
    }

    @Test
    void wrongHostButRightPortChecksSecurityAgainstAllServers() throws Exception {
        List<Finding> findings = evaluate(account(smtp("mx1.comcast.net", 465, Security.NONE, EMAIL)));
        assertEquals(List.of("wrong-smtp-host", "wrong-security"), findings.stream().map(Finding::code).toList());
    }

    @Test
    void otherUserNamesAreNotJudged() throws Exception {
        assertEquals(List.of(), evaluate(account(smtp("smtp.comcast.net", 465, Security.TLS, "alias@example.org"))));
    }

    @Test
    void unknownDomainGivesNoFinding() throws Exception {
        AccountProfile unknown = AccountProfile.builder("someone@unlisted.example")
                .outgoing(smtp("imap.unlisted.example", 25, Security.NONE, "someone")).build();
        assertEquals(List.of(), evaluate(unknown));
    }

    @Test
    void noOutgoingServerGivesNoFinding() throws Exception {
        assertEquals(List.of(), evaluate(AccountProfile.builder(EMAIL).build()));
    }

    @Test
    void noIspdbConfiguredGivesNoFinding() throws Exception {
        IspdbRule unconfigured = new IspdbRule(new IspdbDirectory(Optional::empty, System::nanoTime));
        AccountProfile wrong = account(smtp("imap.comcast.net", 25, Security.NONE, "jane.doe"));
        assertEquals(List.of(), unconfigured.evaluate(Fixtures.context(wrong, imap, ispdb)));
    }

    @Test
    void placeholdersAndLocalPartFromTheFile() throws Exception {
        Files.writeString(temp.resolve("hosted.example.xml"), """
                <clientConfig version="1.1">
                  <emailProvider id="hosted.example">
                    <domain>customer.example</domain>
                    <displayName>Hosted Mail</displayName>
                    <outgoingServer type="smtp">
                      <hostname>mail.%EMAILDOMAIN%</hostname>
                      <port>587</port>
                      <socketType>STARTTLS</socketType>
                      <username>%EMAILLOCALPART%</username>
                      <authentication>password-cleartext</authentication>
                    </outgoingServer>
                  </emailProvider>
                </clientConfig>
                """);
        AtomicLong clock = new AtomicLong();
        IspdbRule hosted = new IspdbRule(new IspdbDirectory(() -> Optional.of(temp), clock::get));
        AccountProfile right = AccountProfile.builder("bob@customer.example")
                .outgoing(smtp("mail.customer.example", 587, Security.STARTTLS, "bob")).build();
        assertEquals(List.of(), hosted.evaluate(Fixtures.context(right, imap, ispdb)));
        AccountProfile full = AccountProfile.builder("bob@customer.example")
                .outgoing(smtp("mail.customer.example", 587, Security.STARTTLS, "bob@customer.example")).build();
        Finding f = only(hosted.evaluate(Fixtures.context(full, imap, ispdb)));
        assertEquals("The outgoing user name is the full address: Hosted Mail wants only the part before @", f.title());
    }

    @Test
    void catalogCreatesTheRuleOnTheConfiguredFolder() throws Exception {
        ProviderCatalog catalog = Fixtures.catalog();
        DiagnosisRule created = catalog.createRule(imap, ispdb);
        assertInstanceOf(IspdbRule.class, created);
        String before = System.getProperty(IspdbDirectory.PROPERTY);
        try {
            System.setProperty(IspdbDirectory.PROPERTY, Fixtures.ispdbFolder().toString());
            IspdbDirectory.shared().refresh();
            AccountProfile wrong = account(smtp("imap.comcast.net", 465, Security.TLS, EMAIL));
            assertEquals(List.of("wrong-smtp-host"), created.evaluate(Fixtures.context(wrong, imap, ispdb)).stream()
                    .map(Finding::code).toList());
        } finally {
            if (before == null) {
                System.clearProperty(IspdbDirectory.PROPERTY);
            } else {
                System.setProperty(IspdbDirectory.PROPERTY, before);
            }
            IspdbDirectory.shared().refresh();
        }
        assertTrue(catalog.snapshot().problems().stream().noneMatch(p -> p.contributor().equals(Fixtures.IMAP_BUNDLE)),
                () -> "problems of the imap bundle: " + catalog.snapshot().problems());
    }

    @Test
    void theInstancePreferenceNamesTheFolderWhenThePropertyDoesNot() throws Exception {
        ProviderCatalog catalog = Fixtures.catalog();
        DiagnosisRule created = catalog.createRule(imap, ispdb);
        AccountProfile wrong = account(smtp("imap.comcast.net", 465, Security.TLS, EMAIL));
        String before = System.getProperty(IspdbDirectory.PROPERTY);
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(IspdbDirectory.PREFERENCE_NODE);
        try {
            System.clearProperty(IspdbDirectory.PROPERTY);
            node.put(IspdbDirectory.PREFERENCE_KEY, Fixtures.ispdbFolder().toString());
            IspdbDirectory.shared().refresh();
            assertEquals(Optional.of(Fixtures.ispdbFolder()), IspdbDirectory.configuredFolder());
            assertEquals(List.of("wrong-smtp-host"), created.evaluate(Fixtures.context(wrong, imap, ispdb)).stream()
                    .map(Finding::code).toList(), "the preference's folder is read");

            // the property still wins: an operator's -D for one run
            Path empty = Files.createTempDirectory("ispdb-empty");
            System.setProperty(IspdbDirectory.PROPERTY, empty.toString());
            IspdbDirectory.shared().refresh();
            assertEquals(Optional.of(empty), IspdbDirectory.configuredFolder());
            assertEquals(List.of(), created.evaluate(Fixtures.context(wrong, imap, ispdb)), "an empty folder knows no host");
            Files.delete(empty);
        } finally {
            node.remove(IspdbDirectory.PREFERENCE_KEY);
            if (before == null) {
                System.clearProperty(IspdbDirectory.PROPERTY);
            } else {
                System.setProperty(IspdbDirectory.PROPERTY, before);
            }
            IspdbDirectory.shared().refresh();
        }
    }

    @Test
    void evaluationIsFast() throws Exception {
        AccountProfile wrong = account(smtp("mail.comcast.net", 25, Security.NONE, "jane.doe"));
        evaluate(wrong);
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            evaluate(wrong);
        }
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start) / 10_000;
        assertTrue(micros < 1_000, "one evaluation took " + micros + " microseconds on average");
    }

    private static List<Finding> evaluate(AccountProfile account) throws Exception {
        return rule.evaluate(Fixtures.context(account, imap, ispdb));
    }

    private static AccountProfile account(ServerSettings outgoing) {
        return AccountProfile.builder(EMAIL).outgoing(outgoing).build();
    }

    private static ServerSettings smtp(String host, int port, Security security, String user) {
        return ServerSettings.builder(MailProtocol.SMTP).host(host).port(port).security(security)
                .auth(AuthMethod.PASSWORD).username(user).passwordSet(true).build();
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings::toString);
        return findings.get(0);
    }

    private static void assertFinding(Finding f, String code, Severity severity, double confidence) {
        assertEquals(code, f.code(), f::toString);
        assertEquals(severity, f.severity(), f::toString);
        assertEquals(confidence, f.confidence(), 1e-9, f::toString);
        assertEquals("imap", f.provider());
        assertEquals("ispdb", f.rule());
        assertEquals(Optional.of("submission-settings"), f.procedure());
    }

    private static Evidence setting(String subject, String detail) {
        return new Evidence(Evidence.Kind.SETTING, subject, detail);
    }

    private static Evidence ispdb(String subject, String detail) {
        return new Evidence(Evidence.Kind.PROVIDER, subject, detail);
    }
}
