package org.relaybench.core.internal.classify;

import static org.relaybench.core.CauseCode.ACCOUNT_STALE;
import static org.relaybench.core.CauseCode.RELAY_DENIED;
import static org.relaybench.core.CauseCode.SENDER_NOT_OWNED;
import static org.relaybench.core.CauseCode.SERVER_TOO_SLOW;
import static org.relaybench.core.CauseCode.SERVER_UNREACHABLE;
import static org.relaybench.core.CauseCode.SERVICE_UNAVAILABLE;
import static org.relaybench.core.CauseCode.SMTP_AUTH_MISSING;
import static org.relaybench.core.CauseCode.SMTP_CREDENTIALS_REJECTED;
import static org.relaybench.core.CauseCode.TLS_CERTIFICATE_INVALID;
import static org.relaybench.core.CauseCode.TLS_HANDSHAKE_FAILED;
import static org.relaybench.core.CauseCode.TLS_REQUIRED;
import static org.relaybench.core.CauseCode.WRONG_SECURITY;
import static org.relaybench.core.CauseCode.WRONG_SMTP_PORT;
import static org.relaybench.core.internal.classify.Rule.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.relaybench.core.CauseCode;

/**
 * The words mail clients wrap server replies in. A wrapper alone says less than the server's own
 * reply (the client has already interpreted it), so its outcomes are weaker; server phrases that lie
 * inside a wrapper's words are the client's, not the server's, and are not counted twice. The
 * server reply a wrapper embeds ("The server responded: 550 ...") is read by the server rules.
 */
final class ClientRules {

