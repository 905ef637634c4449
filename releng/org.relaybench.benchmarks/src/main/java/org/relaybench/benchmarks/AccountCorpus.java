package org.relaybench.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Network;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;

/**
 * A fixed, seeded mix of accounts as a help desk meets them: several providers and unknown domains,
 * iOS generations and desktop clients, right and wrong settings, and error texts from the common
 * MTAs wrapped by the clients.
 */
final class AccountCorpus {

    private static final String[] DOMAINS = { "aol.com", "verizon.net", "att.net", "sbcglobal.net", "gmail.com",
            "yahoo.com", "icloud.com", "outlook.com", "comcast.net", "example-isp.net", "bakery.example" };
    private static final String[] CLIENTS = { "ios-9", "ios-11", "ios-12", "ios-13", "ios-15", "ios-17", "ios-18",
            "macos", "outlook", "thunderbird-128" };
    private static final String[] HOSTS = { "smtp.aol.com", "smtp.mail.att.net", "smtp.gmail.com", "smtp.mail.yahoo.com",
            "smtp.mail.me.com", "smtp.office365.com", "smtp.comcast.net", "mail.example-isp.net", "imap.aol.com",
            "mx1.bakery.example" };
    private static final int[] PORTS = { 25, 465, 587, 587, 465, 2525 };
    static final String[] ERRORS = {
            "A copy has been placed in your Outbox. The recipient \"sam@example.org\" was rejected by the server because it does not allow relaying.",
            "Cannot Send Mail. The sender address \"me@x.example\" was rejected by the server.",
            "The server responded: 554 5.7.1 <sam@example.org>: Relay access denied",
            "An error occurred while sending mail. The mail server responded: 550 relay not permitted. Please verify that your email address is correct.",
            "Server error: '550 5.7.1 Relaying denied. Proper authentication required.' Error Number: 0x800CCC79",
            "530 5.7.57 Client not authenticated to send mail. [DM6PR11CA0012.namprd11.prod.outlook.com]",
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
            "535-5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials x1-20020a05.262 - gsmtp",
            "530 5.7.0 Must issue a STARTTLS command first. d2-20020a.7 - gsmtp",
            "553 5.7.1 <me@x.example>: Sender address rejected: not owned by user someone@x.example",
            "421 4.7.0 Try again later, closing connection.",
            "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
            "" };

    private AccountCorpus() {
    }

    private static String text(String text, boolean distinct, int i) {
        return distinct && !text.isEmpty() ? text + " (ticket " + (100_000 + i) + ")" : text;
    }

    static List<AccountProfile> generate(int count, long seed) {
        return generate(count, seed, false);
    }

    /**
     * @param distinctTexts whether every account's error text is its own (a ticket number appended to
     *        each non-empty one): none is read before, as in an input whose texts never repeat
     */
    static List<AccountProfile> generate(int count, long seed, boolean distinctTexts) {
        Random random = new Random(seed);
        List<AccountProfile> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String domain = DOMAINS[random.nextInt(DOMAINS.length)];
            String local = "user" + i;
            String email = local + "@" + domain;
            int port = PORTS[random.nextInt(PORTS.length)];
            Security security = port == 465 ? (random.nextInt(5) == 0 ? Security.STARTTLS : Security.TLS)
                    : random.nextBoolean() ? Security.STARTTLS : Security.NONE;
            AuthMethod auth = random.nextInt(3) == 0 ? AuthMethod.NONE : AuthMethod.PASSWORD;
            ServerSettings.Builder smtp = ServerSettings.builder(MailProtocol.SMTP)
                    .host(HOSTS[random.nextInt(HOSTS.length)]).port(port).security(security).auth(auth)
                    .username(random.nextBoolean() ? email : random.nextBoolean() ? local : null)
                    .passwordSet(random.nextInt(4) != 0).enabled(random.nextInt(10) != 0);
            AccountProfile.Builder b = AccountProfile.builder(email).client(ClientInfo.parse(CLIENTS[random.nextInt(CLIENTS.length)]))
                    .outgoing(smtp.build())
                    .network(new Network(random.nextBoolean() ? Network.Kind.WIFI : Network.Kind.CELLULAR,
                            java.util.Optional.empty()))
                    .errorText(text(ERRORS[random.nextInt(ERRORS.length)], distinctTexts, i));
            if (random.nextInt(4) == 0) {
                b.otherOutgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.mail.att.net").port(465)
                        .security(Security.TLS).auth(AuthMethod.PASSWORD).username("other@att.net").passwordSet(true)
                        .build());
            }
            accounts.add(b.build());
        }
        return accounts;
    }
}
