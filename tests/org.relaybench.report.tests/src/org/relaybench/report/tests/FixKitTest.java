package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.FixKit;
import org.relaybench.report.FixKit.Change;
import org.relaybench.report.FixKit.Source;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.tests.common.OsgiServices;
import org.w3c.dom.Element;

/** The customer's fix kit: the settings computed, and both files parsed back. */
class FixKitTest {

    @Test
    void providerRecommendationsWinAndChangesAreListed() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        FixKit kit = Exports.exporter().fixKit(s).orElseThrow();
        assertEquals(Optional.of("aol"), kit.providerId());
        assertEquals(new FixKit.Server(MailProtocol.IMAP, "imap.aol.com", 993, Security.TLS, AuthMethod.PASSWORD,
                org.relaybench.core.providers.ServerRecommendation.UsernameForm.EMAIL_ADDRESS, "zoe.mueller@aol.com",
                Source.PROVIDER), kit.incoming());
        assertEquals("smtp.aol.com", kit.outgoing().host());
        assertEquals(465, kit.outgoing().port());
        assertEquals(Security.TLS, kit.outgoing().security());
        assertEquals(AuthMethod.PASSWORD, kit.outgoing().auth());
        assertEquals(List.of(new Change("outgoing.port", "587", "465"), new Change("outgoing.security", "starttls", "tls"),
                new Change("outgoing.auth", "none", "password"),
                new Change("outgoing.username", "", "zoe.mueller@aol.com")), kit.changes());
    }

    @Test
    void mobileconfigParsesBackWithTheSettingsAndNoPassword() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        byte[] profile = Exports.bytes(s, Format.MOBILECONFIG);
        Files.write(Exports.artifact("zoe.mobileconfig"), profile);
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) Xml.plist(profile);
        assertEquals("Configuration", top.get("PayloadType"));
        assertEquals(1L, top.get("PayloadVersion"));
        assertEquals(Boolean.FALSE, top.get("PayloadRemovalDisallowed"));
        assertTrue(((String) top.get("PayloadIdentifier")).startsWith("org.relaybench.fixkit."));
        assertTrue(((String) top.get("PayloadUUID")).matches("[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}"));
        assertEquals("Mail support", top.get("PayloadOrganization"));
        List<?> content = (List<?>) top.get("PayloadContent");
        assertEquals(1, content.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> mail = (Map<String, Object>) content.get(0);
        assertEquals("com.apple.mail.managed", mail.get("PayloadType"));
        assertEquals("EmailTypeIMAP", mail.get("EmailAccountType"));
        assertEquals("zoe.mueller@aol.com", mail.get("EmailAddress"));
        assertEquals("imap.aol.com", mail.get("IncomingMailServerHostName"));
        assertEquals(993L, mail.get("IncomingMailServerPortNumber"));
        assertEquals(Boolean.TRUE, mail.get("IncomingMailServerUseSSL"));
        assertEquals("zoe.mueller@aol.com", mail.get("IncomingMailServerUsername"));
        assertEquals("EmailAuthPassword", mail.get("IncomingMailServerAuthentication"));
        assertEquals("smtp.aol.com", mail.get("OutgoingMailServerHostName"));
        assertEquals(465L, mail.get("OutgoingMailServerPortNumber"));
        assertEquals(Boolean.TRUE, mail.get("OutgoingMailServerUseSSL"));
        assertEquals("zoe.mueller@aol.com", mail.get("OutgoingMailServerUsername"));
        assertEquals("EmailAuthPassword", mail.get("OutgoingMailServerAuthentication"));
        assertEquals(Boolean.TRUE, mail.get("OutgoingPasswordSameAsIncomingPassword"));
        assertFalse(mail.containsKey("IncomingPassword") || mail.containsKey("OutgoingPassword"));
        for (String key : mail.keySet()) {
            assertTrue(!key.contains("Password") || key.equals("OutgoingPasswordSameAsIncomingPassword"), key);
        }
        assertArrayEquals(profile, Exports.bytes(s, Format.MOBILECONFIG), "the same session gives the same profile");
    }

    @Test
    void autoconfigParsesBackAsClientConfig() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        byte[] xml = Exports.bytes(s, Format.AUTOCONFIG);
        Files.write(Exports.artifact("zoe-config-v1.1.xml"), xml);
        Element root = Xml.parse(xml).getDocumentElement();
        assertEquals("clientConfig", root.getTagName());
        assertEquals("1.1", root.getAttribute("version"));
        Element provider = Xml.child(root, "emailProvider");
        assertEquals("aol.com", provider.getAttribute("id"));
        assertEquals("aol.com", Xml.text(provider, "domain"));
        Element in = Xml.child(provider, "incomingServer");
        assertEquals("imap", in.getAttribute("type"));
        assertServer(in, "imap.aol.com", "993", "SSL", "%EMAILADDRESS%");
        Element out = Xml.child(provider, "outgoingServer");
        assertEquals("smtp", out.getAttribute("type"));
        assertServer(out, "smtp.aol.com", "465", "SSL", "%EMAILADDRESS%");
        assertFalse(new String(xml, StandardCharsets.UTF_8).toLowerCase().contains("<password"));
    }

    @Test
    void unknownProviderFallsBackToTheAccountCorrected() throws Exception {
        SupportSession s = Fixtures.customDomain();
        FixKit kit = Exports.exporter().fixKit(s).orElseThrow();
        assertEquals(Optional.empty(), kit.providerId());
        assertEquals("example-shop.de", kit.providerName());
        assertEquals(Source.ACCOUNT, kit.incoming().source());
        assertEquals(143, kit.incoming().port());
        assertEquals(Source.CORRECTED, kit.outgoing().source());
        assertEquals(587, kit.outgoing().port());
        assertEquals(Security.STARTTLS, kit.outgoing().security());
        assertEquals(AuthMethod.PASSWORD, kit.outgoing().auth());
        assertEquals("bob@example-shop.de", kit.outgoing().username());
        Element provider = Xml.child(Xml.parse(Exports.bytes(s, Format.AUTOCONFIG)).getDocumentElement(),
                "emailProvider");
        assertServer(Xml.child(provider, "incomingServer"), "mail.example-shop.de", "143", "STARTTLS",
                "%EMAILADDRESS%");
        assertServer(Xml.child(provider, "outgoingServer"), "mail.example-shop.de", "587", "STARTTLS",
                "%EMAILADDRESS%");
    }

    @Test
    void providerFoundByDomainWithoutDiagnosisAndLocalPartUser() throws Exception {
        AccountProfile account = AccountProfile.builder("kim@icloud.com").client(ClientInfo.parse("ios-17"))
                .outgoing(Fixtures.server(MailProtocol.SMTP, "smtp.mail.me.com", 587, Security.STARTTLS,
                        AuthMethod.NONE, null, false))
                .build();
        SupportSession s = session(account);
        FixKit kit = Exports.exporter().fixKit(s).orElseThrow();
        assertEquals(Optional.of("icloud"), kit.providerId());
        assertEquals("kim", kit.incoming().username());
        Element provider = Xml.child(Xml.parse(Exports.bytes(s, Format.AUTOCONFIG)).getDocumentElement(),
                "emailProvider");
        assertEquals("%EMAILLOCALPART%", Xml.text(Xml.child(provider, "incomingServer"), "username"));
    }

    @Test
    void popAccountGivesPopProfile() throws Exception {
        AccountProfile account = AccountProfile.builder("pat@aol.com")
                .incoming(Fixtures.server(MailProtocol.POP3, "pop.aol.com", 995, Security.TLS, AuthMethod.PASSWORD,
                        "pat@aol.com", true))
                .outgoing(Fixtures.server(MailProtocol.SMTP, "smtp.aol.com", 25, Security.NONE, AuthMethod.NONE, null,
                        false))
                .build();
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) Xml.plist(Exports.bytes(session(account), Format.MOBILECONFIG));
        @SuppressWarnings("unchecked")
        Map<String, Object> mail = (Map<String, Object>) ((List<?>) top.get("PayloadContent")).get(0);
        assertEquals("EmailTypePOP", mail.get("EmailAccountType"));
        assertEquals("pop.aol.com", mail.get("IncomingMailServerHostName"));
    }

    @Test
    void noFixKitWithoutServers() throws Exception {
        SupportSession s = session(AccountProfile.builder("nobody@unknown-domain.example").build());
        assertEquals(Optional.empty(), Exports.exporter().fixKit(s));
        assertThrows(IllegalArgumentException.class,
                () -> Exports.exporter().export(s, Format.MOBILECONFIG, new ByteArrayOutputStream()));
        assertTrue(Exports.text(s, Format.HTML).contains("cannot be given"), "the report says so instead");
    }

    static SupportSession session(AccountProfile account) {
        return new SupportSession("s-" + account.email(), Fixtures.T0, Fixtures.T0, "alice", "", "",
                SessionStatus.OPEN, account, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static void assertServer(Element server, String host, String port, String socket, String user) {
        assertEquals(host, Xml.text(server, "hostname"));
        assertEquals(port, Xml.text(server, "port"));
        assertEquals(socket, Xml.text(server, "socketType"));
        assertEquals("password-cleartext", Xml.text(server, "authentication"));
        assertEquals(user, Xml.text(server, "username"));
    }
}
