package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.classify.ReplyClassifier;

/**
 * Replies beyond the shared file: other MTAs and services, other wordings, client wrappers, case,
 * white space and line ends; the evidence a match carries; texts that are no error.
 */
class ReplyClassifierTest {

    private static final ReplyClassifier CLASSIFIER = new ReplyClassifier();

    /** text, first cause, server ("-" none), client ("-" none) */
    static Stream<Arguments> replies() {
        return Stream.of(
                // Postfix, other addresses, hosts, white space, line ends, case
                arguments("554 5.7.1 <bob@customer-site.co.uk>: Relay access denied",
                        "smtp-auth-missing", "postfix", "-"),
                arguments("RCPT TO:<a@b.com>\r\n554 5.7.1 <a@b.com>: Relay access denied\r\n",
                        "smtp-auth-missing", "postfix", "-"),
                arguments("  554   5.7.1   <x@y.org>:   relay   ACCESS   denied ", "smtp-auth-missing", "postfix", "-"),
                arguments("454 4.7.1 <friend@example.net>: Relay access denied", "smtp-auth-missing", "postfix", "-"),
                arguments("host smtp.isp.example[203.0.113.9] said: 554 5.7.1 <dest@remote.example>: Relay access "
                        + "denied (in reply to RCPT TO command)", "smtp-auth-missing", "postfix", "-"),
                arguments("553 5.7.1 <ceo@company.com>: Sender address rejected: not logged in",
                        "smtp-auth-missing", "postfix", "-"),
                arguments("553 5.7.1 <me@mydomain.com>: Sender address rejected: not owned by user "
                        + "someone@isp.example", "sender-not-owned", "postfix", "-"),
                arguments("535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6",
                        "smtp-credentials-rejected", "postfix", "-"),
                arguments("554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using "
                        + "zen.spamhaus.org; https://www.spamhaus.org/query/ip/198.51.100.23",
                        "sender-blocked", "postfix", "-"),
                arguments("503 5.5.1 Error: authentication not enabled", "wrong-smtp-port", "-", "-"),
                // Exim, Sendmail
                arguments("550 relay not permitted", "smtp-auth-missing", "exim", "-"),
                arguments("550 relay not permitted, authentication required", "smtp-auth-missing", "exim", "-"),
                arguments("550-Please turn on SMTP Authentication in your mail client, or login to the\n"
                        + "550-IMAP/POP3 server before sending your message. dhcp-1-2-3-4.example.net\n550-(laptop) "
                        + "[1.2.3.4]:53412 is not permitted to relay through this server\n550 without authentication.",
                        "smtp-auth-missing", "exim", "-"),
                arguments("535 Incorrect authentication data (set_id=user@example.com)",
                        "smtp-credentials-rejected", "exim", "-"),
                arguments("550 5.7.1 <x@gmail.com>... Relaying denied", "smtp-auth-missing", "sendmail", "-"),
                arguments("550 5.7.1 <friend@example.net>... relaying denied. proper authentication required.",
                        "smtp-auth-missing", "sendmail", "-"),
                arguments("550 5.7.1 <x@y.com>... Relaying denied. IP name lookup failed [203.0.113.7]",
                        "network-restricted-relay", "sendmail", "-"),
                // Exchange 2003..2019 and Microsoft 365
                arguments("550 5.7.1 Unable to relay", "smtp-auth-missing", "exchange", "-"),
                arguments("550 5.7.1 unable to relay for someone@example.net", "smtp-auth-missing", "exchange", "-"),
                arguments("530 5.7.1 Client was not authenticated", "smtp-auth-missing", "exchange", "-"),
                arguments("530 5.7.57 Client not authenticated to send mail. "
                        + "[AM0PR10CA0012.EURPRD10.PROD.OUTLOOK.COM]", "smtp-auth-missing", "microsoft365", "-"),
                arguments("535 5.7.139 Authentication unsuccessful, basic authentication is disabled. "
                        + "[BN9PR03CA0123.namprd03.prod.outlook.com]", "smtp-auth-disabled", "microsoft365", "-"),
                arguments("535 5.7.139 Authentication unsuccessful, user is locked by your organization's security "
                        + "defaults policy. Contact your administrator.", "smtp-auth-disabled", "microsoft365", "-"),
                arguments("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the "
                        + "Mailbox.", "smtp-auth-disabled", "microsoft365", "-"),
                arguments("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.",
                        "smtp-credentials-rejected", "microsoft365", "-"),
                arguments("535 5.7.3 Authentication unsuccessful [SN4PR0201CA0044.namprd02.prod.outlook.com]",
                        "smtp-credentials-rejected", "microsoft365", "-"),
                arguments("550 5.7.60 SMTP; Client does not have permissions to send as this sender. "
                        + "[DM6PR08MB1234.namprd08.prod.outlook.com]", "sender-not-owned", "microsoft365", "-"),
                arguments("554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; "
                        + "Failed to process message due to a permanent exception with message Cannot submit message.",
                        "sender-not-owned", "exchange", "-"),
                arguments("5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.",
                        "network-restricted-relay", "-", "-"),
                arguments("504 5.7.4 Unrecognized authentication type "
                        + "[VI1PR0102CA0012.eurprd01.prod.exchangelabs.com]",
                        "smtp-credentials-rejected", "microsoft365", "-"),
                // Gmail and Google Workspace
                arguments("530-5.7.0 Authentication Required. Learn more at\r\n530 5.7.0 "
                        + "https://support.google.com/mail/?p=WantAuthError d2-20020a05600c, gsmtp",
                        "smtp-auth-missing", "gmail", "-"),
                arguments("530-5.7.0 authentication required. learn more at\r\n530 5.7.0  "
                        + "https://support.google.com/mail/?p=WantAuthError", "smtp-auth-missing", "gmail", "-"),
                arguments("534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9 "
                        + "https://support.google.com/mail/?p=InvalidSecondFactor x1sm123456wrm.12 - gsmtp",
                        "app-password-required", "gmail", "-"),
                arguments("534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbs>\n"
                        + "534-5.7.14 Please log in via your web browser and\n534-5.7.14 then try again.\n534 5.7.14 "
                        + " https://support.google.com/mail/answer/78754 t7sm123.12 - gsmtp",
                        "app-password-required", "gmail", "-"),
                arguments("535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8 "
                        + "https://support.google.com/mail/?p=BadCredentials a1sm1234567ejb.12 - gsmtp",
                        "smtp-credentials-rejected", "gmail", "-"),
                arguments("454 4.7.0 Too many login attempts, please try again later. a5sm123456pfo.1 - gsmtp",
                        "rate-limited", "gmail", "-"),
                arguments("550 5.4.5 Daily user sending quota exceeded. a12sm2345678pgb.26 - gsmtp",
                        "rate-limited", "gmail", "-"),
                arguments("421 4.7.0 Try again later, closing connection. (EHLO) b12sm123 - gsmtp",
                        "rate-limited", "gmail", "-"),
                arguments("550 5.7.1 Invalid credentials for relay [203.0.113.4]. The IP address you've registered "
                        + "in your G Suite SMTP Relay service doesn't match domain of the account this email is "
                        + "being sent from.", "network-restricted-relay", "gmail", "-"),
                // qmail, Courier, Zimbra, MDaemon, Kerio, hMailServer, MailEnable, Domino
                arguments("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
                        "smtp-auth-missing", "qmail", "-"),
                arguments("553 sorry, that domain isn't in my list of allowed rcpthosts; no valid cert for "
                        + "gatewaying (#5.7.1)", "smtp-auth-missing", "qmail", "-"),
                arguments("513 Relaying denied.", "smtp-auth-missing", "courier", "-"),
                arguments("host mail.zimbra.example.com[192.0.2.10] said: 554 5.7.1 <user@otherdomain.com>: Relay "
                        + "access denied (in reply to RCPT TO command)", "smtp-auth-missing", "zimbra", "-"),
                arguments("220 mail.example.com ESMTP MDaemon 23.5.2; Mon, 03 Mar 2025 10:00:00 +0100\n530 5.7.0 "
                        + "Authentication required", "smtp-auth-missing", "mdaemon", "-"),
                arguments("550 5.7.1 Relaying to <friend@example.net> denied (authentication required)",
                        "smtp-auth-missing", "kerio", "-"),
                arguments("550 Delivery is not allowed to this address.", "smtp-auth-missing", "hmailserver", "-"),
                arguments("503 This mail server requires authentication when attempting to send to a non-local "
                        + "e-mail address. Please check your mail client settings or contact your administrator to "
                        + "verify that the domain or address is defined for this server.",
                        "smtp-auth-missing", "mailenable", "-"),
                arguments("554 Relay rejected for policy reasons.", "smtp-auth-missing", "domino", "-"),
                // Yahoo, sending services
                arguments("553 5.7.1 [BL21] Connections will not be accepted from 203.0.113.5, because the ip is in "
                        + "Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html",
                        "sender-blocked", "yahoo", "-"),
                arguments("535 5.7.0 (#AUTH005) Too many bad auth attempts.", "rate-limited", "yahoo", "-"),
                arguments("554 Message rejected: Email address is not verified. The following identities failed the "
                        + "check in region US-EAST-1: sender@example.com", "sender-not-owned", "amazon-ses", "-"),
                arguments("550 The from address does not match a verified Sender Identity. Mail cannot be sent until "
                        + "this error is resolved.", "sender-not-owned", "sendgrid", "-"),
                arguments("553 Relaying disallowed as info@mydomain.com", "sender-not-owned", "zoho", "-"),
                // wordings of other servers
                arguments("550 5.7.1 Unauthenticated relaying not allowed", "smtp-auth-missing", "-", "-"),
                arguments("550 5.7.1 Relaying denied: you must check your mail before sending",
                        "network-restricted-relay", "-", "-"),
                arguments("550 5.7.1 Relaying denied from your location [198.51.100.7]. Use authenticated SMTP on "
                        + "port 587", "network-restricted-relay", "-", "-"),
                arguments("530 5.7.0 Authentication required", "smtp-auth-missing", "-", "-"),
                arguments("530 5.7.0 Must issue a STARTTLS command first", "tls-required", "-", "-"),
                arguments("530 5.7.0 Plaintext authentication disallowed on non-secure (SSL/TLS) connections",
                        "tls-required", "-", "-"),
                arguments("538 5.7.11 Encryption required for requested authentication mechanism",
                        "tls-required", "-", "-"),
                arguments("535 5.7.8 Authentication credentials invalid", "smtp-credentials-rejected", "-", "-"),
                arguments("535 Authentication failed.", "smtp-credentials-rejected", "-", "-"),
                arguments("454 4.7.0 TLS not available due to local problem", "tls-handshake-failed", "-", "-"),
                arguments("451 4.7.1 Rate limit exceeded. Please try again later.", "rate-limited", "-", "-"),
                arguments("451 4.7.0 Too many connections from your host, try again later", "rate-limited", "-", "-"),
                arguments("421 4.3.2 Service not available, closing transmission channel",
                        "service-unavailable", "-", "-"),
                arguments("421 mail.example.com Service not available - too busy", "service-unavailable", "-", "-"),
                arguments("Port 25 is blocked by your Internet provider; use port 587 with authentication",
                        "wrong-smtp-port", "-", "-"),
                // client wrappers
                arguments("Cannot Send Mail\nA copy has been placed in your Outbox. The recipient "
                        + "\u201ckim@example.net\u201d was rejected by the server because it does not allow relaying.",
                        "smtp-auth-missing", "-", "ios-mail"),
                arguments("Cannot Send Mail. The sender address \u201cme@myisp.net\u201d was rejected by the server.",
                        "sender-not-owned", "-", "ios-mail"),
                arguments("Cannot Send Mail\nThe user name or password for \u201csmtp.myisp.net\u201d is incorrect.",
                        "smtp-credentials-rejected", "-", "ios-mail"),
                arguments("Cannot Verify Server Identity\nThe identity of \u201cmail.example.com\u201d cannot be "
                        + "verified by Mail.", "tls-certificate-invalid", "-", "ios-mail"),
                arguments("Task 'smtp.example.com - Sending' reported error (0x800CCC0E) : 'Outlook cannot connect "
                        + "to your outgoing (SMTP) e-mail server. If you continue to receive this message, contact "
                        + "your server administrator or Internet service provider (ISP).'",
                        "server-unreachable", "-", "outlook"),
                arguments("Task 'Me - Sending' reported error (0x800CCC79) : 'Your outgoing (SMTP) e-mail server has "
                        + "reported an error. The server responded: 550 5.7.1 Unable to relay for friend@example.org'",
                        "smtp-auth-missing", "exchange", "outlook"),
                arguments("Task 'x - Sending' reported error (0x800CCC7D) : 'Your outgoing (SMTP) e-mail server does "
                        + "not support SSL-secured connections.'", "wrong-security", "-", "outlook"),
                arguments("Task 'x - Sending' reported error (0x800CCC78) : 'Cannot send the message. Verify the "
                        + "e-mail address in your account properties. The server responded: 530 5.7.1 Client was not "
                        + "authenticated'", "smtp-auth-missing", "exchange", "outlook"),
                arguments("Your server has unexpectedly terminated the connection. Error Number: 0x800CCC0F",
                        "server-unreachable", "-", "outlook"),
                arguments("An error occurred while sending mail. The mail server responded: 554 5.7.1 "
                        + "<jo@example.org>: Relay access denied. Please check the message recipient "
                        + "\"jo@example.org\" and try again.", "smtp-auth-missing", "postfix", "thunderbird"),
                arguments("An error occurred while sending mail. The mail server responded: 5.7.1 Client does not "
                        + "have permissions to send as this sender. Please verify that your email address is correct "
                        + "in your account settings and try again.", "sender-not-owned", "exchange", "thunderbird"),
                arguments("Unable to establish a secure link with Outgoing server (SMTP) mail.example.com using "
                        + "STARTTLS since it doesn't advertise that feature. Switch off STARTTLS for that server or "
                        + "contact your service provider.", "wrong-security", "-", "thunderbird"),
                arguments("The Outgoing server (SMTP) smtp.exmaple.com is unknown. The server may be incorrectly "
                        + "configured.", "server-unreachable", "-", "thunderbird"),
                arguments("javax.mail.MessagingException: Could not connect to SMTP host: smtp.example.com, port: "
                        + "587;\n  nested exception is:\n\tjava.net.ConnectException: Connection refused",
                        "server-unreachable", "-", "javamail"),
                arguments("javax.mail.MessagingException: Could not convert socket to TLS;\n  nested exception is:\n"
                        + "\tjavax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid "
                        + "certification path to requested target", "tls-certificate-invalid", "-", "javamail"),
                arguments("System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client "
                        + "was not authenticated. The server response was: 5.7.0 Authentication Required.",
                        "smtp-auth-missing", "-", "dotnet"),
                arguments("System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client "
                        + "was not authenticated. The server response was: 5.7.0 Must issue a STARTTLS command first.",
                        "tls-required", "-", "dotnet"),
                arguments("smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. Learn "
                        + "more at\\n5.7.8  https://support.google.com/mail/?p=BadCredentials')",
                        "smtp-credentials-rejected", "gmail", "python-smtplib"),
                arguments("SMTP Error: Could not authenticate.", "smtp-credentials-rejected", "-", "phpmailer"),
                // transport and settings
                arguments("535 5.7.8 Authentication failed: the username must be your full email address",
                        "smtp-username-form", "-", "-"),
                arguments("550 5.7.1 Wrong outgoing server: use smtp.example.net for sending",
                        "wrong-smtp-host", "-", "-"),
                arguments("Connected to smtp.example.com:465, but no greeting received within 30 seconds",
                        "no-greeting", "-", "-"),
                arguments("Unexpected greeting from server: +OK Dovecot ready.", "not-smtp", "dovecot", "-"),
                arguments("The server responded: HTTP/1.1 400 Bad Request", "not-smtp", "-", "-"),
                arguments("Read timed out after 60000 ms waiting for the server's response to DATA", "server-too-slow",
                        "-", "-"),
                arguments("500 5.5.1 Command unrecognized: \"XYZZY\"", "protocol-violation", "-", "-"),
                arguments("Task 'x - Sending' reported error (0x80040600) : 'An unknown error has occurred.'",
                        "account-stale", "-", "outlook"),
                arguments("error:1408F10B:SSL routines:ssl3_get_record:wrong version number",
                        "wrong-security", "-", "-"),
                arguments("Connection timed out", "server-unreachable", "-", "-"),
                arguments("getaddrinfo ENOTFOUND smtp.gmial.com", "server-unreachable", "-", "-"));
    }

