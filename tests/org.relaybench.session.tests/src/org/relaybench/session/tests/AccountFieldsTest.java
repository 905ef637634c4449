package org.relaybench.session.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Network;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.session.AccountCheck;
import org.relaybench.session.AccountField;
import org.relaybench.session.AccountFields;
import org.relaybench.session.FieldProblem;
import org.relaybench.session.ServerFields;
import org.relaybench.session.SupportSessions;

/** One builder and one set of validation messages for every face. */
class AccountFieldsTest {

    private static AccountFields iphone() {
        return AccountFields.create().email(" Pat.Lee@AOL.com ").client("ios-12").network("wifi")
                .errorText("does not allow relaying")
                .outgoing(ServerFields.create().host("smtp.aol.com").port("587").security("starttls").auth("none"));
    }

    @Test
    void validFieldsBuildTheAccount() throws Exception {
        AccountCheck check = OsgiServices.service(SupportSessions.class).check(iphone());
        assertTrue(check.ok(), () -> check.problems().toString());
        AccountProfile a = check.orElseThrow();
        assertEquals("pat.lee@aol.com", a.email());
        assertEquals(Network.Kind.WIFI, a.network().kind());
        ServerSettings smtp = a.primaryOutgoing().orElseThrow();
        assertEquals(587, smtp.port());
        assertEquals(Security.STARTTLS, smtp.security());
        assertEquals(AuthMethod.NONE, smtp.auth());
        assertFalse(smtp.passwordSet(), "no authentication: no password field counts as filled in");
    }

    @Test
    void portZeroIsRefusedNotTurnedIntoUnknown() {
        AccountCheck check = iphone().outgoing(ServerFields.create().host("smtp.aol.com").port("0")).check();
        assertFalse(check.ok());
        FieldProblem p = check.problems(AccountField.SMTP_PORT).get(0);
        assertEquals("--smtp-port: must be a port number 1..65535: 0", p.asOption());
        assertEquals("$.outgoing.port: must be a port number 1..65535: 0", p.asJsonPath());
    }

    @Test
    void unknownSecurityIsRefusedNotTurnedIntoNone() {
        AccountCheck check = iphone().outgoing(ServerFields.create().host("smtp.aol.com").security("ssl3")).check();
        assertEquals(List.of("--smtp-security: must be none, starttls or tls: ssl3"),
                check.problems().stream().map(FieldProblem::asOption).toList());
        assertTrue(check.account().isEmpty());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        AccountCheck check = AccountFields.create().email("not-an-address").network("satellite")
                .outgoing(ServerFields.create().host("smtp example").port("x").auth("kerberos"))
                .incoming(ServerFields.create().protocol("smtp").host("imap.example.org"))
                .otherOutgoing(ServerFields.create().host("smtp.other.org").port("70000")).check();
        assertEquals(List.of(AccountField.EMAIL, AccountField.NETWORK, AccountField.INCOMING_PROTOCOL,
                AccountField.SMTP_HOST, AccountField.SMTP_PORT, AccountField.SMTP_AUTH, AccountField.OTHER_SMTP_PORT),
                check.problems().stream().map(FieldProblem::field).toList());
        assertEquals("$.otherOutgoing[0].port: must be a port number 1..65535: 70000",
                check.problems(AccountField.OTHER_SMTP_PORT).get(0).asJsonPath());
    }

    @Test
    void blankFieldsMeanUnknownWithTheDocumentedDefaults() {
        AccountProfile a = AccountFields.create().email("a@example.org")
                .outgoing(ServerFields.create().host("smtp.example.org").port(" ").security("").auth(null))
                .incoming(ServerFields.create().host("mail.example.org")).check().orElseThrow();
        ServerSettings smtp = a.primaryOutgoing().orElseThrow();
        assertEquals(0, smtp.port());
        assertEquals(Security.NONE, smtp.security());
        assertEquals(AuthMethod.PASSWORD, smtp.auth());
        assertTrue(smtp.passwordSet());
        assertEquals(MailProtocol.IMAP, a.incoming().orElseThrow().protocol());
    }

    @Test
    void anAccountGivesItsFieldsBack() {
        AccountProfile a = iphone().otherOutgoing(ServerFields.create().host("smtp.mail.att.net").port("465")
                .security("tls").user("me@att.net")).mx("mx1.example.org, mx2.example.org").check().orElseThrow();
        assertEquals(a, AccountFields.of(a).check().orElseThrow());
    }

    @Test
    void defaultPortsLiveInCore() {
        assertEquals(465, MailProtocol.SMTP.defaultPort(Security.TLS));
        assertEquals(587, MailProtocol.SMTP.defaultPort(Security.STARTTLS));
        assertEquals(25, MailProtocol.SMTP.defaultPort(Security.NONE));
        assertEquals(993, MailProtocol.IMAP.defaultPort(Security.TLS));
        assertEquals(143, MailProtocol.IMAP.defaultPort(Security.STARTTLS));
        assertEquals(995, MailProtocol.POP3.defaultPort(Security.TLS));
        assertEquals(110, MailProtocol.POP3.defaultPort(Security.NONE));
        assertEquals(Security.TLS, MailProtocol.SMTP.defaultSecurity(465));
        assertEquals(Security.STARTTLS, MailProtocol.SMTP.defaultSecurity(587));
        assertEquals(Security.NONE, MailProtocol.SMTP.defaultSecurity(25));
        assertEquals(Security.TLS, MailProtocol.IMAP.defaultSecurity(993));
        assertEquals(Security.NONE, MailProtocol.IMAP.defaultSecurity(143));
    }
}
