package org.relaybench.core.internal.classify;

import static org.relaybench.core.CauseCode.APP_PASSWORD_REQUIRED;
import static org.relaybench.core.CauseCode.NETWORK_RESTRICTED_RELAY;
import static org.relaybench.core.CauseCode.OAUTH_REQUIRED;
import static org.relaybench.core.CauseCode.RELAY_DENIED;
import static org.relaybench.core.CauseCode.SENDER_NOT_OWNED;
import static org.relaybench.core.CauseCode.SMTP_AUTH_DISABLED;
import static org.relaybench.core.CauseCode.SMTP_AUTH_MISSING;
import static org.relaybench.core.CauseCode.SMTP_CREDENTIALS_REJECTED;
import static org.relaybench.core.CauseCode.WRONG_SECURITY;
import static org.relaybench.core.internal.classify.Rule.when;

import java.util.List;

/**
 * Server phrases about relaying, authentication and sender identity. The relay rules read the
 * structure of a refusal ("relay" next to a word of refusal, in either order) rather than a list
 * of known sentences, so unseen wordings of the same refusal are recognised too.
 */
final class AuthRules {

    /** Codes relay refusals come with. */
    private static final String RELAY_CODES = "550 551 553 554 571 513 451 454 5.7.1 5.7.0 5.7.54 5.7.64 4.7.1 5.0.0";
    private static final String AUTH_CODES = "530 550 553 554 503 5.7.0 5.7.1 5.7.57 5.5.1";
    private static final String CREDENTIAL_CODES = "535 5.7.8 5.7.3 5.7.1 5.7.0 5.7.139 454";
    private static final String RELAY_REASON = "the server will not relay for this client; almost always the outgoing "
            + "server is used without SMTP authentication (auth off, no password, wrong user name form)";

    private AuthRules() {
    }

