package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.classify.ReplyClassifier;

/**
 * Every reply of the shared file {@code data/relay-replies.tsv} is classified as its {@code meaning}
 * column says. The expected cause per reply text is written below, derived from that column; a row
 * added to the file without an expectation here fails {@link #everyRowHasAnExpectation()}.
 */
class SharedRepliesClassificationTest {

    /**
     * What a row must give.
     *
     * @param cause the cause of the first match
     * @param server the server recognised, "-" for none
     * @param client the client recognised, "-" for none
     */
    record Expected(String cause, String server, String client) {
    }

    /** The expected cause per reply text of the shared file; the corpus test uses it too. */
    static final Map<String, Expected> EXPECTED = table(
            // Postfix smtpd: unauthenticated client relaying: it must authenticate
            expect("554 5.7.1 <user@example.org>: Relay access denied",
                    "smtp-auth-missing", "postfix", "-"),
            // Postfix smtpd: AUTH tried, credentials rejected
            expect("535 5.7.8 Error: authentication failed: <reason>",
                    "smtp-credentials-rejected", "postfix", "-"),
            // Postfix smtpd: plaintext AUTH before TLS: enable SSL/STARTTLS
            expect("504 5.5.4 Encryption required for requested authentication mechanism",
                    "tls-required", "postfix", "-"),
            // Postfix smtpd: authenticated, but the sender address is not the login's
            expect("<sender@example.org>: Sender address rejected: not owned by user <sasl_username>",
                    "sender-not-owned", "postfix", "-"),
            // Exim: wrong credentials
            expect("535 Incorrect authentication data",
                    "smtp-credentials-rejected", "exim", "-"),
            // Sendmail: relay refused, the server tells the client to authenticate
            expect("550 5.7.1 <user@anotherdomain.com>... Relaying denied. Proper authentication required.",
                    "smtp-auth-missing", "sendmail", "-"),
            // Sendmail: relay decided by the client's (forged-looking) host name
            expect("550 Relaying denied. IP name possibly forged <client_name>",
                    "network-restricted-relay", "sendmail", "-"),
            // Microsoft Exchange 2013+ / Exchange Online: anonymous session to a non-accepted domain: authenticate
            expect("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
                    "smtp-auth-missing", "exchange", "-"),
            // Microsoft Exchange Online: MAIL FROM without AUTH on the submission endpoint
            expect("530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM",
                    "smtp-auth-missing", "microsoft365", "-"),
            // Microsoft Exchange Online: SMTP AUTH disabled tenant-wide; credentials are fine
            expect("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the "
                    + "Tenant.",
                    "smtp-auth-disabled", "microsoft365", "-"),
            // Microsoft Exchange Online: authenticated SMTP not enabled for the mailbox (or MFA block)
            expect("535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be "
                    + "authenticated successfully.",
                    "smtp-auth-disabled", "microsoft365", "-"),
            // Microsoft Exchange Online: connector traffic not attributable to the tenant (IP/certificate)
            expect("550 5.7.64 TenantAttribution; Relay Access Denied",
                    "network-restricted-relay", "microsoft365", "-"),
            // Gmail: no STARTTLS before AUTH/MAIL
            expect("530 5.7.0 Must issue a STARTTLS command first. For more information, go to About SMTP "
                    + "error messages and review RFC 3207 specifications.",
                    "tls-required", "gmail", "-"),
            // Gmail: wrong credentials (or an app password is needed)
            expect("535 5.7.1 Username and Password not accepted. For more information, visit "
                    + "https://support.google.com/accounts/troubleshooter/2402620",
                    "smtp-credentials-rejected", "gmail", "-"),
            // Gmail: sign-in blocked: the account password is refused from a mail app
            expect("535 5.7.1 Please log in with your web browser and then try again. For more "
                    + "information, visit https://support.google.com/mail/bin/accounts/answer/78754",
                    "app-password-required", "gmail", "-"),
            // Gmail: AUTH mechanism the server does not offer
            expect("504 5.7.4 Unrecognized authentication type",
                    "smtp-credentials-rejected", "-", "-"),
            // Google Workspace SMTP relay: sending IP/domain not registered for the relay service
            expect("550 5.7.0 Mail relay denied <ip-address>. Invalid credentials for relay for one of the "
                    + "domains in: <domain-name> (as obtained from HELO and MAIL FROM). Email is being sent "
                    + "from a domain or IP address which isn't registered in your Workspace account.",
                    "network-restricted-relay", "gmail", "-"),
            // Yahoo Mail: relay refused (not authorised)
            expect("550 relaying denied for <***@yahoo.com>",
                    "smtp-auth-missing", "yahoo", "-"),
            // Apple iCloud Mail: relay refused for the recipient
            expect("554 5.7.1 <*****@icloud.com>: Relay access denied",
                    "smtp-auth-missing", "postfix", "-"),
            // MailEnable: relay to an external domain requires AUTH
            expect("mail server requires authentication when attempting to send to a non-local e-mail "
                    + "address",
                    "smtp-auth-missing", "mailenable", "-"),
            // hMailServer: client did not authenticate
            expect("530 SMTP authentication is required.",
                    "smtp-auth-missing", "hmailserver", "-"),
            // Unidentified MTA: refused citing relay policy, nothing more specific
            expect("550 Insecure Mail Relay",
                    "relay-denied", "-", "-"),
            // Mailgun SMTP: relay refused; SMTP credentials not used
            expect("550 5.7.1 Relaying denied",
                    "smtp-auth-missing", "-", "-"),
            // POP-before-SMTP server: must authenticate before sending (POP before SMTP or SMTP AUTH)
            expect("451 user@domain.tld please authenticate before send",
                    "smtp-auth-missing", "-", "-"),
            // Microsoft Outlook 2000-2003 / Outlook Express: Outlook wraps a relay refusal (0x800CCC79)
            expect("The message could not be sent because one of the recipients was rejected by the "
                    + "server. The rejected e-mail address was '<someone@example.com>'. Subject: '<Test>', "
                    + "Account: '<Test>', Server: '<smtp.example.com>', Protocol: SMTP, Server Response: '550 "
                    + "<someone@example.com>... Relaying Denied', Port: 25, Secure (SSL): No, Server Error: "
                    + "550, Error Number: 0x800CCC79",
                    "smtp-auth-missing", "sendmail", "outlook"),
            // Mozilla Thunderbird: Thunderbird's wrapper of a 5xx at RCPT TO
            expect("An error occurred while sending mail. The mail server responded: { $serverResponse }. "
                    + "Please check the message recipient \"{ $recipient }\" and try again.",
                    "relay-denied", "-", "thunderbird"),
            // Mozilla Thunderbird: AUTH failed (535)
            expect("Unable to authenticate to Outgoing server (SMTP) { $hostname }. Please check the "
                    + "password and verify the 'Authentication method' in 'Account Settings | Outgoing server "
                    + "(SMTP)'.",
                    "smtp-credentials-rejected", "-", "thunderbird"),
            // Mozilla Thunderbird: selected auth method not offered by the server
            expect("The Outgoing server (SMTP) { $hostname } does not support the selected authentication "
                    + "method. Please change the 'Authentication method' in 'Account Settings | Outgoing "
                    + "Server (SMTP)'.",
                    "smtp-credentials-rejected", "-", "thunderbird"),
            // swaks: 24 (no RCPTs accepted) is what a relay denial gives
            expect("exit code 24: no RCPTs accepted  /  exit code 28: error in AUTH transaction  /  exit "
                    + "code 29: error in TLS transaction",
                    "relay-denied", "-", "swaks"));

