package org.relaybench.core.internal.classify;

import static org.relaybench.core.CauseCode.MAILBOX_FULL;
import static org.relaybench.core.CauseCode.MESSAGE_REJECTED;
import static org.relaybench.core.CauseCode.MESSAGE_TOO_LARGE;
import static org.relaybench.core.CauseCode.RATE_LIMITED;
import static org.relaybench.core.CauseCode.RECIPIENT_UNKNOWN;
import static org.relaybench.core.CauseCode.SENDER_AUTHENTICATION_FAILED;
import static org.relaybench.core.CauseCode.SENDER_BLOCKED;
import static org.relaybench.core.CauseCode.SENDER_REJECTED;
import static org.relaybench.core.internal.classify.Rule.when;

import java.util.List;

/**
 * Phrases of replies that are not about the device's sending settings: the recipient does not exist,
 * its mailbox is full, the message is too large or its content was refused, the sending IP is
 * blocklisted, the envelope sender was refused, SPF/DKIM/DMARC failed. These rules are
 * {@linkplain Rule.Kind#DELIVERY delivery} rules: where one matches, what a mail client guessed
 * ("does not allow relaying", "recipient rejected") is set aside, since the server said why.
 * Wordings come from RFC 3463/5248/7372/7505, the MTAs' sources and the providers' published lists
 * of their replies (see the corpus in the core tests).
 */
final class DeliveryRules {

    private static final String RECIPIENT_CODES = "550 551 553 554 556 450 5.1.1 5.1.0 5.1.2 5.1.3 5.1.6 5.1.10 5.2.1 "
            + "5.4.1 5.5.0 4.1.1 4.1.2";
    private static final String QUOTA_CODES = "552 452 450 550 554 5.2.2 4.2.2 5.2.0 5.7.0";
    private static final String SIZE_CODES = "552 554 550 5.3.4 5.2.3 5.3.0 4.3.4 5.7.0";
    private static final String CONTENT_CODES = "550 554 552 5.7.1 5.7.0 5.6.0 5.7.7 5.7.9 5.7.133 5.3.0";
    private static final String BLOCK_CODES = "550 554 553 421 450 451 5.7.1 4.7.1 5.7.0 4.7.0 5.7.25 5.3.0 5.7.28 "
            + "4.7.28 5.7.2";
    private static final String SENDER_CODES = "550 553 554 450 451 5.1.8 5.1.7 4.1.8 5.7.27 5.1.0 5.7.1";
    private static final String SPF_CODES = "550 554 451 5.7.1 5.7.23 5.7.24 4.7.24 5.7.26 4.7.26 5.7.27 5.7.509 5.7.9 "
            + "5.7.20 5.7.21 5.7.22";

    private DeliveryRules() {
    }