    private static final String IOS = "ios-mail";
    private static final String OUTLOOK = "outlook";
    private static final String THUNDERBIRD = "thunderbird";
    /** A quoted name or a single word: the host or address clients put in their messages. */
    private static final String NAME = "(?:\"[^\"]{0,254}\"|[^ ]{1,254})";
    private static final String TB_SERVER = "outgoing server \\(smtp\\) [^ ]{1,254}";

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry(IOS, "iOS Mail"),
            Map.entry("macos-mail", "macOS Mail"), Map.entry(OUTLOOK, "Outlook"), Map.entry(THUNDERBIRD, "Thunderbird"),
            Map.entry("android-mail", "Android mail"), Map.entry("javamail", "Jakarta/JavaMail"),
            Map.entry("dotnet", ".NET SmtpClient"), Map.entry("phpmailer", "PHPMailer"),
            Map.entry("python-smtplib", "Python smtplib"), Map.entry("swaks", "swaks"));

    private ClientRules() {
    }

    /** @return the display name of a client id */
    static String displayName(String client) {
        return NAMES.getOrDefault(client, client);
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        // iOS, iPadOS and macOS Mail share these texts
        rules.add(when("rejected", "does").re("(?:rejected by the server because (?:it|they) (?:does"
                + "|do) not allow relaying|does not allow relaying)").client(IOS)
                .gives(SMTP_AUTH_MISSING, 0.75).gives(RELAY_DENIED, 0.50)
                .says("the outgoing server refused the recipient; almost always SMTP authentication is off or has no "
                        + "password for the outgoing server"));
        rules.add(when("sender").re("sender address (?:" + NAME + " )?was rejected by the server").reach(300)
                .client(IOS).gives(SENDER_NOT_OWNED, 0.55).gives(SMTP_AUTH_MISSING, 0.45)
                .says("the outgoing server refused the sender address: not owned by the login, or no login at all"));
        rules.add(when("user", "username").re("user ?name or password for " + NAME + " is incorrect").reach(300)
                .client(IOS).gives(SMTP_CREDENTIALS_REJECTED, 0.82)
                .says("the outgoing server refused the user name or password"));
        rules.add(when("cannot", "identity", "certificate")
                .re("cannot verify server identity|identity of " + NAME + " cannot be verified|certificate for this "
                        + "server is invalid")
                .reach(300).client(IOS).gives(TLS_CERTIFICATE_INVALID, 0.85)
                .says("the server's certificate is not trusted or is for another name"));
        rules.add(when("connection").re("connection to the (?:outgoing )?server (?:" + NAME + " )?failed").reach(300)
                .client(IOS).gives(SERVER_UNREACHABLE, 0.62).says("the outgoing server could not be reached"));
        rules.add(when("mail").re("mail server " + NAME + " is not responding").reach(300)
                .client(IOS).gives(SERVER_UNREACHABLE, 0.65).says("the mail server does not answer"));
        rules.add(when("cannot").re("cannot be contacted on port 25(?![0-9])").client("macos-mail")
                .gives(WRONG_SMTP_PORT, 0.50).gives(SERVER_UNREACHABLE, 0.70)
                .says("the server cannot be reached on port 25, which many networks block for clients"));
        rules.add(when("cannot").re("cannot be contacted on port [0-9]{1,5}").client("macos-mail")
                .gives(SERVER_UNREACHABLE, 0.75).says("the server cannot be reached on that port"));
        rules.add(when("check").re("check the account settings for the outgoing server").client(IOS)
                .gives(SERVER_UNREACHABLE, 0.30).gives(SMTP_AUTH_MISSING, 0.25)
                .says("the outgoing server failed without saying why; the outgoing settings need checking"));
        rules.add(when("copy").re("copy has been placed in your outbox").client(IOS).says(""));

        // Outlook (and Outlook Express / Windows Mail): error numbers from imnxport.h and MAPI
        outlook(rules, "0x800ccc79", "recipient rejected by the server (RCPT TO refused)", SMTP_AUTH_MISSING, 0.70,
                RELAY_DENIED, 0.55);
        outlook(rules, "0x800ccc78", "sender rejected by the server (MAIL FROM refused)", SENDER_NOT_OWNED, 0.50,
                SMTP_AUTH_MISSING, 0.45);
        outlook(rules, "0x800ccc0e", "cannot connect to the server", SERVER_UNREACHABLE, 0.75, null, 0);
        outlook(rules, "0x800ccc0d", "cannot find the server (DNS)", SERVER_UNREACHABLE, 0.80, null, 0);
        outlook(rules, "0x800ccc0f", "connection closed by the server", SERVER_UNREACHABLE, 0.50, WRONG_SECURITY, 0.40);
        outlook(rules, "0x800ccc0b", "server busy", SERVICE_UNAVAILABLE, 0.50, null, 0);
        outlook(rules, "0x800ccc19", "time-out talking to the server", SERVER_UNREACHABLE, 0.55, SERVER_TOO_SLOW, 0.45);
        outlook(rules, "0x800ccc1a", "unable to connect using SSL", WRONG_SECURITY, 0.60, TLS_HANDSHAKE_FAILED, 0.55);
        outlook(rules, "0x800ccc01", "invalid certificate name", TLS_CERTIFICATE_INVALID, 0.75, null, 0);
        outlook(rules, "0x800ccc02", "invalid certificate date", TLS_CERTIFICATE_INVALID, 0.75, null, 0);
        outlook(rules, "0x800ccc18", "logon (SPA) failed", SMTP_CREDENTIALS_REJECTED, 0.65, null, 0);
        outlook(rules, "0x800ccc67", "421 service not available", SERVICE_UNAVAILABLE, 0.60, null, 0);
        outlook(rules, "0x800ccc6a", "451 local error in processing", SERVICE_UNAVAILABLE, 0.45, null, 0);
        outlook(rules, "0x800ccc6b", "551 user not local", RELAY_DENIED, 0.45, SMTP_AUTH_MISSING, 0.40);
        outlook(rules, "0x800ccc7c", "530 STARTTLS required", TLS_REQUIRED, 0.75, WRONG_SECURITY, 0.45);
        outlook(rules, "0x800ccc7d", "server does not support "
                + "STARTTLS", WRONG_SECURITY, 0.72, TLS_HANDSHAKE_FAILED, 0.45);
        outlook(rules, "0x800ccc7f", "454 STARTTLS failed", TLS_HANDSHAKE_FAILED, 0.70, null, 0);
        outlook(rules, "0x800ccc90", "POP3 server error (matters for POP before SMTP)", SMTP_CREDENTIALS_REJECTED, 0.40,
                null, 0);
        outlook(rules, "0x800ccc91", "POP3 user name refused", SMTP_CREDENTIALS_REJECTED, 0.50, null, 0);
        outlook(rules, "0x800ccc92", "POP3 password refused", SMTP_CREDENTIALS_REJECTED, 0.60, null, 0);
        outlook(rules, "0x80042109", "cannot connect to the outgoing (SMTP) server", SERVER_UNREACHABLE, 0.75, null, 0);
        outlook(rules, "0x8004210b", "timed out waiting for the outgoing (SMTP) server", SERVER_UNREACHABLE, 0.60,
                SERVER_TOO_SLOW, 0.45);
        outlook(rules, "0x8004210a", "timed out waiting for the incoming (POP) server", SERVER_TOO_SLOW, 0.45,
                SERVER_UNREACHABLE, 0.45);
        outlook(rules, "0x80040600", "unknown error, usually a damaged data file", ACCOUNT_STALE, 0.35, null, 0);
        rules.add(when("recipients").re("recipients was rejected by the server").client(OUTLOOK)
                .gives(RELAY_DENIED, 0.45).gives(SMTP_AUTH_MISSING, 0.40)
                .says("the outgoing server refused a recipient"));
        rules.add(when("cannot", "can", "unable").re("(?:cannot|can't"
                + "|unable to) connect to your outgoing \\(smtp\\) e-?mail server")
                .client(OUTLOOK).gives(SERVER_UNREACHABLE, 0.75)
                .says("the outgoing server could not be reached"));
        rules.add(when("does").re("does not support the connection encryption type").client(OUTLOOK)
                .gives(WRONG_SECURITY, 0.80).says("the encryption type set does not fit the server and port"));
        rules.add(when("using", "security", "principal", "name").re("using a security certificate that cannot be "
                + "verified|security certificate (?:has expired|is not yet valid)"
                + "|(?:principal )?name (?:on|of) the security certificate is invalid").client(OUTLOOK)
        .gives(TLS_CERTIFICATE_INVALID, 0.85)
                .says("the server's certificate is not trusted, expired or for another name"));
        rules.add(when("your").re("your e-?mail server rejected your login").client(OUTLOOK)
                .gives(SMTP_CREDENTIALS_REJECTED, 0.75).says("the server refused the login"));
        rules.add(when("unexpectedly").re("unexpectedly terminated the connection").client(OUTLOOK)
                .gives(SERVER_UNREACHABLE, 0.50).gives(WRONG_SECURITY, 0.42)
                .says("the server dropped the connection; a TLS setting that does not fit the port is a common "
                        + "reason"));
        rules.add(when("reported").re("reported error \\(0x").client(OUTLOOK).says(""));

        // Thunderbird (messageSend.ftl)
        rules.add(when("please").re("please check the message recipient").client(THUNDERBIRD)
                .gives(RELAY_DENIED, 0.42).gives(SMTP_AUTH_MISSING, 0.38)
                .says("the outgoing server refused a recipient"));
        rules.add(when("please").re("please verify that your email address is correct in your (?:account settings"
                + "|preferences)")
                .client(THUNDERBIRD).gives(SENDER_NOT_OWNED, 0.45).gives(SMTP_AUTH_MISSING, 0.35)
                .says("the outgoing server refused the sender address"));
        rules.add(when("unable").re("unable to authenticate to outgoing server").client(THUNDERBIRD)
                .gives(SMTP_CREDENTIALS_REJECTED, 0.80).says("the outgoing server refused the login"));
        rules.add(when("authentication").re("authentication failed while connecting to server").client(THUNDERBIRD)
                .gives(SMTP_CREDENTIALS_REJECTED, 0.75).says("the server refused the login"));
        rules.add(when("does", "doesn").re("(?:does not|doesn't) support the selected authentication method")
                .client(THUNDERBIRD).gives(SMTP_CREDENTIALS_REJECTED, 0.60).gives(WRONG_SECURITY, 0.40)
                .says("the authentication method chosen is not one the server offers (servers often offer their "
                        + "methods only after STARTTLS)"));
        rules.add(when("does", "doesn").re("(?:doesn't|does not) seem to support encrypted passwords")
                .client(THUNDERBIRD).gives(SMTP_CREDENTIALS_REJECTED, 0.60).gives(WRONG_SECURITY, 0.35)
                .says("the server does not offer the encrypted password method chosen in the account"));
        rules.add(when("outgoing").re(TB_SERVER + " is unknown").reach(300).client(THUNDERBIRD)
                .gives(SERVER_UNREACHABLE, 0.80).says("the outgoing server's name could not be found"));
        rules.add(when("connecting", "may").re("connecting to " + TB_SERVER + " failed|may be unavailable or is "
                + "refusing smtp connections").reach(300).client(THUNDERBIRD).gives(SERVER_UNREACHABLE, 0.78)
                .says("the outgoing server could not be reached"));
        rules.add(when("connection").re("connection to " + TB_SERVER + " timed out").reach(300).client(THUNDERBIRD)
                .gives(SERVER_UNREACHABLE, 0.65).gives(SERVER_TOO_SLOW, 0.40)
                .says("the connection to the outgoing server timed out"));
        rules.add(when("unable").re("unable to establish a secure link with " + TB_SERVER + " using starttls since it "
                + "doesn't advertise that feature").reach(360).client(THUNDERBIRD)
                .gives(WRONG_SECURITY, 0.80).gives(TLS_HANDSHAKE_FAILED, 0.45)
                .says("STARTTLS is set, but the server does not offer it on this port"));
        rules.add(when("error").re("error occurred while sending mail\\. the mail server responded")
                .client(THUNDERBIRD).says(""));
        rules.add(when("sending").re("sending of (?:the )?message failed").client(THUNDERBIRD).says(""));

        // Android mail apps
        rules.add(when("can", "cannot", "couldn").re("(?:can't|cannot|couldn't) safely connect to server")
                .client("android-mail")
                .gives(TLS_CERTIFICATE_INVALID, 0.60).gives(TLS_HANDSHAKE_FAILED, 0.45)
                .says("the app could not set up a trusted encrypted connection"));
        rules.add(when("can", "couldn", "cannot", "unable").re("(?:can't|couldn't|cannot"
                + "|unable to) open connection to server")
                .client("android-mail").gives(SERVER_UNREACHABLE, 0.70).says("the server could not be reached"));
        rules.add(when("couldn", "could", "can").re("(?:couldn't|could not|can't) sign in").client("android-mail")
                .gives(SMTP_CREDENTIALS_REJECTED, 0.50).says("the app could not sign in with the details given"));

        // libraries and tools
        rules.add(when("smtp").re("smtp server requires a secure connection or the client was not authenticated")
                .client("dotnet").gives(SMTP_AUTH_MISSING, 0.60).gives(TLS_REQUIRED, 0.55)
                .says("the server refused an unauthenticated or unencrypted session"));
        rules.add(when("system").re("system\\.net\\.mail").client("dotnet").says(""));
        rules.add(when("smtp").re("smtp error: could not authenticate").client("phpmailer")
                .gives(SMTP_CREDENTIALS_REJECTED, 0.78).says("the login was refused"));
        rules.add(when("smtp").re("smtp connect\\(\\) failed").client("phpmailer")
                .gives(SERVER_UNREACHABLE, 0.72).says("the server could not be reached"));
        rules.add(when("smtpauthenticationerror").re("smtpauthenticationerror").client("python-smtplib")
                .gives(SMTP_CREDENTIALS_REJECTED, 0.55).says("the AUTH exchange failed"));
        rules.add(when("smtprecipientsrefused").re("smtprecipientsrefused").client("python-smtplib")
                .gives(RELAY_DENIED, 0.40).gives(SMTP_AUTH_MISSING, 0.35).says("the server refused the recipients"));
        rules.add(when("smtpsenderrefused").re("smtpsenderrefused").client("python-smtplib")
                .gives(SENDER_NOT_OWNED, 0.40).says("the server refused the sender"));
        rules.add(when("smtplib").re("smtplib").client("python-smtplib").says(""));
        rules.add(when("no").re("no rcpts accepted").client("swaks")
                .gives(RELAY_DENIED, 0.45).gives(SMTP_AUTH_MISSING, 0.35)
                .says("no recipient was accepted, which is what a relay refusal produces"));
        rules.add(when("error").re("error in auth transaction").client("swaks")
                .gives(SMTP_CREDENTIALS_REJECTED, 0.40).says("the AUTH exchange failed"));
        rules.add(when("javax", "jakarta", "com", "eclipse").re("javax\\.mail|jakarta\\.mail|com\\.sun\\.mail"
                + "|eclipse\\.angus")
                .client("javamail").says(""));
        // weakest client hints last: the first client rule that matches names the client
        rules.add(when("cannot").re("cannot send mail").client(IOS).says(""));
        rules.add(when("outgoing").re("outgoing server \\(smtp\\)").client(THUNDERBIRD).says(""));
        return List.copyOf(rules);
    }

    private static void outlook(List<Rule> rules, String code, String meaning, CauseCode first, double c1,
            CauseCode second, double c2) {
        Rule.Builder b = when(code).re("(?<![0-9a-f])" + code + "(?![0-9a-f])").client(OUTLOOK).gives(first, c1);
        if (second != null) {
            b.gives(second, c2);
        }
        rules.add(b.says("its code for " + meaning));
    }
}
