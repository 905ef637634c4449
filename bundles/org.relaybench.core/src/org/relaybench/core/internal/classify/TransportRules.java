package org.relaybench.core.internal.classify;

import static org.relaybench.core.CauseCode.ACCOUNT_STALE;
import static org.relaybench.core.CauseCode.NOT_SMTP;
import static org.relaybench.core.CauseCode.NO_GREETING;
import static org.relaybench.core.CauseCode.PRIMARY_SMTP_BROKEN;
import static org.relaybench.core.CauseCode.PROTOCOL_VIOLATION;
import static org.relaybench.core.CauseCode.RATE_LIMITED;
import static org.relaybench.core.CauseCode.SERVER_TOO_SLOW;
import static org.relaybench.core.CauseCode.SERVER_UNREACHABLE;
import static org.relaybench.core.CauseCode.SERVICE_UNAVAILABLE;
import static org.relaybench.core.CauseCode.SMTP_USERNAME_FORM;
import static org.relaybench.core.CauseCode.TLS_CERTIFICATE_INVALID;
import static org.relaybench.core.CauseCode.TLS_HANDSHAKE_FAILED;
import static org.relaybench.core.CauseCode.TLS_REQUIRED;
import static org.relaybench.core.CauseCode.WRONG_SECURITY;
import static org.relaybench.core.CauseCode.WRONG_SMTP_HOST;
import static org.relaybench.core.CauseCode.WRONG_SMTP_PORT;
import static org.relaybench.core.internal.classify.Rule.when;

import java.util.List;

/**
 * Phrases about the connection and the session: TLS, certificates, reaching the server, limits,
 * the protocol itself, and settings (port, host, user name form).
 */
final class TransportRules {

    private static final String TLS_CODES = "530 538 504 454 5.7.0 5.7.10 5.7.11 5.5.4 4.7.0";
    private static final String LIMIT_CODES = "421 450 451 452 454 550 554 535 4.7.0 4.7.1 4.3.2 5.4.5 4.4.5 5.7.0 "
            + "5.7.1";

    private TransportRules() {
    }

