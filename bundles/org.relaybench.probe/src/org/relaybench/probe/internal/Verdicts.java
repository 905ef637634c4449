package org.relaybench.probe.internal;

import org.relaybench.core.CauseCode;

/**
 * What a server's refusal means, stage by stage. Reply codes decide first, then the enhanced status
 * code (RFC 3463), then phrases that the common MTAs use (Postfix, Exim, Exchange, Gmail). All
 * refusals here leave the dialogue in step, so RSET and QUIT may follow.
 */
final class Verdicts {

    private Verdicts() {
    }

    private static ProbeFailure fail(CauseCode code, String what, Reply reply) {
        return new ProbeFailure(code, what + " (" + Escapes.text(reply.shown(), 300) + ")", reply.code() != 421);
    }

    /** A 421 ends any stage: the server refuses service for now and closes. */
    static ProbeFailure unavailable(String stage, Reply reply) {
        return fail(CauseCode.SERVICE_UNAVAILABLE, "the server refused service for now at " + stage, reply);
    }

    static ProbeFailure greeting(Reply reply) {
        if (reply.code() == 421 || reply.code() == 554) {
            return fail(CauseCode.SERVICE_UNAVAILABLE, "the server refuses this client at the greeting", reply);
        }
        return fail(CauseCode.PROTOCOL_VIOLATION, "the greeting is not 220", reply);
    }

    static ProbeFailure auth(Reply reply) {
        if (reply.code() == 421) {
            return unavailable("AUTH", reply);
        }
        if (reply.says("application-specific", "app password", "app-specific")) {
            return fail(CauseCode.APP_PASSWORD_REQUIRED, "the server wants an app-specific password", reply);
        }
        if (reply.enhanced().filter("5.7.139"::equals).isPresent() || reply.says("smtpclientauthentication is disabled")) {
            return fail(CauseCode.SMTP_AUTH_DISABLED, "SMTP AUTH is switched off for this mailbox", reply);
        }
        if (reply.code() == 538 || (reply.code() == 530 && reply.says("starttls"))) {
            return fail(CauseCode.TLS_REQUIRED, "the server wants TLS before AUTH", reply);
        }
        if (reply.code() == 454 || reply.code() / 100 == 4) {
            return fail(reply.says("too many", "rate") ? CauseCode.RATE_LIMITED : CauseCode.SERVICE_UNAVAILABLE,
                    "the server could not check the credentials for now", reply);
        }
        return fail(CauseCode.SMTP_CREDENTIALS_REJECTED, "the server refused the user name or password", reply);
    }

    /**
     * @param reply a refusal of MAIL FROM
     * @param authenticated whether AUTH succeeded before
     * @param authOffered whether the server offers AUTH
     */
    static ProbeFailure mail(Reply reply, boolean authenticated, boolean authOffered) {
        return refusal("MAIL FROM", reply, authenticated, authOffered);
    }

    /**
     * @param reply a refusal of RCPT TO
     * @param authenticated whether AUTH succeeded before
     * @param authOffered whether the server offers AUTH
     */
    static ProbeFailure rcpt(Reply reply, boolean authenticated, boolean authOffered) {
        return refusal("RCPT TO", reply, authenticated, authOffered);
    }

    private static ProbeFailure refusal(String command, Reply reply, boolean authenticated, boolean authOffered) {
        if (reply.code() == 421) {
            return unavailable(command, reply);
        }
        if (reply.says("not owned", "sender address rejected", "send as", "sendasdenied", "not allowed to send as")
                || reply.enhanced().filter("5.7.60"::equals).isPresent()) {
            return fail(authenticated ? CauseCode.SENDER_NOT_OWNED : CauseCode.RELAY_DENIED,
                    "the server refuses this sender address" + (authenticated ? " for this login" : ""), reply);
        }
        if (reply.says("starttls")) {
            return fail(CauseCode.TLS_REQUIRED, "the server demands STARTTLS first", reply);
        }
        if (reply.code() / 100 == 4) {
            boolean rate = reply.says("too many", "rate limit", "try again later", "exceeded");
            return fail(rate ? CauseCode.RATE_LIMITED : CauseCode.SERVICE_UNAVAILABLE,
                    "the server deferred " + command, reply);
        }
        boolean authWanted = reply.code() == 530 || reply.says("authentication required", "auth required",
                "authentication is required");
        boolean relay = reply.says("relay", "not permitted", "unable to relay", "not local")
                || reply.enhanced().filter(e -> e.equals("5.7.1") || e.equals("5.7.54")).isPresent();
        if (!authenticated && (authWanted || (relay && authOffered))) {
            return fail(CauseCode.SMTP_AUTH_MISSING,
                    "the server refuses to relay without authentication", reply);
        }
        if (relay && authenticated) {
            return fail(CauseCode.NETWORK_RESTRICTED_RELAY,
                    "the server refuses to relay even for this login: it relays only for some networks", reply);
        }
        return fail(CauseCode.RELAY_DENIED, "the server refused " + command
                + (authOffered ? "" : "; it offers no AUTH, so it is not a submission server"), reply);
    }
}