    static List<Rule> rules() {
        return List.of(
                // "relay access denied", "relaying to <a@b> denied", "relay not permitted", "relaying is not allowed"
                when("relay", "relaying", "relayed", "relays")
                        .re("(?<![-.@/_])relay(?:ing|ed|s)?(?: [^ ]{0,199}[^ .]){0,3}? (?:access )?(?:denied|refused"
                                + "|rejected|prohibited|disallowed(?! as )|forbidden|blocked"
                                + "|(?:is |are )?not (?:permitted|allowed|authori[sz]ed|accepted|possible|enabled))")
                        .reach(280).gives(SMTP_AUTH_MISSING, 0.80).gives(RELAY_DENIED, 0.68)
                        .backedBy(RELAY_CODES).says(RELAY_REASON),
                // "we do not relay", "unable to relay", "not permitted to relay", "does not allow relaying",
                // "no relaying"
                when("not", "unable", "cannot", "can", "won", "will", "do", "does", "don", "doesn", "refuse", "refuses",
                        "prohibited", "unauthorized", "unauthorised", "unauthenticated", "illegal", "no")
                        .re("(?:(?:not (?:(?:be |being )?(?:allowed|permitted|authori[sz]ed|able|configured) to|allow(?:ed)?"
                                + "|an open)|unable to|cannot|can't|won't|will not|do not|does not|don't|doesn't"
                                + "|refuse[sd]? to|prohibited from|unauthori[sz]ed|unauthenticated"
                                + "|illegal) (?:(?:to|mail|e-?mail|messages?) )?relay(?:ing|ed)?"
                                + "|no relaying)(?![a-z0-9-]|\\.[a-z0-9])")
                        .reach(60).gives(SMTP_AUTH_MISSING, 0.80).gives(RELAY_DENIED, 0.68)
                        .backedBy(RELAY_CODES).says(RELAY_REASON),
                when("insecure").re("insecure (?:mail )?relay").gives(RELAY_DENIED, 0.55).backedBy("550 554")
                        .says("the server refused, citing its relay policy, without saying more"),
                when("isn", "is", "not", "allowed")
                        .re("(?:isn't |is not |not )?in my list of allowed rcpthosts|allowed rcpthosts")
                        .gives(SMTP_AUTH_MISSING, 0.80).gives(RELAY_DENIED, 0.68).backedBy("553 5.7.1").server("qmail")
                        .says("qmail accepts mail only for its own domains unless the client authenticates"),
                when("delivery").re("delivery is not allowed to this address")
                        .gives(SMTP_AUTH_MISSING, 0.76).gives(RELAY_DENIED, 0.62).backedBy("550").server("hmailserver")
                        .says("hMailServer delivers to outside addresses only for authenticated clients"),

                // authentication required / missing
                when("smtp", "auth", "authentication", "authorization", "authorisation")
                        .re("(?:smtp[- ])?auth(?:entication|ori[sz]ation)? (?:is |was )?(?:required|needed|mandatory)")
                        .gives(SMTP_AUTH_MISSING, 0.88).backedBy(AUTH_CODES)
                        .says("the server requires SMTP authentication and the client did not authenticate"),
                when("must", "should", "need", "needs", "please", "have", "requires", "require", "authenticate",
                        "authentication")
                        .re("(?:must|should|needs? to|please|have to) (?:first )?(?:be )?authenticat(?:e|ed)(?![a-z])"
                                + "|requires? (?:smtp |sender |user )?auth(?:entication)?(?![a-z])"
                                + "|authenticat(?:e|ion) (?:first|before (?:send|relay|submit|using))")
                        .gives(SMTP_AUTH_MISSING, 0.88).backedBy(AUTH_CODES)
                        .says("the server asks the client to authenticate before sending"),
                when("not", "unauthenticated", "without", "no")
                        .re("not (?:been )?authenticated"
                                + "|unauthenticated (?:relay|relaying|mail|sender|user|client|session|sending"
                                + "|submission|smtp|connection)"
                                + "|(?:without|no) (?:smtp )?authentication(?! (?:method|mechanism|type))")
                        .gives(SMTP_AUTH_MISSING, 0.86).backedBy(AUTH_CODES)
                        .says("the server saw no SMTP authentication in this session"),
                when("turn", "enable", "activate", "switch", "use")
                        .re("(?:turn on|enable|activate|switch on|use) (?:the )?(?:smtp |outgoing server "
                                + "|outgoing )?auth(?:entication)?(?![a-z])(?! (?:method|mechanism|type|data|failed"
                                + "|failure))")
                        .gives(SMTP_AUTH_MISSING, 0.84).backedBy(AUTH_CODES)
                        .says("the server tells the user to switch on SMTP authentication in the mail client"),
                when("not", "must").re("not logged in|must be logged in").gives(SMTP_AUTH_MISSING, 0.85)
                        .backedBy("553 530 554 5.7.1 5.7.0").says("the sender was refused because the client had not "
                                + "logged in"),
                when("send", "anonymous")
                        .re("send anonymous mail"
                                + "|anonymous (?:mail|relay|relaying|submission|sending|access|users?|clients?"
                                + "|connections?)(?: (?:is|are))? (?:not (?:allowed|permitted|accepted)|denied|rejected"
                                + "|refused|disabled)")
                        .gives(SMTP_AUTH_MISSING, 0.86).backedBy(AUTH_CODES)
                        .says("the server refuses anonymous (unauthenticated) submission"),
                when("does", "doesn", "not")
                        .re("(?:does not|doesn't) have permissions? to submit to this server"
                                + "|not authori[sz]ed to submit")
                        .gives(SMTP_AUTH_MISSING, 0.80).backedBy("550 530 5.7.1").server("exchange")
                        .says("the server lets only authenticated clients submit mail through this connector"),

                // relaying limited to a network
                when("ip").re("ip name (?:possibly forged|lookup failed)")
                        .gives(NETWORK_RESTRICTED_RELAY, 0.90).backedBy("550 553 5.7.1").server("sendmail")
                        .says("the server relays only for hosts whose address and name it trusts, and this client's "
                                + "reverse DNS name does not qualify"),
                when("pop", "popbeforesmtp", "smtp", "check", "read", "download", "pick", "fetch", "retrieve", "log",
                        "login")
                        .re("pop[- ]?before[- ]?smtp|smtp[- ]after[- ]pop"
                                + "|(?:check|read|download|pick up|fetch|retrieve) (?:your )?(?:new )?(?:mail|e-?mail"
                                + "|messages|mailbox) (?:first )?before (?:sending|you send|relaying)"
                                + "|log ?in to the (?:imap/pop3|pop3?|imap|pop3?/imap) server before (?:sending"
                                + "|relaying)")
                        .gives(NETWORK_RESTRICTED_RELAY, 0.88).gives(SMTP_AUTH_MISSING, 0.60)
                        .backedBy("550 553 554 451 5.7.1").says("the server relays only after the client has checked "
                                + "mail from the same address (POP before SMTP)"),
                when("relay", "relaying", "relays", "only")
                        .re("relay(?:ing|s)? (?:is |are )?(?:only )?(?:allowed |permitted |possible |available "
                                + "|accepted )?only (?:from|for|to|within)|only relay(?:s|ing)? (?:mail )?(?:from|for)"
                                + "|relay(?:ing)? (?:access )?(?:denied|refused|not (?:permitted|allowed)) (?:from"
                                + "|for) (?:your|this|the) (?:ip|location|network|address|host|client)")
                        .gives(NETWORK_RESTRICTED_RELAY, 0.86).backedBy("550 554 5.7.1")
                        .says("the server relays only for clients on its own network or registered addresses"),
                when("your", "not", "access", "from", "for", "outside", "traffic", "mail", "connections")
                        .re("(?:traffic|mail|connections?) (?:is |are )?not accepted from (?:this|your) ip"
                                + "|your (?:ip|network|location|host"
                                + "|computer)(?: address)? (?:\\[[^ \\]]{1,60}\\] )?(?:is "
                                + "|has been )?(?:not (?:allowed|permitted|authori[sz]ed|in (?:the|our) (?:list|range))"
                                + "|blocked|blacklisted|banned|rejected|denied)"
                                + "|not (?:permitted|allowed|authori[sz]ed) from your (?:network|ip|location|address)"
                                + "|access denied for (?:your )?ip"
                                + "|(?:from|for) (?:an? )?(?:unauthori[sz]ed|unknown|foreign|external) (?:network|ip"
                                + "|location)|outside (?:of )?(?:our|the|its) (?:own )?network"
                                + "|not on (?:our|the|its) (?:own |local )?network")
                        .gives(NETWORK_RESTRICTED_RELAY, 0.85).backedBy("550 554 553 5.7.1")
                        .says("the server accepts mail only from its own network or listed addresses, and the client's "
                                + "address is not one of them"),
                when("isn", "is", "not", "invalid", "ip", "domain")
                        .re("(?:isn't|is not|not) registered (?:in|with|under) (?:your|the) (?:g suite|google workspace"
                                + "|workspace|smtp relay)|invalid credentials for relay"
                                + "|(?:ip address|domain) (?:you've|you have) registered")
                        .gives(NETWORK_RESTRICTED_RELAY, 0.92).backedBy("550 5.7.0 5.7.1").server("gmail")
                        .says("the relay service accepts mail only from IP addresses or domains registered for the "
                                + "account"),
                when("tenantattribution", "could", "not")
                        .re("tenantattribution|could not be attributed|not attributed to (?:a|any|the) tenant")
                        .gives(NETWORK_RESTRICTED_RELAY, 0.88).backedBy("550 5.7.64").server("microsoft365")
                        .says("Microsoft 365 could not tie the connection to a tenant: the connector accepts only the "
                                + "registered IP addresses or certificate"),
                when("client").re("client host (?:\\[[^ \\]]{1,60}\\] )?(?:rejected|blocked|refused)")
                        .gives(NETWORK_RESTRICTED_RELAY, 0.70).backedBy("550 554 5.7.1").server("postfix")
                        .says("the server refuses this client's host or address"),

                // sender identity
                when("not").re("not owned by (?:the )?(?:authenticated |sasl |logged[- ]in )?(?:user|login|account)")
                        .gives(SENDER_NOT_OWNED, 0.95).backedBy("553 550 554 5.7.1")
                        .says("the login is accepted but the sender address does not belong to it"),
                when("send", "sendasdenied", "mapiexceptionsendasdenied", "not", "no", "does", "doesn")
                        .re("send ?as ?denied|sendasdenied|mapiexceptionsendasdenied"
                                + "|(?:not|no) (?:authori[sz]ed|allowed|permitted|permissions?"
                                + "|rights?) to send (?:mail |e-?mail |messages? )?(?:as|on behalf of|from)"
                                + "|(?:does not|doesn't) have (?:the )?permissions? to send (?:as|on behalf of)"
                                + "|send[- ]as permission")
                        .gives(SENDER_NOT_OWNED, 0.92).backedBy("550 554 553 5.7.60 5.2.0 5.7.1")
                        .says("the mailbox may not send as the address in From"),
                when("address", "addresses", "identities", "not", "does", "doesn", "unverified")
                        .re("address(?:es)? (?:is |are )?not verified|identities failed the check"
                                + "|not (?:a )?verified (?:sender|identity|domain|address)"
                                + "|(?:does not|doesn't) match (?:a |any )?verified (?:sender|identity|domain|address)"
                                + "|unverified (?:sender|from|address|domain)")
                        .gives(SENDER_NOT_OWNED, 0.85).backedBy("554 550 553")
                        .says("the service sends only from verified sender addresses, and this one is not"),
                when("relaying").re("relaying disallowed as").gives(SENDER_NOT_OWNED, 0.88).server("zoho")
                        .says("the server refuses mail whose sender is not the address of the login"),
                when("sender", "from", "mail", "envelope")
                        .re("sender (?:address )?(?:is )?(?:rejected|refused|not allowed|not permitted"
                                + "|not authori[sz]ed|denied|mismatch)"
                                + "|(?:from|mail from|envelope from|sender) address (?:does not|doesn't) match"
                                + "|sender (?:does not|doesn't) match")
                        .gives(SENDER_NOT_OWNED, 0.55).backedBy("553 550 554 5.7.1 5.1.0 5.7.60")
                        .says("the server refused the sender address"),

                // credentials
                when("auth", "authentication", "authenticationfailed")
                        .re("(?<!temporary )auth(?:entication)?[ _-]?(?:has |was )?(?:failed|failure|unsuccessful"
                                + "|rejected|denied)|authenticationfailed")
                        .gives(SMTP_CREDENTIALS_REJECTED, 0.80).backedBy(CREDENTIAL_CODES)
                        .says("the server refused the login"),
                when("invalid", "incorrect", "bad", "wrong", "badcredentials")
                        .re("(?:invalid|incorrect|bad|wrong) (?:user ?name|login|password|passwd|credentials"
                                + "|user(?:name)?/password|user(?: ?name)? (?:or|and) password"
                                + "|login (?:or|and) password|authentication data"
                                + "|auth(?:entication)? (?:credentials|data)|pass ?phrase)(?! for relay)(?! format)"
                                + "|badcredentials")
                        .gives(SMTP_CREDENTIALS_REJECTED, 0.88).backedBy(CREDENTIAL_CODES)
                        .says("the server refused the user name or password"),
                when("password", "passwd", "credentials", "username", "user", "login")
                        .re("(?:user ?name|password|credentials|login)(?: and| or"
                                + "|/)?(?: password)?(?: for [^ ]{1,120})?(?: is| are| was| were)? (?:not accepted"
                                + "|incorrect|invalid|wrong|rejected|expired)")
                        .reach(200).gives(SMTP_CREDENTIALS_REJECTED, 0.88).backedBy(CREDENTIAL_CODES)
                        .says("the server refused the user name or password"),
                when("unable", "failed", "could", "couldn", "cannot", "can")
                        .re("(?:unable|failed|could not|couldn't|cannot|can't) (?:to )?authenticate")
                        .gives(SMTP_CREDENTIALS_REJECTED, 0.78).backedBy(CREDENTIAL_CODES)
                        .says("authentication was tried and failed"),
                when("login", "logon", "log", "sign", "signin", "couldn", "could", "can", "cannot", "unable")
                        .re("(?:login|logon|log ?in|sign ?in) (?:failed|failure|incorrect|denied|rejected|unsuccessful)"
                                + "|(?:couldn't|could not|can't|cannot|unable to) (?:sign|log) ?in")
                        .gives(SMTP_CREDENTIALS_REJECTED, 0.72).backedBy(CREDENTIAL_CODES)
                        .says("the login was refused"),
                when("unrecognized", "unsupported", "unknown", "auth", "authentication", "does", "doesn", "no")
                        .re("unrecognized authentication (?:type|mechanism)"
                                + "|(?:unsupported|unknown|unrecognized) (?:auth(?:entication)? )?mechanism"
                                + "|auth(?:entication)? (?:mechanism|method|type) (?:is )?not (?:supported|available"
                                + "|enabled)|(?:does not|doesn't) support the selected authentication method"
                                + "|(?:does not|doesn't) seem to support encrypted passwords"
                                + "|no (?:supported|suitable|common|usable) auth(?:entication)? (?:mechanisms?"
                                + "|methods?)")
                        .gives(SMTP_CREDENTIALS_REJECTED, 0.62).gives(WRONG_SECURITY, 0.40).backedBy("504 535 5.7.4 "
                                + "5.5.4")
                        .says("the authentication method set in the client is not one the server offers (servers often "
                                + "offer their methods only after STARTTLS)"),

                // app passwords, OAuth, SMTP AUTH switched off
                when("application", "app", "apppassword", "apppasswords")
                        .re("(?:application|app)[- ]specific password|app ?passwords?(?![a-z])|application password")
                        .gives(APP_PASSWORD_REQUIRED, 0.92).backedBy("534 535 5.7.9 5.7.8")
                        .says("the provider wants an app-specific password instead of the account password"),
                when("invalidsecondfactor", "second")
                        .re("invalidsecondfactor|second factor").gives(APP_PASSWORD_REQUIRED, 0.85)
                        .backedBy("534 5.7.9")
                        .says("the account has 2-step verification, so mail apps need an app-specific password"),
                when("log", "login", "sign", "signin", "web", "weblogin", "webloginrequired")
                        .re("(?:log|sign) ?in (?:via|with|through|using|from|to) (?:your |a )?web ?browser"
                                + "|web ?login (?:is )?required|webloginrequired")
                        .gives(APP_PASSWORD_REQUIRED, 0.72).gives(OAUTH_REQUIRED, 0.45).backedBy("534 535 5.7.14 5.7.9 "
                                + "5.7.1")
                        .says("the provider blocked a password sign-in from a mail app; it wants an app-specific "
                                + "password (or OAuth) instead of the account password"),
                when("less", "lesssecureapps")
                        .re("less secure apps?|lesssecureapps").gives(APP_PASSWORD_REQUIRED, 0.60)
                        .gives(OAUTH_REQUIRED, 0.55)
                        .says("the provider no longer lets mail apps sign in with the account password"),
                when("secure").re("secure mail key").gives(APP_PASSWORD_REQUIRED, 0.90)
                        .says("the provider wants a secure mail key instead of the account password"),
                when("basic")
                        .re("basic auth(?:entication)? (?:is |has been )?(?:disabled"
                                + "|not (?:supported|allowed|enabled|permitted)|deprecated|turned off|blocked"
                                + "|no longer (?:supported|allowed|available))")
                        .gives(SMTP_AUTH_DISABLED, 0.90).gives(OAUTH_REQUIRED, 0.80).backedBy("535 5.7.139 5.7.3")
                        .says("password (basic) authentication is switched off; the client must sign in with OAuth2"),
                when("oauth", "oauth2", "use", "requires", "require", "must", "only", "switch", "modern", "xoauth")
                        .re("oauth ?2?(?: authentication)?(?: is)? (?:required|only|mandatory)"
                                + "|(?:use|requires?|must use|only (?:supports?|accepts?)|switch to) (?:oauth"
                                + "|modern auth)|modern auth(?:entication)? (?:is )?(?:required|only)"
                                + "|xoauth is no longer supported")
                        .gives(OAUTH_REQUIRED, 0.85).backedBy("535 534 504 5.7.139 5.7.4")
                        .says("the provider accepts only OAuth2 sign-in for sending"),
                when("security")
                        .re("security defaults").gives(SMTP_AUTH_DISABLED, 0.85).gives(OAUTH_REQUIRED, 0.65)
                        .backedBy("535 5.7.139").server("microsoft365")
                        .says("the organisation's security defaults block password sign-in for SMTP"),
                when("smtp", "smtpclientauthentication", "smtpauth", "authenticated")
                        .re("smtp ?client ?authentication (?:is )?(?:disabled|not enabled|turned off)"
                                + "|smtp[ -]?auth(?:entication)? (?:is |has been )?(?:disabled|not enabled|turned off"
                                + "|switched off)|authenticated smtp (?:is )?(?:disabled|not enabled|turned off)")
                        .gives(SMTP_AUTH_DISABLED, 0.93).backedBy("535 5.7.139 5.7.3")
                        .says("SMTP AUTH is switched off for the tenant or mailbox; the password is not the problem"),
                when("did").re("did not meet the criteria to be authenticated")
                        .gives(SMTP_AUTH_DISABLED, 0.85).backedBy("535 5.7.139").server("microsoft365")
                        .says("Microsoft 365 does not allow SMTP AUTH for this mailbox (or a sign-in policy such as "
                                + "MFA blocks it)"));
    }
}