    @ParameterizedTest(name = "{index}: {1} <- {0}")
    @MethodSource("replies")
    void classifiesReply(String text, String cause, String server, String client) {
        List<ReplyMatch> matches = CLASSIFIER.classify(text);
        assertFalse(matches.isEmpty(), "nothing recognised");
        assertEquals(cause, matches.get(0).cause(), () -> "matches: " + matches);
        assertEquals(optional(server), matches.get(0).server(), "server");
        assertEquals(optional(client), matches.get(0).client(), "client");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @ValueSource(strings = { "250 2.0.0 Ok: queued as 4F2C81A0B2", "235 2.7.0 Authentication successful",
            "220 smtp.example.com ESMTP Postfix (Debian/GNU)", "Meeting moved to 3pm, see you there.",
            "Your order #550 has shipped and will arrive on 5.7.2025.",
            "Hello, I can't send mail from my iPhone since yesterday, please help",
            "Connection from 10.5.7.1 accepted", "smtp-relay.gmail.com port 587 STARTTLS" })
    void noErrorNoCause(String text) {
        assertEquals(List.of(), CLASSIFIER.classify(text));
    }

    /** Replies about the recipient are no relay or settings problem, however a client wraps them. */
    @ParameterizedTest(name = "{index}: {0}")
    @ValueSource(strings = {
            "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
            "An error occurred while sending mail. The mail server responded: 550 5.1.1 <nobody@example.com>: "
                    + "Recipient "
                    + "address rejected: User unknown in virtual mailbox table. Please check the message recipient "
                    + "\"nobody@example.com\" and try again.",
            "A copy has been placed in your Outbox. The recipient \"nobody@example.com\" was rejected by the server "
                    + "because it does not allow relaying. 550 5.1.1 <nobody@example.com>: Recipient address "
                    + "rejected: User unknown in local recipient table" })
    void unknownRecipientIsNoRelayProblem(String text) {
        List<ReplyMatch> matches = CLASSIFIER.classify(text);
        assertEquals("recipient-unknown", matches.get(0).cause(), () -> "matches: " + matches);
        assertTrue(matches.stream().noneMatch(m -> m.cause().equals("smtp-auth-missing")
                || m.cause().equals("relay-denied")), () -> "the client's guess of a relay refusal is set aside: "
                        + matches);
    }

    /** Phrases broken across the lines of a multi-line reply read as one. */
    @Test
    void multiLineReplyIsReadAcrossItsContinuationPrefixes() {
        List<ReplyMatch> matches = CLASSIFIER.classify("550-5.7.1 [192.0.2.1] Our system has detected that this "
                + "message is not RFC\n550-5.7.1 5322 compliant. To reduce the amount of spam sent to Gmail, this\n"
                + "550 5.7.1 message has been blocked.");
        assertEquals("message-rejected", matches.get(0).cause(), () -> "matches: " + matches);
        assertEquals(OptionalInt.of(550), matches.get(0).replyCode());
        List<ReplyMatch> rate = CLASSIFIER.classify("450-4.2.1 The user you are trying to contact is receiving mail "
                + "at a rate that\n450-4.2.1 prevents additional messages from being delivered.");
        assertEquals("rate-limited", rate.get(0).cause(), () -> "matches: " + rate);
    }

    /** A reply no rule recognises is read by its codes, at a low confidence. */
    @Test
    void unrecognisedReplyIsReadByItsCodes() {
        assertEquals(List.of(), CLASSIFIER.classify("554 5.6.9 xyzzy"));
        ReplyMatch reading = CLASSIFIER.readCodes("554 5.6.9 xyzzy").orElseThrow();
        assertEquals("message-rejected", reading.cause());
        assertTrue(reading.confidence() <= 0.3, reading::toString);
        assertTrue(reading.reason().contains("message content or media status"), reading::reason);
        assertTrue(ReplyClassifier.isCodeReading(reading));
        ReplyMatch none = CLASSIFIER.readCodes("Hello, I can't send mail").orElseThrow();
        assertEquals(ReplyClassifier.NOT_RECOGNISED, none.cause());
        assertTrue(none.confidence() <= 0.1);
        ReplyMatch moved = CLASSIFIER.readCodes("550 5.1.6 gone").orElseThrow();
        assertEquals("recipient-unknown", moved.cause());
        assertTrue(moved.reason().contains("destination mailbox has moved"), moved::reason);
        assertTrue(CLASSIFIER.readCodes(" \n ").isEmpty());
    }

    @Test
    void postfixRefusalCarriesItsEvidence() {
        String text = "554 5.7.1 <user@example.org>: Relay access denied";
        ReplyMatch m = CLASSIFIER.classify(text).get(0);
        assertEquals(OptionalInt.of(554), m.replyCode());
        assertEquals(Optional.of("5.7.1"), m.enhancedStatus());
        assertEquals(text, m.excerpt());
        assertTrue(m.reason().contains("554 5.7.1") && m.reason().contains("'Relay access denied'"), m.reason());
        assertEquals("core", m.source());
    }

    @Test
    void iosWrapperAloneIsAWeakerMatch() {
        List<ReplyMatch> matches = CLASSIFIER.classify(
                "The recipient \u201cx@example.com\u201d was rejected by the server because it does not allow "
                        + "relaying.");
        assertEquals("smtp-auth-missing", matches.get(0).cause());
        assertEquals(0.75, matches.get(0).confidence(), 1e-9);
        assertEquals(Optional.of("ios-mail"), matches.get(0).client());
        ReplyMatch relay = find(matches, "relay-denied");
        assertTrue(relay.confidence() < 0.75, "relay-denied lower: " + matches);
        assertEquals(OptionalInt.empty(), matches.get(0).replyCode());
    }

    @Test
    void embeddedServerReplyIsExtractedFromWrappers() {
        ReplyMatch outlook = CLASSIFIER.classify("Task 'Me - Sending' reported error (0x800CCC79) : 'Your outgoing "
                + "(SMTP) "
                + "e-mail server has reported an error. The server responded: 550 5.7.1 Unable to relay for "
                + "a@b.org'").get(0);
        assertEquals(OptionalInt.of(550), outlook.replyCode());
        assertEquals(Optional.of("5.7.1"), outlook.enhancedStatus());
        assertTrue(outlook.excerpt().startsWith("550 5.7.1 Unable to relay"), outlook.excerpt());

        ReplyMatch thunderbird = CLASSIFIER.classify("An error occurred while sending mail. The mail server responded: "
                + "535 5.7.8 Error: authentication failed: bad password. Please check the message recipient").get(0);
        assertEquals("smtp-credentials-rejected", thunderbird.cause());
        assertEquals(OptionalInt.of(535), thunderbird.replyCode());
        assertEquals(Optional.of("thunderbird"), thunderbird.client());
    }

    @Test
    void specificityOrdersConfidence() {
        double codeAndPhrase = first("535 5.7.8 Authentication failed").confidence();
        double phrase = first("Authentication failed").confidence();
        double code = first("535").confidence();
        assertTrue(codeAndPhrase > phrase && phrase > code, codeAndPhrase + " > " + phrase + " > " + code);
        assertEquals("smtp-credentials-rejected", first("535").cause());
    }

    @Test
    void basicAuthenticationOffAlsoPointsToOAuth() {
        List<ReplyMatch> matches = CLASSIFIER.classify("535 5.7.139 Authentication unsuccessful, basic "
                + "authentication is "
                + "disabled.");
        assertEquals("smtp-auth-disabled", matches.get(0).cause());
        assertTrue(find(matches, "oauth-required").confidence() > 0.5, matches::toString);
    }

    @Test
    void numbersThatAreNoRepliesAreNotTakenForCodes() {
        ReplyMatch exim = first("220 mx.example.net ESMTP Exim 4.94.2 ready\r\n550 relay not permitted");
        assertEquals(OptionalInt.of(550), exim.replyCode());
        assertEquals(Optional.empty(), exim.enhancedStatus());
        ReplyMatch java = first("Could not connect to SMTP host: smtp.example.com, port: 587; Connection refused");
        assertEquals("server-unreachable", java.cause());
        assertEquals(OptionalInt.empty(), java.replyCode());
        assertEquals(Optional.empty(), first("Connection refused by 10.5.7.1").enhancedStatus());
        assertEquals(OptionalInt.empty(), first("Connected to smtp.example.com:465, but no greeting").replyCode());
    }

    private static ReplyMatch first(String text) {
        List<ReplyMatch> matches = CLASSIFIER.classify(text);
        assertFalse(matches.isEmpty(), "nothing recognised in " + text);
        return matches.get(0);
    }

    private static ReplyMatch find(List<ReplyMatch> matches, String cause) {
        return matches.stream().filter(m -> m.cause().equals(cause)).findFirst()
                .orElseThrow(() -> new AssertionError(cause + " missing from " + matches));
    }

    private static Optional<String> optional(String value) {
        return "-".equals(value) ? Optional.empty() : Optional.of(value);
    }
}
