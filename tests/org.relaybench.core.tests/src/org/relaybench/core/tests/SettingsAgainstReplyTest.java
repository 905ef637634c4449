package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Security;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.providers.Procedure;
import org.relaybench.tests.common.OsgiServices;

/**
 * The engine weighs the account's settings against the reply: replies that are not about the settings
 * say so and carry advice, conflicting evidence gives ranked candidates and the question that tells
 * them apart, a blocked IP on port 25 gives both findings, and no reply goes without a finding.
 */
class SettingsAgainstReplyTest {

    private static DiagnosisEngine engine;

    @BeforeAll
    static void engine() throws Exception {
        engine = OsgiServices.service(DiagnosisEngine.class);
    }

    /** AOL on iOS 17 as a new user would set it up: submission over TLS, user name and password filled in. */
    private static AccountProfile aolIos17(String errorText) {
        return AccountProfile.builder("someone@aol.com").client(ClientInfo.parse("ios-17"))
                .outgoing(DiagnosisEngineTest.smtp("smtp.aol.com", 465, Security.TLS, AuthMethod.PASSWORD)
                        .username("someone@aol.com").passwordSet(true).build())
                .errorText(errorText).build();
    }

    static Stream<Arguments> repliesNotAboutTheSettings() {
        return Stream.of(
                Arguments.of("recipient-unknown", "550 5.1.1 <nobody@example.org>: Recipient address rejected: User "
                        + "unknown in virtual mailbox table"),
                Arguments.of("mailbox-full", "552-5.2.2 The email account that you tried to reach is over quota. "
                        + "Please direct\n552 5.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaPerm"),
                Arguments.of("message-rejected", "550-5.7.1 Our system has detected that this message is likely "
                        + "unsolicited mail. To\n550 5.7.1 reduce the amount of spam sent to Gmail, this message has "
                        + "been blocked."),
                Arguments.of("sender-blocked", "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using "
                        + "zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repliesNotAboutTheSettings")
    void replyNotAboutTheSettingsRanksFirstAndSaysSo(String cause, String reply) {
        // correct settings for a domain of the generic provider, as "relaybench diagnose --error ..." gets them
        AccountProfile account = AccountProfile.builder("someone@example.net").client(ClientInfo.parse("ios-17"))
                .outgoing(DiagnosisEngineTest.smtp("smtp.example.net", 587, Security.STARTTLS, AuthMethod.PASSWORD)
                        .username("someone@example.net").passwordSet(true).build())
                .errorText(reply).build();
        Diagnosis d = engine.diagnose(account);
        Finding top = d.top().orElseThrow();
        assertEquals(cause, top.code(), () -> d.findings().toString());
        assertNotEquals(Severity.ERROR, top.severity());
        assertTrue(top.title().contains("the device's settings are not at fault"), top.title());
        assertTrue(top.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.RULE
                && e.subject().equals("device settings") && e.detail().startsWith("not at fault")), top::toString);
        Procedure advice = d.procedureFor(top).orElseThrow();
        assertTrue(advice.addresses().contains(cause), "the generic provider's advice for the cause: " + advice);
        assertTrue(advice.steps().get(0).text().contains("not at fault"), advice.steps().get(0)::text);
        assertTrue(d.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR),
                () -> "correct settings and a reply about something else: nothing to fix on the device: "
                        + d.findings());
    }

    @Test
    void relayTextAgainstSettingsThatSignInGivesRankedCandidatesAndTheQuestion() {
        Diagnosis d = engine.diagnose(aolIos17(DiagnosisEngineTest.IOS_RELAYING));
        Finding top = d.top().orElseThrow();
        assertNotEquals("smtp-auth-missing", top.code(), () -> d.findings().toString());
        assertTrue(top.confidence() <= 0.6, () -> "no candidate is certain: " + d.findings());
        List<String> codes = d.findings().stream().map(Finding::code).toList();
        assertTrue(codes.containsAll(List.of("smtp-credentials-rejected", "app-password-required", "primary-smtp-broken",
                "account-stale", "sender-not-owned")), codes::toString);
        assertEquals("smtp-credentials-rejected", codes.get(0), "a stale or wrong password fits best: " + codes);
        assertEquals("app-password-required", codes.get(1), "AOL wants app passwords from mail apps: " + codes);
        Finding second = d.findings().get(1);
        assertTrue(top.confidence() - second.confidence() < 0.2, "the confidences show the conflict: " + codes);
        Finding authMissing = d.findings().stream().filter(f -> f.code().equals("smtp-auth-missing")).findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, authMissing.severity());
        assertTrue(authMissing.confidence() < 0.3, authMissing::toString);
        assertTrue(authMissing.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.SETTING
                && e.detail().contains("password set")), authMissing::toString);
        for (Finding f : d.findings().subList(0, 2)) {
            assertTrue(f.evidence().stream().anyMatch(e -> e.subject().equals("what tells them apart")
                    && e.detail().contains("show a password") && e.detail().contains("probe")), f::toString);
        }
    }

    @Test
    void relayTextWithAuthenticationOffStillBlamesTheMissingAuthentication() {
        AccountProfile account = AccountProfile.builder("someone@aol.com").client(ClientInfo.parse("ios-17"))
                .outgoing(DiagnosisEngineTest.smtp("smtp.aol.com", 465, Security.TLS, AuthMethod.NONE).build())
                .errorText(DiagnosisEngineTest.IOS_RELAYING).build();
        Finding top = engine.diagnose(account).top().orElseThrow();
        assertEquals("smtp-auth-missing", top.code());
        assertEquals(Severity.ERROR, top.severity());
        assertTrue(top.confidence() >= 0.9, top::toString);
    }

    @Test
    void blocklistedIpWhileSendingStraightToPort25GivesBothFindingsRanked() {
        AccountProfile account = AccountProfile.builder("me@example-isp.net").client(ClientInfo.parse("ios-17"))
                .outgoing(DiagnosisEngineTest.smtp("mx.example.org", 25, Security.NONE, AuthMethod.NONE).build())
                .errorText("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org")
                .build();
        Diagnosis d = engine.diagnose(account);
        List<String> codes = d.findings().stream().map(Finding::code).toList();
        assertTrue(codes.contains("sender-blocked"), codes::toString);
        assertTrue(codes.indexOf("wrong-smtp-port") >= 0 && codes.indexOf("wrong-smtp-port") < codes.indexOf(
                "sender-blocked"), () -> "the device's part ranks first: " + codes);
        Finding port = d.findings().get(codes.indexOf("wrong-smtp-port"));
        assertTrue(port.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.REPLY
                && e.detail().contains("sending IP")), port::toString);
    }

    @Test
    void everyNonEmptyReplyGetsAFinding() {
        for (String text : List.of("Hello, I can't send mail from my iPhone since yesterday", "554 5.6.9 xyzzy",
                "Error 42", "550 5.0.0 ???")) {
            AccountProfile account = AccountProfile.builder("x@example.net").errorText(text).build();
            Diagnosis d = engine.diagnose(account);
            assertFalse(d.findings().isEmpty(), text);
            Finding f = d.top().orElseThrow();
            assertTrue(f.confidence() <= 0.3, f::toString);
            assertTrue(f.title().contains("low confidence") || f.code().equals("core.reply-not-recognised"),
                    f::toString);
            assertTrue(d.procedureFor(f).isPresent() || !f.code().equals("core.reply-not-recognised"), f::toString);
        }
        Diagnosis reading = engine.diagnose(AccountProfile.builder("x@example.net").errorText("554 5.6.9 xyzzy")
                .build());
        assertEquals("message-rejected", reading.top().orElseThrow().code());
    }
}
