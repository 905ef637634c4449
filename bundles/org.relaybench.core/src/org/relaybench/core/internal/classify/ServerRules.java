package org.relaybench.core.internal.classify;

import static org.relaybench.core.internal.classify.Rule.when;

import java.util.List;
import java.util.Map;

/**
 * Recognises the server software or service behind a reply. Names come first (a product name or one
 * of the service's host names; addresses after {@code @} do not count, they name the recipient's
 * domain, not the server), then codes typical of a service, then the form of a phrase (Postfix's
 * {@code <addr>: Relay access denied}, Sendmail's {@code <addr>... Relaying denied}).
 */
final class ServerRules {

    /** Stands before a service's domain in a host name, and not before the domain of an address. */
    private static final String SUBDOMAIN = "(?<=[a-z0-9-]\\.)";

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("postfix", "Postfix"),
            Map.entry("exim", "Exim"), Map.entry("sendmail", "Sendmail"), Map.entry("exchange", "Microsoft Exchange"),
            Map.entry("microsoft365", "Microsoft 365"), Map.entry("gmail", "Gmail"), Map.entry("yahoo", "Yahoo Mail"),
            Map.entry("icloud", "iCloud Mail"), Map.entry("hmailserver", "hMailServer"), Map.entry("qmail", "qmail"),
            Map.entry("mailenable", "MailEnable"), Map.entry("mdaemon", "MDaemon"), Map.entry("courier", "Courier"),
            Map.entry("zimbra", "Zimbra"), Map.entry("kerio", "Kerio Connect"), Map.entry("domino", "HCL Domino"),
            Map.entry("zoho", "Zoho Mail"), Map.entry("amazon-ses", "Amazon SES"), Map.entry("sendgrid", "SendGrid"),
            Map.entry("mailgun", "Mailgun"), Map.entry("smartermail", "SmarterMail"), Map.entry("icewarp", "IceWarp"),
            Map.entry("communigate", "CommuniGate Pro"), Map.entry("dovecot", "Dovecot"));

    private ServerRules() {
    }

    /** @return the display name of a server id */
    static String displayName(String server) {
        return NAMES.getOrDefault(server, server);
    }

    static List<Rule> rules() {
        return List.of(
                // products and services named in the text; the more specific before the ones they build on
                name("zimbra", "zimbra"), name("mdaemon", "mdaemon"), name("kerio", "kerio"),
                name("hmailserver", "hmailserver"), name("mailenable", "mailenable"), name("smartermail",
                        "smartermail"),
                name("icewarp", "icewarp"), name("communigate", "communigate"),
                when("domino", "lotus").re("(?:domino|lotus)(?![a-z])").serverName("domino").build(),
                when("courier").re("courier(?:-mta| esmtp| mail server|tcpd)").serverName("courier").build(),
                when("zoho", "zohomail").re(SUBDOMAIN + "zoho(?:mail)?\\.[a-z]{2,3}|zoho "
                        + "mail").serverName("zoho").build(),
                when("amazonses", "amazonaws", "amazon", "ses").re("amazonses|amazonaws\\.com|amazon ses|ses smtp")
                        .serverName("amazon-ses").build(),
                name("sendgrid", "sendgrid"), name("mailgun", "mailgun"),
                when("prod", "protection", "smtp", "office", "office365", "microsoft", "exchange", "for")
                        .re("(?:prod|protection)\\.outlook\\.com|prod\\.exchangelabs\\.com|smtp\\.office365\\.com"
                                + "|smtp-mail\\.outlook\\.com|office ?365|microsoft 365|exchange online|for the tenant")
                        .serverName("microsoft365").build(),
                when("microsoft", "storedrv")
                        .re("microsoft esmtp mail service|microsoft exchange|storedrv").serverName("exchange").build(),
                when("gsmtp", "support", "google", "g", "gmail", "googlemail")
                        .re("gsmtp|support\\.google\\.com|google workspace|g suite|" + SUBDOMAIN
                                + "(?:gmail|google|googlemail)\\.com")
                        .serverName("gmail").build(),
                when("yahoo", "yahoodns", "ymail").re(SUBDOMAIN + "(?:yahoo(?:dns)?\\.(?:com|net)|ymail\\.com)")
                        .serverName("yahoo").build(),
                when("icloud", "me", "mac").re(SUBDOMAIN + "(?:icloud|me|mac)\\.com|icloud "
                        + "mail").serverName("icloud").build(),
                name("exim", "exim"), name("sendmail", "sendmail"), name("qmail", "qmail"), name("postfix", "postfix"),
                name("dovecot", "dovecot"),

                // the form of a phrase
                when("relay").re("(?<=>: )relay access denied").server("postfix").build(),
                when("sender", "error", "recipient", "helo")
                        .re("sender address rejected: not (?:owned by user|logged in)|error: authentication failed:"
                                + "|recipient address rejected: |helo command rejected: ")
                        .server("postfix").build(),
                when("encryption").re("(?<=5\\.5\\.4 )encryption required for requested authentication mechanism")
                        .server("postfix").build(),
                when("relay", "incorrect", "is", "not", "please", "auth")
                        .re("relay not permitted|incorrect authentication data"
                                + "|(?:is )?not permitted to relay through this server"
                                + "|please turn on smtp authentication in your mail client"
                                + "|auth command used when not advertised")
                        .server("exim").build(),
                when("relaying").re("(?<=\\.\\.\\. )relaying denied").server("sendmail").build(),
                when("relaying").re("(?<=(?:^|[^0-9])513 )relaying denied").server("courier").build(),
                when("relaying").re("relaying to <[^ >]{1,254}> denied").reach(300).server("kerio").build(),
                when("relay").re("relay rejected for policy reasons").server("domino").build(),
                when("relaying").re("(?<=^[0-9]{3} |^[0-9]{3}-"
                        + "|^[0-9]{3} [45]\\.[0-9]\\.[0-9]{1,3} )relaying denied for <")
                        .server("yahoo").build(),
                when("auth000", "auth010", "auth020").re("(?<=\\(#)auth[0-9]{3}\\)").server("yahoo").build(),
                when("unable", "client")
                        .re("(?<=5\\.7\\.1 |smtp; )unable to relay"
                                + "|unable to relay (?:for |recipient in non-accepted domain)"
                                + "|client was not authenticated"
                                + "|client does not have permissions to (?:submit|send as)")
                        .server("exchange").build(),
                when("smtpclientauthentication", "did")
                        .re("smtpclientauthentication|did not meet the criteria to be authenticated")
                        .server("microsoft365").build(),
                when("about", "username", "application", "please", "daily")
                        .re("about smtp error messages|username and password not accepted"
                                + "|application-specific password required|please log in (?:via|with) your web browser"
                                + "|daily user sending quota exceeded")
                        .server("gmail").build(),
                when("smtp").re("(?<=^530 )smtp authentication is required").server("hmailserver").build(),
                when("send").re("send to a non-local e-mail address").server("mailenable").build(),
                when("identities").re("identities failed the check").server("amazon-ses").build(),
                when("verified").re("verified sender identity").server("sendgrid").build());
    }

    private static Rule name(String key, String id) {
        return when(key).re(key + "(?![a-z])").serverName(id).build();
    }
}
