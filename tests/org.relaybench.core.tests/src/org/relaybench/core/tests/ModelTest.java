package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.CauseCode;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.providers.ClientSelector;
import org.relaybench.core.providers.Step;
import org.relaybench.core.rules.Condition;
import org.relaybench.core.rules.ConditionField;
import org.relaybench.core.rules.ConditionOperator;

/** The immutable model and the declarative rule semantics. */
class ModelTest {

    @ParameterizedTest
    @CsvSource({ "ios-12, ios, 12, 12", "iOS 17.4, ios, 17.4, 17", "macos, macos, '', -1", "thunderbird-128, thunderbird, 128, 128",
            "outlook, outlook, '', -1" })
    void parsesClients(String text, String kind, String version, int major) {
        ClientInfo c = ClientInfo.parse(text);
        assertEquals(kind, c.kind());
        assertEquals(version, c.version());
        assertEquals(major, c.majorVersion().orElse(-1));
    }

    @Test
    void rejectsMalformedClient() {
        assertThrows(IllegalArgumentException.class, () -> ClientInfo.parse("12-ios!"));
    }

    @Test
    void wordingPicksMostSpecificSelector() {
        Step step = new Step("s", "default", "see default", List.of(
                new Step.Wording(new ClientSelector("ios", Integer.MIN_VALUE, Integer.MAX_VALUE), "any ios", ""),
                new Step.Wording(new ClientSelector("ios", 12, 13), "Passwords & Accounts", "see 12"),
                new Step.Wording(new ClientSelector("ios", 18, Integer.MAX_VALUE), "Apps > Mail", "")));
        assertEquals("Passwords & Accounts", step.wordingFor(ClientInfo.parse("ios-12")).text());
        assertEquals("see 12", step.wordingFor(ClientInfo.parse("ios-13")).expect());
        assertEquals("Apps > Mail", step.wordingFor(ClientInfo.parse("ios-18")).text());
        assertEquals("see default", step.wordingFor(ClientInfo.parse("ios-18")).expect(), "default expect kept");
        assertEquals("any ios", step.wordingFor(ClientInfo.parse("ios-15")).text());
        assertEquals("any ios", step.wordingFor(ClientInfo.parse("ipados-16")).text());
        assertEquals("default", step.wordingFor(ClientInfo.parse("thunderbird")).text());
    }

    @Test
    void conditionsReadThePrimaryOutgoingServer() {
        AccountProfile p = AccountProfile.builder("Someone@AOL.com").client(ClientInfo.parse("ios-12"))
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("SMTP.aol.com ").port(587)
                        .security(Security.STARTTLS).auth(AuthMethod.NONE).username("someone").build())
                .build();
        assertEquals("aol.com", p.domain());
        assertTrue(new Condition(ConditionField.SMTP_AUTH, ConditionOperator.EQUALS, "None").test(p));
        assertTrue(new Condition(ConditionField.SMTP_HOST, ConditionOperator.EQUALS, "smtp.aol.com").test(p));
        assertTrue(new Condition(ConditionField.SMTP_PORT, ConditionOperator.IN, "465, 587").test(p));
        assertTrue(new Condition(ConditionField.SMTP_USERNAME_FORM, ConditionOperator.EQUALS, "local-part").test(p));
        assertTrue(new Condition(ConditionField.SMTP_PASSWORD, ConditionOperator.EQUALS, "unset").test(p));
        assertTrue(new Condition(ConditionField.CLIENT_VERSION, ConditionOperator.LESS_THAN, "13").test(p));
        assertFalse(new Condition(ConditionField.INCOMING_HOST, ConditionOperator.NOT_EQUALS, "x").test(p),
                "a field without value satisfies no comparison");
        assertTrue(new Condition(ConditionField.INCOMING_HOST, ConditionOperator.ABSENT, "").test(p));
        assertFalse(p.primaryOutgoing().get().sendsCredentials());
    }

    @Test
    void invalidConditionsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Condition(ConditionField.ERROR, ConditionOperator.MATCHES, "([x"));
        assertThrows(IllegalArgumentException.class,
                () -> new Condition(ConditionField.SMTP_PORT, ConditionOperator.LESS_THAN, "many"));
        assertThrows(IllegalArgumentException.class,
                () -> new Condition(ConditionField.SMTP_PORT, ConditionOperator.EQUALS, ""));
    }

    @Test
    void effectiveOutgoingFallsBackToEnabledOtherServer() {
        ServerSettings off = ServerSettings.builder(MailProtocol.SMTP).host("smtp.aol.com").enabled(false).build();
        ServerSettings att = ServerSettings.builder(MailProtocol.SMTP).host("smtp.mail.att.net").build();
        AccountProfile p = AccountProfile.builder("x@aol.com").outgoing(off).otherOutgoing(att).build();
        assertEquals(Optional.of(att), p.effectiveOutgoing());
    }

    @Test
    void causeCodesAreStableAndProviderCodesPrefixed() {
        assertEquals(31, CauseCode.values().length);
        assertEquals(CauseCode.SMTP_AUTH_MISSING, CauseCode.of("smtp-auth-missing").orElseThrow());
        assertEquals(CauseCode.SENDER_AUTHENTICATION_FAILED, CauseCode.of("sender-authentication-failed").orElseThrow());
        for (String code : List.of("recipient-unknown", "mailbox-full", "message-too-large", "message-rejected",
                "sender-blocked", "sender-rejected", "sender-authentication-failed", "rate-limited",
                "smtp-auth-disabled")) {
            assertFalse(CauseCode.of(code).orElseThrow().settingsAtFault(), code);
        }
        for (String code : List.of("smtp-auth-missing", "wrong-smtp-port", "relay-denied", "network-restricted-relay",
                "sender-not-owned", "account-stale")) {
            assertTrue(CauseCode.of(code).orElseThrow().settingsAtFault(), code);
        }
        assertTrue(CauseCode.isValidFor("att.secure-mail-key", "att"));
        assertFalse(CauseCode.isValidFor("aol.secure-mail-key", "att"));
        assertFalse(CauseCode.isValidFor("att.", "att"));
        assertFalse(CauseCode.isValidFor("no-such-code", "att"));
    }

    @Test
    void serverSettingsRejectBadPortAndWrongProtocol() {
        assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.builder(MailProtocol.SMTP).port(70000).build());
        ServerSettings imap = ServerSettings.builder(MailProtocol.IMAP).host("imap.aol.com").build();
        assertThrows(IllegalArgumentException.class, () -> AccountProfile.builder("x@y.z").outgoing(imap).build());
    }
}