    static List<Rule> rules() {
        return List.of(
                // the recipient does not exist
                when("user", "recipient", "mailbox", "address", "account", "unknown", "no", "invalid", "bad",
                        "destination")
                        .re("(?:user|recipient|mailbox|addressee|address|account)(?: address)? (?:is )?(?:unknown|not found"
                                + "|does not exist|doesn't exist|not known)"
                                + "|unknown (?:user|recipient|mailbox|local[- ]part|address)"
                                + "|no such (?:user|recipient|mailbox|address|account)"
                                + "|(?:invalid|bad) (?:recipient|destination mailbox|mailbox)(?: address)?"
                                + "|recipient not found|destination mailbox address"
                                + "|(?:account|address) (?:that )?you tried to reach (?:does not exist|is disabled)"
                                + "|address (?:you entered )?(?:couldn't|could not|can't|cannot) be found")
                        .gives(RECIPIENT_UNKNOWN, 0.90).backedBy(RECIPIENT_CODES).delivery()
                        .says("the recipient address does not exist: the sending settings are not at fault"),
                when("no", "unrouteable", "unroutable", "resolver", "doesn", "does", "recipient", "mailbox",
                        "this", "user")
                        .re("no mailbox here by that name|unr(?:oute|out)able (?:address|domain|mail domain)"
                                + "|resolver\\.adr\\.recip(?:ient)?notfound"
                                + "|(?:doesn't|does not) have an? [^ ]{1,60} account"
                                + "|recipient address rejected: (?:access denied|user unknown|unknown user"
                                + "|undeliverable address|mailbox unavailable)"
                                + "|(?:this )?mailbox (?:is |has been )?(?:disabled|inactive|deactivated)"
                                + "|recipient address has null mx|user not local")
                        .gives(RECIPIENT_UNKNOWN, 0.90).backedBy(RECIPIENT_CODES).delivery()
                        .says("the recipient address does not exist or no longer takes mail: the sending settings "
                                + "are not at fault"),
                when("host", "domain", "recipient", "destination", "weren", "were", "name")
                        .re("host or domain name not found|(?:recipient|destination) domain (?:not found"
                                + "|does not exist|doesn't exist|has no (?:mx|mail server))"
                                + "|(?:weren't|were not) able to find the recipient domain"
                                + "|domain (?:not found|does not exist)(?= \\(in reply to rcpt| for rcpt)"
                                + "|(?<=recipient address rejected: )domain not found"
                                + "|name service error for name=")
                        .reach(160).gives(RECIPIENT_UNKNOWN, 0.90).backedBy(RECIPIENT_CODES).delivery()
                        .says("the recipient's domain does not exist (no mail server is published for it): the "
                                + "address is probably mistyped"),
                when("mailbox", "requested")
                        .re("(?:requested action not taken: )?mailbox (?:is )?unavailable(?![^.;]{0,60}relay)")
                        .gives(RECIPIENT_UNKNOWN, 0.62).backedBy("550 5.5.0 5.1.1").delivery()
                        .says("the recipient's mailbox is unavailable, most often because the address does not "
                                + "exist"),

                when("address").re("(?<!sender )(?<!recipient )address rejected(?! ?:)")
                        .gives(RECIPIENT_UNKNOWN, 0.75).backedBy(RECIPIENT_CODES).delivery()
                        .says("the recipient's address was refused, most often because it does not exist"),

                // the recipient's mailbox is full
                when("mailbox", "over", "user", "disk", "storage", "quota", "quotaexceededexception",
                        "exceeded", "account", "maildir", "inbox", "out", "mapiexceptionshutoffquotaexceeded")
                        .re("mailbox (?:for user )?(?:is |was )?(?:full|over (?:its |the )?quota)"
                                + "|mailbox (?:has )?exceeded (?:its |the )?(?:quota|storage|size)|mailbox size limit"
                                + "|over (?:the )?(?:quota|storage limit)(?! limit)"
                                + "|(?:user|mailbox|disk|storage) quota (?:exceeded|exceed|full)"
                                + "|quota exceeded \\((?:mailbox|user)|quotaexceededexception|quota ?exceeded(?=;)"
                                + "|mapiexceptionshutoffquotaexceeded"
                                + "|exceeded (?:the |their |his |her |its )?(?:storage allocation|mailbox (?:quota|size|limit))"
                                + "|(?:account|inbox) (?:that you tried to reach )?is (?:over quota|full)"
                                + "|maildir has overflowed|inbox is out of storage|out of storage space")
                        .gives(MAILBOX_FULL, 0.92).backedBy(QUOTA_CODES).delivery()
                        .says("the recipient's mailbox is full: the recipient must make room, or the customer tries "
                                + "again later"),

                // the message is too large
                when("message", "too", "exceeds", "exceeded", "size", "maximum", "resolver", "mail", "email", "e")
                        .re("message (?:file |size |length )?(?:exceeds|exceeded|is too (?:big|large)|too (?:big|large)"
                                + "|is larger than|size limit)"
                                + "|(?:mail|email|e-mail) (?:is )?too (?:big|large)"
                                + "|too (?:big|large) for (?:this )?(?:system|recipient|the recipient)"
                                + "|exceeds? (?:the |my |our )?(?:fixed |maximum |max |permitted |allowed )?(?:maximum "
                                + "|permitted )?(?:message |email |e-mail )?(?:size|databytes)"
                                + "|size (?:exceeds|exceeded|too (?:big|large))"
                                + "|maximum (?:email |message |e-mail )?size (?:exceeded|reached)"
                                + "|resolver\\.rst\\.recipsizelimit")
                        .gives(MESSAGE_TOO_LARGE, 0.92).backedBy(SIZE_CODES).delivery()
                        .says("the message is larger than the receiving server accepts: send smaller attachments or "
                                + "a link instead"),

                // the content was refused: spam, virus
                when("detected", "identified", "classified", "considered", "flagged", "marked", "rejected", "spam",
                        "looks", "appears", "likely", "high", "virus", "malware", "infected", "contains", "contained", "phishing",
                        "content",
                        "message", "suspicious", "blocked", "dangerous", "unsolicited", "bulk")
                        .re("(?:detected|identified|classified|considered|flagged|marked|rejected) as (?:spam|junk"
                                + "|bulk|unsolicited)"
                                + "|spam (?:detected|message|content|score|filter|policy)"
                                + "|(?:looks|appears) (?:like|to be) (?:spam|unsolicited)"
                                + "|likely (?:to be )?(?:unsolicited|spam)|high probability of being spam"
                                + "|(?:virus|malware)(?:es)? (?:detected|found|infected)|infected (?:with|by)"
                                + "|(?:contains|contained) (?:a |an )?(?:virus|malware|dangerous)"
                                + "|phishing|content (?:rejected|refused|not accepted|blocked|filter)"
                                + "|message content (?:rejected|refused)|blocked because its content"
                                + "|content presents a potential security issue|suspicious (?:content|attachment|links?)"
                                + "|dangerous (?:content|attachment)|unsolicited (?:mail|bulk|commercial)(?! originat)"
                                + "|bulk (?:mail|email) (?:rejected|not accepted)")
                        .gives(MESSAGE_REJECTED, 0.90).backedBy(CONTENT_CODES).delivery()
                        .says("the receiving server refused the message's content as spam or dangerous: the settings "
                                + "are not at fault"),
                when("spam", "infected", "virus", "unacceptable", "illegal", "missing", "message", "considered",
                        "detected")
                        .re("spam(?![a-z])|infected|virus(?:es)?|unacceptable content|illegal attachment"
                                + "|missing a valid address in from|message filtered"
                                + "|considered (?:as )?(?:spam|junk)|detected (?:your|this|the) (?:message|e-?mail) as spam")
                        .gives(MESSAGE_REJECTED, 0.80).backedBy(CONTENT_CODES).delivery()
                        .says("the receiving server's filter refused the message as spam, infected or not acceptable"),
                when("administrative").re("administrative prohibition")
                        .gives(MESSAGE_REJECTED, 0.60).backedBy("550 554").delivery()
                        .says("the receiving server refused the message by a local rule without saying which"),
                // Exchange's delivery restrictions: "authentication" here is the sender's to the group, not SMTP AUTH
                when("resolver", "sendernotauthenticatedforgroup", "sendernotauthenticatedformailbox", "delivery")
                        .re("(?:resolver\\.rst\\.)?sendernotauthenticatedfor(?:group|mailbox)(?:; authentication "
                                + "required)?(?:; delivery restriction check failed as sender not authenticated)?"
                                + "|delivery restriction check failed as sender not authenticated")
                        .reach(200).gives(MESSAGE_REJECTED, 0.95).backedBy(CONTENT_CODES).delivery()
                        .says("the recipient (a group or mailbox) accepts mail only from senders of its own "
                                + "organisation; the device's sign-in is not what is meant"),
                // the content was refused: policy, restrictions, malformed messages
                when("not", "message", "email", "mail", "e", "rejected", "refused", "policy", "delivery",
                        "sendernotauthenticatedforgroup", "resolver", "does", "doesn", "group", "attachment", "invalid", "bare", "smtpsend", "barelinefeedsareillegal",
                        "media", "integrity", "organization", "your")
                        .re("not accepted for policy reasons|(?:message|email|e-mail|mail) (?:was )?(?:rejected"
                                + "|refused|blocked|not accepted) (?:due to|for|because of|by) (?:local |content "
                                + "|security |our )?(?:polic(?:y|ies)|filter|rules?)"
                                + "|(?:rejected|refused) (?:due to|because of) (?:content|security) (?:polic|restriction)"
                                + "|policy violation|delivery restriction|sendernotauthenticatedforgroup"
                                + "|resolver\\.rst\\.(?:notauthorized|authrequired|sendernotauthenticatedforgroup)"
                                + "|(?:does not|doesn't) allow external forwarding"
                                + "|(?:your )?organization does not allow external forwarding"
                                + "|group (?:only )?accepts messages"
                                + "|attachment (?:type )?(?:is |was )?(?:not allowed|blocked|prohibited|rejected)"
                                + "|invalid message content|bare ?(?:linefeeds?|lf)|barelinefeedsareillegal"
                                + "|smtpsend\\.barelinefeedsareillegal|media not supported|message integrity failure"
                                + "|message (?:headers? )?(?:is |are )?not rfc ?5322"
                                + "|message (?:header|headers) (?:are |is )?(?:invalid|malformed)")
                        .reach(140).gives(MESSAGE_REJECTED, 0.86).backedBy(CONTENT_CODES).delivery()
                        .says("the receiving side refused the message by its policy or because the message is "
                                + "malformed: the sending settings are not at fault"),

                // the sending IP or host is blocklisted or has a bad reputation
                when("spamhaus", "spamcop", "barracuda", "sorbs", "dnsbl", "rbl", "blocked", "blacklist", "blacklisted",
                        "blocklist", "blocklisted", "block", "black", "deny", "denylist", "uceprotect", "abuseat",
                        "cbl", "spamrats", "cloudmark", "ipcheck", "is", "banned", "listed")
                        .re("blocked using|(?:spamhaus|spamcop|barracuda|sorbs|uceprotect|abuseat|spamrats|cloudmark)"
                                + "|dnsbl|rbl(?![a-z])|cbl(?![a-z])|(?:block|black|deny) ?list(?:ed)?"
                                + "|ipcheck\\.proofpoint|_?is_blocked|banned sending ip"
                                + "|listed (?:at|on|in|by) [^ ]{1,60}(?:bl|spamhaus|\\.org|\\.net)")
                        .gives(SENDER_BLOCKED, 0.90).backedBy(BLOCK_CODES).delivery()
                        .says("the sending IP address is on a blocklist: a device that sends through the provider's "
                                + "authenticated submission server is not affected; the provider or network owner asks "
                                + "for delisting"),
                when("reputation", "poor", "low", "bad", "unusual", "does", "doesn", "dynamic", "dynamically", "dial", "dialup",
                        "residential", "permanently", "connections", "block", "user", "spam", "not", "use")
                        .re("(?:(?:poor|low|bad) )?reputation|unusual rate of unsolicited"
                                + "|(?:does not|doesn't) (?:relay|accept mail from) dynamically[- ]assigned"
                                + "|(?:dynamic|dynamically[- ]assigned|dial-?up|residential) (?:ip|address|range|pool"
                                + "|host|client)|permanently deferred|connections (?:will not|won't) be accepted from"
                                + "|block for spam|(?:user|spam) complaints|not authori[sz]ed to send (?:e-?mail |mail )?directly"
                                + "|use the smtp relay at your service provider")
                        .gives(SENDER_BLOCKED, 0.88).backedBy(BLOCK_CODES).delivery()
                        .says("the receiving server refuses the sending IP address for its reputation or because it "
                                + "is in a consumer (dynamic) range: mail should go through the provider's "
                                + "authenticated submission server"),
                when("reverse", "ptr", "rdns", "cannot", "can", "unable")
                        .re("reverse (?:dns|lookup|hostname|dns lookup)|ptr record|rdns"
                                + "|(?:cannot|can't|unable to) find your (?:reverse )?host ?name"
                                + "|(?:cannot|can't|unable to) resolve your (?:ip|address|host ?name)")
                        .gives(SENDER_BLOCKED, 0.86).backedBy(BLOCK_CODES).delivery()
                        .says("the sending host has no valid reverse DNS (PTR) name, which receiving servers demand "
                                + "of servers sending directly: a device should send through its provider's "
                                + "submission server"),

                // the envelope sender was refused
                when("sender").re("sender address rejected: (?:domain not found|unverified address(?:: .{0,320})?"
                                + "|undeliverable address(?:: .{0,320})?|need fully-qualified address|malformed|access denied)"
                                + "|sender verif(?:y|ication) failed")
                        .reach(420)
                        .gives(SENDER_REJECTED, 0.95).backedBy(SENDER_CODES).delivery()
                        .says("the receiving server refused the envelope sender: its domain does not resolve or the "
                                + "address failed verification"),
                when("sender", "domain", "your", "envelope", "verification", "could", "unverified", "bad")
                        .re("domain of sender address [^ ]{1,160} does not (?:exist|resolve)"
                                + "|sender (?:domain )?(?:must exist|must resolve|does not exist|not found)"
                                + "|sender domain (?:is )?(?:invalid|unknown)"
                                + "|(?:your )?envelope sender (?:domain must exist|is in my badmailfrom list)"
                                + "|sender verif(?:y|ication) failed|verification failed for"
                                + "|could not verify (?:the )?sender|unverified address"
                                + "|sender address has null mx|bad sender'?s (?:mailbox|system) address"
                                + "|sender denied|sender (?:is )?(?:blacklisted|on (?:a|the|our) (?:block|black)list)")
                        .reach(220).gives(SENDER_REJECTED, 0.90).backedBy(SENDER_CODES).delivery()
                        .says("the receiving server refused the envelope sender (its domain does not resolve, or the "
                                + "address failed verification or is blocked)"),

                // SPF, DKIM, DMARC
                when("spf", "sender", "dkim", "dmarc", "failed", "unauthenticated", "mail", "must", "does", "doesn", "not",
                        "did", "didn", "multiple", "no", "is", "authenticate", "anti", "antispoofing")
                        .re("spf (?:check |validation |verification )?(?:failed|failure|fail|violation|hardfail"
                                + "|softfail|error|record)|sender policy framework"
                                + "|(?:dkim|dmarc)(?: (?:check|validation|verification|authentication))?"
                                + " (?:failed|failure|fail|policy|verification|signature)|dmarc"
                                + "|failed (?:the )?(?:spf|dkim|dmarc)|unauthenticated (?:email|message)"
                                + "|mail is unauthenticated|must authenticate with|authenticate with (?:either )?(?:at "
                                + "least one of )?spf"
                                + "|(?:does not|doesn't|did not|didn't) pass (?:spf|dkim|dmarc)"
                                + "|(?:does not|doesn't) designate [^ ]{1,60} as permitted sender"
                                + "|not designated as (?:a )?permitted sender|is not a designated sender"
                                + "|multiple authentication checks failed|no passing dkim"
                                + "|anti-?spoofing|antispoofing")
                        .reach(160).gives(SENDER_AUTHENTICATION_FAILED, 0.95).backedBy(SPF_CODES).delivery()
                        .says("the receiving server checked the sender's domain (SPF, DKIM, DMARC) and the message "
                                + "failed: the sending domain's DNS records, or the path the mail took, are at fault, "
                                + "not the device's settings"),

                // the recipient's server takes mail for this address only slowly
                when("receiving").re("receiving mail at a rate that prevents")
                        .gives(RATE_LIMITED, 0.86).backedBy("450 4.2.1").delivery()
                        .says("the recipient receives more mail than their server accepts for now: try later"));
    }
}