    static List<Rule> rules() {
        return List.of(
                // TLS demanded, offered or failing
                when("must").re("must issue a starttls command first")
                        .gives(TLS_REQUIRED, 0.95).gives(WRONG_SECURITY, 0.50).backedBy(TLS_CODES)
                        .says("the server wants STARTTLS before it accepts AUTH or MAIL"),
                when("starttls", "tls", "ssl", "encryption", "secure", "encrypted")
                        .re("(?:starttls|tls|ssl|ssl/tls|encryption|secure connection|encrypted connection"
                                + "|secure channel)(?: is)? (?:required|needed|mandatory)")
                        .gives(TLS_REQUIRED, 0.88).gives(WRONG_SECURITY, 0.50).backedBy(TLS_CODES)
                        .says("the server accepts authentication or mail only over an encrypted connection"),
                when("requires", "require")
                        .re("requires? (?:a |an )?(?:secure connection|secure channel|encrypted connection|tls|ssl"
                                + "|starttls|encryption)")
                        .gives(TLS_REQUIRED, 0.80).gives(WRONG_SECURITY, 0.45).backedBy(TLS_CODES)
                        .says("the server requires an encrypted connection"),
                when("use", "issue", "send", "try", "run", "starttls")
                        .re("(?:use|issue|send|try|run) (?:the )?starttls(?! extension)|starttls (?:first|before)")
                        .gives(TLS_REQUIRED, 0.85).gives(WRONG_SECURITY, 0.45).backedBy(TLS_CODES)
                        .says("the server tells the client to start TLS first"),
                when("plaintext", "plain", "cleartext", "clear", "unencrypted", "insecure", "non", "nonsecure")
                        .re("(?:plaintext|plain text|cleartext|clear text) (?:auth(?:entication)?|login"
                                + "|passwords?)(?: is| are)? (?:disallowed|not allowed|not permitted|disabled|rejected)"
                                + "|(?:unencrypted|insecure|non-secure|nonsecure|non-encrypted) (?:connections?"
                                + "|sessions?|channels?)(?: is| are)? (?:not allowed|not permitted|disallowed|rejected"
                                + "|refused)")
                        .gives(TLS_REQUIRED, 0.85).gives(WRONG_SECURITY, 0.50).backedBy(TLS_CODES)
                        .says("the server refuses passwords over an unencrypted connection"),
                when("starttls", "tls", "ssl", "does", "doesn", "did", "didn", "no")
                        .re("(?:starttls|tls|ssl)(?: extension)?(?: is| was)? not (?:supported|advertised|offered"
                                + "|enabled)"
                                + "|(?:does not|doesn't|did not|didn't) (?:advertise|support|offer) (?:that feature"
                                + "|starttls|tls|ssl|secure connections?|encrypt(?:ion|ed connections?)"
                                + "|ssl-secured connections?)|does not support the connection encryption type"
                                + "|no starttls")
                        .gives(WRONG_SECURITY, 0.78).gives(TLS_HANDSHAKE_FAILED, 0.45)
                        .says("the security setting does not fit the server: it offers no STARTTLS (or TLS) on this "
                                + "port"),
                when("wrong", "plaintext", "unrecognized", "not", "ssl3", "packet", "unknown")
                        .re("wrong version number|plaintext connection\\?|unrecognized ssl message"
                                + "|not an ssl/tls record|ssl3_get_record|packet length too long|unknown protocol")
                        .gives(WRONG_SECURITY, 0.78).gives(TLS_HANDSHAKE_FAILED, 0.50)
                        .says("TLS was started on a port that speaks plain SMTP (or the reverse): implicit TLS and "
                                + "STARTTLS are mixed up"),
                when("handshake", "sslhandshakeexception", "ssl", "tls", "could", "couldn", "unable", "cannot", "can",
                        "failed", "starttls", "no", "protocol")
                        .re("handshake(?:[ _](?:failed|failure|error|alert|timed out))?|sslhandshakeexception"
                                + "|(?:ssl|tls) (?:negotiation|connection) failed"
                                + "|(?:could not|couldn't|unable to|cannot|can't|failed to) (?:establish|create"
                                + "|negotiate|start|set up) (?:a |an )?(?:secure|ssl|tls|encrypted) (?:connection|link"
                                + "|channel|session)|could not convert socket to tls"
                                + "|starttls (?:failed|negotiation failed)|no appropriate protocol|protocol version"
                                + "|tls not available due to")
                        .gives(TLS_HANDSHAKE_FAILED, 0.78).backedBy("454 4.7.0")
                        .says("the TLS handshake with the server failed"),
                when("error").re("error in tls transaction").gives(TLS_HANDSHAKE_FAILED, 0.40)
                        .says("the session failed while negotiating TLS"),

                // certificates
                when("certificate", "expired", "untrusted", "self", "invalid", "revoked", "bad", "mismatched", "pkix",
                        "unable", "cannot", "identity", "no", "hostname", "x509")
                        .re("certificate.{0,60}?(?:expired|not (?:yet )?valid|untrusted|not trusted|self[- ]signed"
                                + "|does ?n[o']t match|mismatch|unknown (?:ca|issuer|authority)"
                                + "|verif[a-z]* (?:failed|error)|invalid|revoked|(?:cannot|could not|can't) be verified"
                                + "|is not valid)|certificate_verify_failed"
                                + "|(?:expired|untrusted|self[- ]signed|invalid|revoked|bad|mismatched) (?:ssl |tls "
                                + "|server |security |x\\.?509 )?certificate|pkix path (?:building|validation) failed"
                                + "|unable to find valid certification path|cannot verify server identity"
                                + "|identity of .{0,120}? cannot be verified"
                                + "|no subject alternative (?:dns )?names? matching"
                                + "|hostname .{0,80}? (?:does ?n[o']t|did not) match|x509: certificate")
                        .reach(160).gives(TLS_CERTIFICATE_INVALID, 0.88)
                        .says("the server's certificate is expired, untrusted or issued for another name"),

                // reaching the server
                when("connection", "econnrefused", "connectexception", "could", "couldn", "cannot", "can", "unable",
                        "failed", "unknownhostexception", "unknown", "name", "no", "host", "nodename", "getaddrinfo",
                        "enotfound", "network", "smtp", "is", "server")
                        .re("connection refused|econnrefused|connectexception|could not be resolved"
                                + "|(?:could not|couldn't|cannot|can't|unable to|failed to) resolve"
                                + "|unknownhostexception|unknown host|name or service not known|no such host"
                                + "|host not found|nodename nor servname|getaddrinfo|enotfound|network is unreachable"
                                + "|no route to host|host (?:is )?unreachable|cannot be contacted"
                                + "|(?:could not|couldn't|cannot|can't|unable to|failed to) (?:connect|reach|contact"
                                + "|open (?:a )?connection)|smtp connect\\(\\) failed|is refusing (?:smtp )?connections"
                                + "|server (?:is |may be )?(?:not responding|unavailable)|is not responding")
                        .gives(SERVER_UNREACHABLE, 0.78)
                        .says("the outgoing server could not be reached (name not found, connection refused or no "
                                + "answer)"),
                when("server", "host")
                        .re("(?:server|host)(?: \\(smtp\\))? [^ ]{1,160} (?:is unknown|could not be found|was not found"
                                + "|cannot be found)")
                        .reach(220).gives(SERVER_UNREACHABLE, 0.80)
                        .says("the outgoing server's name could not be found (DNS)"),
                when("connection", "connect", "operation", "socket", "timed", "etimedout")
                        .re("(?:connection |connect |operation |socket )?timed out|etimedout|connect(?:ion)? timeout")
                        .gives(SERVER_UNREACHABLE, 0.65).gives(SERVER_TOO_SLOW, 0.35)
                        .says("the connection to the outgoing server timed out"),
                when("read", "timed", "timeout", "waiting", "too", "took", "deadline")
                        .re("read timed out|timed out waiting for (?:a |the )?(?:response|reply|data)"
                                + "|timeout waiting for|waiting for a response from|too slow|took too long"
                                + "|deadline (?:exceeded|passed)")
                        .gives(SERVER_TOO_SLOW, 0.70).gives(SERVER_UNREACHABLE, 0.45)
                        .says("the server connected but did not answer in time"),
                when("connection", "unexpectedly", "broken")
                        .re("connection (?:to(?: [^ ]{1,160}){1,4} )?(?:was lost|was interrupted|was reset"
                                + "|reset by peer|closed unexpectedly)|connection reset"
                                + "|unexpectedly (?:closed|terminated) the connection|broken pipe")
                        .reach(260).gives(SERVER_UNREACHABLE, 0.50).gives(WRONG_SECURITY, 0.40)
                        .says("the server dropped the connection; a TLS setting that does not fit the port is a common "
                                + "reason"),
                when("no", "missing", "did", "didn", "didnt", "never", "greeting", "banner", "waiting")
                        .re("(?:no |missing |did ?n[o']t (?:send|receive|get) (?:a |the |an )?"
                                + "|never (?:sent|received) (?:a |the )?)(?:smtp )?(?:greeting|banner)"
                                + "|(?:greeting|banner) (?:timeout|timed out|not received|never (?:came|arrived))"
                                + "|waiting for (?:the |a )?(?:smtp )?(?:greeting|banner)")
                        .gives(NO_GREETING, 0.80).says("the server accepted the connection but sent no SMTP greeting"),
                when("not", "does", "doesn", "did", "didn", "non", "unexpected", "ok", "http", "ssh")
                        .re("not an? smtp server|(?:does not|doesn't|did not|didn't) (?:speak|talk|look like) smtp"
                                + "|non-smtp|unexpected (?:greeting|banner)|(?<=(?:^|[:'\"] )(?:\\+|\\* ))ok(?= |$)"
                                + "|http/1\\.[01] [0-9]{3}|ssh-2\\.0-")
                        .gives(NOT_SMTP, 0.75).says("the peer does not speak SMTP: wrong port or protocol"),

                // temporary refusals
                when("too").re("too many").gives(RATE_LIMITED, 0.80).backedBy(LIMIT_CODES)
                        .says("too many attempts or messages: the server is limiting this account for now"),
                when("rate", "ratelimit", "ratelimited", "sending", "send", "message", "daily", "hourly", "connection",
                        "limit", "quota", "exceeded", "throttled", "throttling", "throttle", "temporarily", "unusual",
                        "unexpected")
                        .re("rate[- ]?limit(?:ed|ing)?|rate (?:exceeded|too high)"
                                + "|(?:sending|send|message|daily|hourly|connection) (?:limit|quota)"
                                + "|(?:limit|quota) (?:exceeded|reached)"
                                + "|exceeded (?:the |your |our )?(?:sending |daily |hourly )?(?:limit|quota|rate)"
                                + "|throttl(?:ed|ing|e)|temporarily (?:deferred|blocked|suspended)"
                                + "|(?:unusual|unexpected) (?:volume|activity)")
                        .gives(RATE_LIMITED, 0.82).backedBy(LIMIT_CODES)
                        .says("a sending or login limit was reached; it clears by itself after a while"),
                when("try", "retry", "please", "come").re("(?:try|retry|please try) (?:again )?later|come back later")
                        .gives(RATE_LIMITED, 0.62).gives(SERVICE_UNAVAILABLE, 0.45).backedBy(LIMIT_CODES)
                                .expectsClass(4)
                        .says("the server refuses for now and asks to try again later"),
                when("service", "closing", "server", "system", "too", "temporarily")
                        .re("service (?:is )?(?:not available|unavailable|temporarily unavailable)"
                                + "|closing transmission channel"
                                + "|(?:server|system|service) (?:is )?(?:too busy|busy|overloaded)|too busy"
                                + "|temporarily (?:unavailable|rejected)")
                        .gives(SERVICE_UNAVAILABLE, 0.75).backedBy("421 450 451 4.3.2 4.3.0 4.7.0").expectsClass(4)
                        .says("the server refuses service for now"),

                // protocol and settings
                when("command", "syntax", "unrecognized", "unrecognised", "unknown", "line", "malformed", "invalid",
                        "unexpected", "bad")
                        .re("(?:command|syntax) (?:unrecognized|unrecognised|not recognized|not recognised|error)"
                                + "|unrecognized command|unknown command|line too long"
                                + "|malformed (?:reply|response|line)|invalid (?:smtp )?(?:reply|response)"
                                + "|unexpected (?:reply|response)|bad sequence of commands")
                        .gives(PROTOCOL_VIOLATION, 0.40).backedBy("500 501 502 503 5.5.1 5.5.2 5.5.0")
                        .says("a command or reply broke the SMTP protocol"),
                when("wrong", "incorrect", "invalid", "port", "block", "blocks", "blocked", "blocking", "use", "try",
                        "switch", "not")
                        .re("(?:wrong|incorrect|invalid) port"
                                + "|port 25 (?:is |has been |was )?(?:blocked|closed|filtered|not allowed|not permitted"
                                + "|restricted)"
                                + "|block(?:s|ed|ing)? (?:outbound |outgoing )?(?:traffic (?:on|to) )?port 25"
                                + "|(?:use|try|switch to) port (?:587|465)"
                                + "|not (?:allowed|permitted|available|supported|offered) on port 25")
                        .gives(WRONG_SMTP_PORT, 0.80)
                        .says("the port is not one the provider offers for sending (port 25 is for servers and often "
                                + "blocked; clients use 587 or 465)"),
                when("auth", "authentication")
                        .re("(?<!smtp )auth(?:entication)? (?:is )?not (?:enabled|available|advertised|offered)"
                                + "|auth command used when not advertised")
                        .gives(WRONG_SMTP_PORT, 0.50).gives(WRONG_SECURITY, 0.42).backedBy("503 5.5.1")
                        .says("the server offers no authentication here: likely a port meant for servers (25) instead "
                                + "of the submission port, or AUTH is offered only after STARTTLS"),
                when("wrong", "incorrect", "invalid", "not", "mx", "inbound", "incoming")
                        .re("(?:wrong|incorrect|invalid) (?:outgoing |smtp )(?:mail )?(?:server|host)"
                                + "|not (?:an? |the )?(?:valid |correct )?(?:outgoing|smtp"
                                + "|submission) (?:mail )?(?:server|host) for"
                                + "|(?:mx|inbound|incoming)(?:-only)? (?:server|host)s? (?:do(?:es)? not|don't"
                                + "|cannot) accept (?:authenticated |client )?(?:submissions?|mail from clients"
                                + "|authentication)")
                        .gives(WRONG_SMTP_HOST, 0.75).says("the outgoing host is not the provider's submission server"),
                when("user", "username", "login", "use", "invalid")
                        .re("(?:user ?name|login|user id)(?: must| should| needs to)? (?:be|include|contain) (?:the "
                                + "|your )?(?:full|complete|entire|whole) (?:e-?mail )?address"
                                + "|use (?:your |the )?(?:full|complete|entire) (?:e-?mail )?address as (?:the "
                                + "|your )?(?:user ?name|login)|invalid user ?name format")
                        .gives(SMTP_USERNAME_FORM, 0.92).backedBy("535 5.7.8 5.7.3 5.7.1")
                        .says("the user name must be the full e-mail address"),
                when("remove", "delete")
                        .re("(?:remove|delete) (?:the |this |your )?account and (?:add|set) it (?:up )?again"
                                + "|(?:remove|delete) and re-?add (?:the |this |your )?account")
                        .gives(ACCOUNT_STALE, 0.60).says("the account needs removing and adding back"),
                when("primary")
                        .re("primary (?:outgoing |smtp )?server (?:is )?(?:off|unavailable|not available|failed"
                                + "|not responding|turned off)")
                        .gives(PRIMARY_SMTP_BROKEN, 0.60).says("the primary outgoing server fails"));
    }
}
