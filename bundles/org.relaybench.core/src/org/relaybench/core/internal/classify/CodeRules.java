package org.relaybench.core.internal.classify;

import static org.relaybench.core.CauseCode.APP_PASSWORD_REQUIRED;
import static org.relaybench.core.CauseCode.NETWORK_RESTRICTED_RELAY;
import static org.relaybench.core.CauseCode.PROTOCOL_VIOLATION;
import static org.relaybench.core.CauseCode.RATE_LIMITED;
import static org.relaybench.core.CauseCode.RELAY_DENIED;
import static org.relaybench.core.CauseCode.SENDER_NOT_OWNED;
import static org.relaybench.core.CauseCode.SERVICE_UNAVAILABLE;
import static org.relaybench.core.CauseCode.SMTP_AUTH_DISABLED;
import static org.relaybench.core.CauseCode.SMTP_AUTH_MISSING;
import static org.relaybench.core.CauseCode.SMTP_CREDENTIALS_REJECTED;
import static org.relaybench.core.CauseCode.TLS_REQUIRED;

import java.util.List;
import java.util.Map;

import org.relaybench.core.CauseCode;
import org.relaybench.core.internal.classify.Rule.Outcome;

/**
 * What a reply code or enhanced status code says on its own. Only codes specific enough to point to
 * a cause are listed: 550 or 5.7.1 say "refused" and nothing more, so they only back the phrases
 * that come with them (see {@link Rule#backedBy}). Code-only outcomes are weaker than phrases.
 */
final class CodeRules {

    /**
     * What a code means.
     *
     * @param outcomes the causes it points to
     * @param server the service whose code it is, or null
     * @param reason what it means, for the agent
     */
    record Meaning(List<Outcome> outcomes, String server, String reason) {
    }

    private static final Map<String, Meaning> ENHANCED = Map.ofEntries(
            enhanced("5.7.54", "exchange", "Exchange refuses to relay to a domain it does not accept for an "
                    + "unauthenticated session", SMTP_AUTH_MISSING, 0.75, RELAY_DENIED, 0.60),
            enhanced("5.7.57", "microsoft365", "Microsoft 365 got MAIL FROM from a client that did not authenticate",
                    SMTP_AUTH_MISSING, 0.85, null, 0),
            enhanced("5.7.139", "microsoft365", "Microsoft 365 refuses SMTP AUTH for this tenant or mailbox",
                    SMTP_AUTH_DISABLED, 0.70, null, 0),
            enhanced("5.7.60", "microsoft365", "Microsoft 365 refuses a sender the mailbox may not send as",
                    SENDER_NOT_OWNED, 0.75, null, 0),
            enhanced("5.7.64", "microsoft365", "Microsoft 365 could not attribute the connection to a tenant",
                    NETWORK_RESTRICTED_RELAY, 0.70, null, 0),
            enhanced("5.7.8", null, "the authentication credentials are invalid (RFC 4954)",
                    SMTP_CREDENTIALS_REJECTED, 0.70, null, 0),
            enhanced("5.7.3", null, "authentication was unsuccessful (as Microsoft servers use it)",
                    SMTP_CREDENTIALS_REJECTED, 0.55, null, 0),
            enhanced("5.7.9", null, "the authentication mechanism is too weak; providers send it when an "
                    + "app-specific password is needed", APP_PASSWORD_REQUIRED, 0.60, null, 0),
            enhanced("5.7.14", null, "the provider wants a sign-in it trusts (web login or app-specific password)",
                    APP_PASSWORD_REQUIRED, 0.50, null, 0),
            enhanced("5.7.10", null, "encryption is needed (RFC 5248)", TLS_REQUIRED, 0.70, null, 0),
            enhanced("5.7.11", null, "encryption is required for the authentication mechanism (RFC 4954)",
                    TLS_REQUIRED, 0.70, null, 0),
            enhanced("5.4.5", null, "the mail system is congested or a sending quota is used up", RATE_LIMITED, 0.55,
                    null, 0),
            enhanced("5.5.1", null, "the command was not recognised", PROTOCOL_VIOLATION, 0.30, null, 0),
            enhanced("5.5.2", null, "the command had a syntax error", PROTOCOL_VIOLATION, 0.30, null, 0));

    private static final Map<Integer, Meaning> REPLY = Map.ofEntries(
            reply(530, "authentication is required (RFC 4954)", SMTP_AUTH_MISSING, 0.55),
            reply(535, "the authentication credentials were refused (RFC 4954)", SMTP_CREDENTIALS_REJECTED, 0.65),
            reply(534, "the authentication mechanism is too weak; providers send it when an app-specific password "
                    + "is needed", APP_PASSWORD_REQUIRED, 0.55),
            reply(538, "encryption is required for the authentication mechanism", TLS_REQUIRED, 0.65),
            reply(421, "the service is not available and the server closes the connection", SERVICE_UNAVAILABLE, 0.50),
            reply(500, "the command was not recognised", PROTOCOL_VIOLATION, 0.30),
            reply(502, "the command is not implemented", PROTOCOL_VIOLATION, 0.30));

    /** Enhanced codes saying the recipient does not exist. */
    private static final List<String> RECIPIENT_UNKNOWN = List.of("5.1.1", "5.1.10", "4.1.1");

    private CodeRules() {
    }

    static Meaning ofEnhanced(String enhanced) {
        return enhanced == null ? null : ENHANCED.get(enhanced);
    }

    static Meaning ofReply(int reply) {
        return reply < 0 ? null : REPLY.get(reply);
    }

    static boolean recipientUnknown(ReplyCodes.Code code) {
        return code.enhanced() != null && RECIPIENT_UNKNOWN.contains(code.enhanced());
    }

    private static Map.Entry<String, Meaning> enhanced(String code, String server, String reason, CauseCode first,
            double c1, CauseCode second, double c2) {
        List<Outcome> outcomes = second == null ? List.of(new Outcome(first, c1))
                : List.of(new Outcome(first, c1), new Outcome(second, c2));
        return Map.entry(code, new Meaning(outcomes, server, reason));
    }

    private static Map.Entry<Integer, Meaning> reply(int code, String reason, CauseCode cause, double confidence) {
        return Map.entry(code, new Meaning(List.of(new Outcome(cause, confidence)), null, reason));
    }
}
