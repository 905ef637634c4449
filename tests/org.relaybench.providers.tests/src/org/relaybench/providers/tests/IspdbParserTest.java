package org.relaybench.providers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.Security;
import org.relaybench.core.providers.ServerRecommendation.UsernameForm;
import org.relaybench.providers.imap.internal.IspdbConfig;
import org.relaybench.providers.imap.internal.IspdbException;
import org.relaybench.providers.imap.internal.IspdbParser;
import org.relaybench.providers.imap.internal.IspdbServer;

/** The ISPDB reader on the real files of Thunderbird's ISPDB, and on broken and hostile ones. */
class IspdbParserTest {

    private final IspdbParser parser = new IspdbParser();

    static Stream<String> sharedFiles() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.ispdbFolder())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml"))
                    .sorted().toList();
            assertEquals(9, names.size(), names::toString);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sharedFiles")
    void everySharedFileParses(String name) throws Exception {
        IspdbConfig config = parser.parse(Fixtures.ispdbFile(name));
        assertEquals(name.replaceFirst("\\.xml$", ""), config.id());
        assertFalse(config.domains().isEmpty());
        assertFalse(config.smtp().isEmpty(), "every shared file has an SMTP server");
        for (IspdbServer s : config.smtp()) {
            assertTrue(s.port() == 465 || s.port() == 587, s::toString);
            assertTrue(s.socketType().isPresent(), s::toString);
        }
    }

    @Test
    void aolListsOnlySmtpOn465AtMaster() throws Exception {
        IspdbConfig aol = parser.parse(Fixtures.ispdbFile("aol.com.xml"));
        assertEquals("AOL Mail", aol.displayName());
        assertEquals("AOL", aol.displayShortName());
        assertTrue(aol.domains().containsAll(List.of("aol.com", "aim.com", "aol.co.uk", "mail.gm0.yahoodns.net")));
        assertServer(aol.smtp().get(0), "smtp", "smtp.aol.com", 465, Security.TLS, UsernameForm.EMAIL_ADDRESS);
        assertEquals(1, aol.smtp().size(), "the 587 STARTTLS commit 915d1a5 is not on master");
        assertEquals(Set.of(AuthMethod.OAUTH2, AuthMethod.PASSWORD), aol.smtp().get(0).authMethods());
        assertServer(aol.incoming("imap").get(0), "imap", "imap.aol.com", 993, Security.TLS,
                UsernameForm.EMAIL_ADDRESS);
        assertServer(aol.incoming("pop3").get(0), "pop3", "pop.aol.com", 995, Security.TLS, UsernameForm.EMAIL_ADDRESS);
        assertEquals(1, aol.documentation().size());
        assertTrue(aol.documentation().get(0).startsWith("https://help.aol.com/articles/"), aol::toString);
    }

    @Test
    void attWithoutXmlDeclarationAndTwoSmtpHosts() throws Exception {
        IspdbConfig att = parser.parse(Fixtures.ispdbFile("att.net.xml"));
        assertEquals("AT&T", att.displayName(), "the predefined entity &amp; is decoded");
        assertEquals(12, att.domains().size());
        assertTrue(att.domains().containsAll(List.of("att.net", "sbcglobal.net", "bellsouth.net", "wans.net")));
        assertEquals(2, att.smtp().size());
        assertServer(att.smtp().get(0), "smtp", "outbound.att.net", 465, Security.TLS, UsernameForm.EMAIL_ADDRESS);
        assertServer(att.smtp().get(1), "smtp", "smtp.mail.att.net", 465, Security.TLS, UsernameForm.EMAIL_ADDRESS);
        assertServer(att.incoming("imap").get(0), "imap", "imap.mail.att.net", 993, Security.TLS,
                UsernameForm.EMAIL_ADDRESS);
        assertServer(att.incoming("pop3").get(0), "pop3", "inbound.att.net", 995, Security.TLS,
                UsernameForm.EMAIL_ADDRESS);
    }

    @Test
    void googlemailServesGmail() throws Exception {
        IspdbConfig google = parser.parse(Fixtures.ispdbFile("googlemail.com.xml"));
        assertEquals("googlemail.com", google.id());
        assertTrue(google.domains().containsAll(List.of("gmail.com", "googlemail.com", "google.com")));
        assertServer(google.smtp().get(0), "smtp", "smtp.gmail.com", 465, Security.TLS, UsernameForm.EMAIL_ADDRESS);
        assertServer(google.incoming("imap").get(0), "imap", "imap.gmail.com", 993, Security.TLS,
                UsernameForm.EMAIL_ADDRESS);
        assertEquals(4, google.documentation().size());
    }

    @Test
    void office365WithItsUnterminatedPlaceholderQuirk() throws Exception {
        IspdbConfig office = parser.parse(Fixtures.ispdbFile("office365.com.xml"));
        assertEquals("Microsoft 365", office.displayName());
        assertEquals(List.of("office365.com", "onmicrosoft.com", "mail.protection.outlook.com"), office.domains());
        IspdbServer smtp = office.smtp().get(0);
        assertServer(smtp, "smtp", "smtp.office365.com", 587, Security.STARTTLS, UsernameForm.EMAIL_ADDRESS);
        assertEquals(Set.of(AuthMethod.OAUTH2), smtp.authMethods());
        // <username>%EMAILADDRESS</username> in the ews and owa entries: read as the full address
        for (String type : List.of("ews", "owa")) {
            IspdbServer server = office.incoming(type).get(0);
            assertEquals("%EMAILADDRESS%", server.username(), type);
            assertEquals(UsernameForm.EMAIL_ADDRESS, server.usernameForm(), type);
            assertEquals("", server.hostname(), "URL-based entries have no host name");
            assertEquals(0, server.port());
        }
        assertServer(office.incoming("exchange").get(0), "exchange", "outlook.office365.com", 443, Security.TLS,
                UsernameForm.EMAIL_ADDRESS);
        assertEquals(6, office.incoming().size(), "imap, pop3, ews, owa, graph and exchange are all kept");
    }

    @Test
    void comcastOffersBothSubmissionPorts() throws Exception {
        IspdbConfig comcast = parser.parse(Fixtures.ispdbFile("comcast.net.xml"));
        assertEquals(List.of("comcast.net"), comcast.domains());
        assertEquals("Comcast", comcast.displayName());
        assertEquals(2, comcast.smtp().size());
        assertServer(comcast.smtp().get(0), "smtp", "smtp.comcast.net", 465, Security.TLS, UsernameForm.EMAIL_ADDRESS);
        assertServer(comcast.smtp().get(1), "smtp", "smtp.comcast.net", 587, Security.STARTTLS,
                UsernameForm.EMAIL_ADDRESS);
        assertServer(comcast.incoming("imap").get(1), "imap", "imap.comcast.net", 143, Security.STARTTLS,
                UsernameForm.EMAIL_ADDRESS);
        assertServer(comcast.incoming("pop3").get(0), "pop3", "mail.comcast.net", 995, Security.TLS,
                UsernameForm.EMAIL_ADDRESS);
        assertEquals(2, comcast.documentation().size());
    }

    @Test
    void meComWithoutXmlDeclarationWantsLocalPartForImap() throws Exception {
        Path file = Fixtures.ispdbFile("me.com.xml");
        assertFalse(Files.readString(file).startsWith("<?xml"), "the sample has no XML declaration");
        IspdbConfig apple = parser.parse(file);
        assertEquals(List.of("mac.com", "me.com", "icloud.com"), apple.domains());
        assertServer(apple.incoming("imap").get(0), "imap", "imap.mail.me.com", 993, Security.TLS,
                UsernameForm.LOCAL_PART);
        assertServer(apple.smtp().get(0), "smtp", "smtp.mail.me.com", 587, Security.STARTTLS,
                UsernameForm.EMAIL_ADDRESS);
        assertEquals(List.of("https://support.apple.com/HT202304"), apple.documentation());
    }

    @Test
    void malformedXmlNamesFileAndLine() {
        String xml = """
                <clientConfig version="1.1">
                  <emailProvider id="broken.example">
                    <domain>broken.example</domain>
                    <outgoingServer type="smtp">
                      <hostname>smtp.broken.example</hostname
                    </outgoingServer>
                  </emailProvider>
                </clientConfig>
                """;
        IspdbException e = assertThrows(IspdbException.class, () -> parse("broken.example.xml", xml));
        assertEquals("broken.example.xml", e.file());
        assertEquals(6, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("broken.example.xml:6: is not well-formed XML"), e.getMessage());
    }

    @Test
    void invalidServersAreReportedWithTheirLine() {
        String template = """
                <clientConfig version="1.1">
                  <emailProvider id="bad.example">
                    <domain>bad.example</domain>
                    <outgoingServer type="smtp">
                      %s
                    </outgoingServer>
                  </emailProvider>
                </clientConfig>
                """;
        assertReason(template.formatted("<port>465</port><socketType>SSL</socketType>"), 4, "no valid hostname");
        assertReason(template.formatted("<hostname>smtp.bad.example</hostname><port>http</port>"
                + "<socketType>SSL</socketType>"), 4, "port 'http'");
        assertReason(template.formatted("<hostname>smtp.bad.example</hostname><port>465</port>"
                + "<socketType>SSL3</socketType>"), 4, "socketType 'SSL3'");
        assertReason("<html><body/></html>", 1, "root element is 'html'");
        assertReason("<clientConfig version=\"1.1\"/>", 1, "no emailProvider");
        assertReason("<clientConfig><emailProvider id=\"x\"><displayName>X</displayName></emailProvider>"
                + "</clientConfig>", 1, "lists no domain");
    }

    private void assertReason(String xml, int line, String reason) {
        IspdbException e = assertThrows(IspdbException.class, () -> parse("bad.example.xml", xml));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
    }

    @Test
    void xxeCannotReadLocalFiles() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE clientConfig [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <clientConfig version="1.1">
                  <emailProvider id="evil.example">
                    <domain>evil.example</domain>
                    <displayName>&xxe;</displayName>
                  </emailProvider>
                </clientConfig>
                """;
        IspdbException e = assertThrows(IspdbException.class, () -> parse("evil.example.xml", xml));
        assertTrue(e.reason().contains("DOCTYPE"), e.getMessage());
        assertEquals(2, e.line());
        assertFalse(e.getMessage().contains("root:"), "nothing of /etc/passwd may leak into the message");
    }

    @Test
    void xxeCannotFetchAnything() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + trap.getLocalPort();
            List<String> attacks = List.of(
                    "<!DOCTYPE clientConfig SYSTEM \"" + url + "/ispdb.dtd\">",
                    "<!DOCTYPE clientConfig [<!ENTITY % remote SYSTEM \"" + url + "/p.dtd\"> %remote;]>",
                    "<!DOCTYPE clientConfig [<!ENTITY ext SYSTEM \"" + url + "/e\">]>");
            for (String doctype : attacks) {
                String xml = doctype + "\n<clientConfig><emailProvider id=\"e.example\"><domain>e.example</domain>"
                        + "<displayName>&ext;</displayName></emailProvider></clientConfig>";
                IspdbException e = assertThrows(IspdbException.class, () -> parse("fetch.example.xml", xml));
                assertTrue(e.reason().contains("DOCTYPE"), e.getMessage());
            }
            trap.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> {
                try (Socket connected = trap.accept()) {
                    throw new AssertionError("the parser connected to " + connected.getRemoteSocketAddress());
                }
            });
        }
    }

    @Test
    void undeclaredEntityIsAnError() {
        String xml = "<clientConfig><emailProvider id=\"e.example\"><domain>e.example</domain>"
                + "<displayName>&nbsp;</displayName></emailProvider></clientConfig>";
        IspdbException e = assertThrows(IspdbException.class, () -> parse("entity.example.xml", xml));
        assertTrue(e.reason().contains("nbsp"), e.getMessage());
    }

    @Test
    void oversizeFileIsRefusedUnread() throws Exception {
        String head = "<clientConfig><emailProvider id=\"big.example\"><domain>big.example</domain>"
                + "</emailProvider><!--";
        String tail = "--></clientConfig>";
        byte[] content = (head + "x".repeat(IspdbParser.MAX_BYTES) + tail).getBytes(StandardCharsets.US_ASCII);
        IspdbException e = assertThrows(IspdbException.class, () -> parser.parse("big.example.xml", content));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().startsWith("big.example.xml: is larger than 1 MiB"), e.getMessage());
        // just below the limit the same document reads fine
        byte[] fits = (head + "x".repeat(1000) + tail).getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of("big.example"), parser.parse("big.example.xml", fits).domains());
    }

    @Test
    void placeholdersAndUnknownElementsAreTolerated() throws Exception {
        String xml = """
                <clientConfig version="1.1">
                  <emailProvider id="hosted.example">
                    <domain>Hosted.Example.</domain>
                    <future><nested a="b">text</nested></future>
                    <outgoingServer type="smtp">
                      <hostname>mail.%EMAILDOMAIN%</hostname>
                      <port> 587 </port>
                      <socketType>STARTTLS</socketType>
                      <username>%EMAILLOCALPART</username>
                      <authentication>password-encrypted</authentication>
                      <restriction>client-IP-address</restriction>
                    </outgoingServer>
                  </emailProvider>
                </clientConfig>
                """;
        IspdbConfig config = parse("hosted.example.xml", xml);
        assertEquals(List.of("hosted.example"), config.domains());
        assertEquals("hosted.example", config.displayName(), "the id stands in for a missing displayName");
        IspdbServer smtp = config.smtp().get(0);
        assertEquals("mail.customer.example", smtp.hostFor("customer.example"));
        assertEquals(587, smtp.port());
        assertEquals(Optional.of(Security.STARTTLS), smtp.socketType());
        assertEquals(UsernameForm.LOCAL_PART, smtp.usernameForm());
        assertEquals(Set.of(AuthMethod.PASSWORD), smtp.authMethods());
    }

    private IspdbConfig parse(String name, String xml) throws IspdbException {
        return parser.parse(name, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertServer(IspdbServer server, String type, String host, int port, Security security,
            UsernameForm username) {
        assertEquals(type, server.type(), server::toString);
        assertEquals(host, server.hostname(), server::toString);
        assertEquals(port, server.port(), server::toString);
        assertEquals(Optional.of(security), server.socketType(), server::toString);
        assertEquals(username, server.usernameForm(), server::toString);
    }
}