    private static final ReplyClassifier CLASSIFIER = new ReplyClassifier();

    static Stream<Arguments> rows() {
        return SharedReplies.rows().stream().map(r -> Arguments.of(r.server(), r.text()));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void firstMatchIsTheCauseTheRowMeans(String server, String text) {
        Expected expected = EXPECTED.get(text);
        assertNotNull(expected, "no expectation written for the row of " + server);
        List<ReplyMatch> matches = CLASSIFIER.classify(text);
        assertFalse(matches.isEmpty(), "nothing recognised in: " + text);
        ReplyMatch first = matches.get(0);
        assertEquals(expected.cause(), first.cause(), () -> "first match for " + server + ": " + matches);
        assertEquals(optional(expected.server()), first.server(), "server recognised");
        assertEquals(optional(expected.client()), first.client(), "client recognised");
    }

    @Test
    void everyRowHasAnExpectation() {
        Set<String> texts = SharedReplies.rows().stream().map(SharedReplies.Row::text).collect(Collectors.toSet());
        assertEquals(EXPECTED.keySet(), texts, "the expectations and the rows of the file must correspond");
    }

    private static Optional<String> optional(String value) {
        return "-".equals(value) ? Optional.empty() : Optional.of(value);
    }

    private static Map.Entry<String, Expected> expect(String text, String cause, String server, String client) {
        return Map.entry(text, new Expected(cause, server, client));
    }

    @SafeVarargs
    private static Map<String, Expected> table(Map.Entry<String, Expected>... entries) {
        Map<String, Expected> table = new LinkedHashMap<>();
        for (Map.Entry<String, Expected> e : entries) {
            if (table.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException("expectation written twice: " + e.getKey());
            }
        }
        return table;
    }
}
