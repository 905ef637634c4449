package org.relaybench.core.internal.classify;

import static org.relaybench.core.CauseCode.APP_PASSWORD_REQUIRED;
import static org.relaybench.core.CauseCode.MAILBOX_FULL;
import static org.relaybench.core.CauseCode.MESSAGE_REJECTED;
import static org.relaybench.core.CauseCode.MESSAGE_TOO_LARGE;
import static org.relaybench.core.CauseCode.RECIPIENT_UNKNOWN;
import static org.relaybench.core.CauseCode.SENDER_AUTHENTICATION_FAILED;
import static org.relaybench.core.CauseCode.SENDER_BLOCKED;
import static org.relaybench.core.CauseCode.SENDER_REJECTED;
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
            enhanced("5.5.2", null, "the command had a syntax error", PROTOCOL_VIOLATION, 0.30, null, 0),
            // delivery: not the client's settings (RFC 3463, RFC 5248, RFC 7372, RFC 7505, the IANA registry)
            enhanced("5.1.1", null, "the destination mailbox address does not exist", RECIPIENT_UNKNOWN, 0.60, null, 0),
            enhanced("4.1.1", null, "the destination mailbox address is not known (for now)", RECIPIENT_UNKNOWN, 0.45,
                    null, 0),
            enhanced("5.1.2", null, "the destination system (the recipient's domain) does not exist or takes no mail",
                    RECIPIENT_UNKNOWN, 0.55, null, 0),
            enhanced("5.1.3", null, "the destination address is not a valid address", RECIPIENT_UNKNOWN, 0.50, null, 0),
            enhanced("5.1.6", null, "the destination mailbox has moved and left no forwarding address",
                    RECIPIENT_UNKNOWN, 0.50, null, 0),
            enhanced("5.1.10", null, "the recipient's domain publishes a null MX: it takes no mail (RFC 7505)",
                    RECIPIENT_UNKNOWN, 0.60, null, 0),
            enhanced("5.2.1", null, "the destination mailbox is disabled and takes no messages", RECIPIENT_UNKNOWN, 0.45,
                    null, 0),
            enhanced("5.2.2", null, "the destination mailbox is full", MAILBOX_FULL, 0.65, null, 0),
            enhanced("4.2.2", null, "the destination mailbox is full (for now)", MAILBOX_FULL, 0.60, null, 0),
            enhanced("5.2.3", null, "the message is longer than the recipient's system allows", MESSAGE_TOO_LARGE, 0.60,
                    null, 0),
            enhanced("5.3.4", null, "the message is too big for the receiving system", MESSAGE_TOO_LARGE, 0.60, null, 0),
            enhanced("4.3.4", null, "the message is too big for the receiving system", MESSAGE_TOO_LARGE, 0.50, null, 0),
            enhanced("5.6.0", null, "the message's content or format was refused", MESSAGE_REJECTED, 0.45, null, 0),
            enhanced("5.6.1", null, "the message's media (content type) is not supported", MESSAGE_REJECTED, 0.45, null,
                    0),
            enhanced("5.7.7", null, "the message failed an integrity check", MESSAGE_REJECTED, 0.45, null, 0),
            enhanced("5.1.7", null, "the sender's address is not a valid address", SENDER_REJECTED, 0.55, null, 0),
            enhanced("5.1.8", null, "the sender's domain does not exist or takes no mail", SENDER_REJECTED, 0.60, null,
                    0),
            enhanced("4.1.8", null, "the sender's domain could not be verified (for now)", SENDER_REJECTED, 0.50, null,
                    0),
            enhanced("5.7.27", null, "the sender's domain publishes a null MX: it sends no mail (RFC 7505)",
                    SENDER_REJECTED, 0.60, null, 0),
            enhanced("5.7.20", null, "no passing DKIM signature was found (RFC 7372)", SENDER_AUTHENTICATION_FAILED,
                    0.60, null, 0),
            enhanced("5.7.21", null, "no acceptable DKIM signature was found (RFC 7372)", SENDER_AUTHENTICATION_FAILED,
                    0.60, null, 0),
            enhanced("5.7.22", null, "no valid DKIM signature of the author's domain was found (RFC 7372)",
                    SENDER_AUTHENTICATION_FAILED, 0.60, null, 0),
            enhanced("5.7.23", null, "SPF validation failed (RFC 7372)", SENDER_AUTHENTICATION_FAILED, 0.65, null, 0),
            enhanced("5.7.24", null, "SPF validation gave an error (RFC 7372)", SENDER_AUTHENTICATION_FAILED, 0.55,
                    null, 0),
            enhanced("4.7.24", null, "SPF validation gave a temporary error (RFC 7372)", SENDER_AUTHENTICATION_FAILED,
                    0.50, null, 0),
            enhanced("5.7.26", null, "several sender authentication checks (SPF, DKIM, DMARC) failed (RFC 7372)",
                    SENDER_AUTHENTICATION_FAILED, 0.65, null, 0),
            enhanced("5.7.509", "microsoft365", "Microsoft 365 refuses a sending domain that fails its DMARC check",
                    SENDER_AUTHENTICATION_FAILED, 0.65, null, 0),
            enhanced("5.7.25", null, "reverse DNS validation of the sending host failed (RFC 7372)", SENDER_BLOCKED,
                    0.60, null, 0));

    /** Microsoft 365's banned sending IP addresses: 5.7.606 to 5.7.649. */
    private static final Meaning BANNED_IP = new Meaning(List.of(new Outcome(SENDER_BLOCKED, 0.65)), "microsoft365",
            "Microsoft 365 has banned the sending IP address");

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
    private static final List<String> NO_SUCH_RECIPIENT = List.of("5.1.1", "5.1.10", "4.1.1");

    private CodeRules() {
    }

    static Meaning ofEnhanced(String enhanced) {
        if (enhanced == null) {
            return null;
        }
        if (enhanced.startsWith("5.7.6") && enhanced.length() == 7) {
            int detail = Integer.parseInt(enhanced.substring(4));
            if (detail >= 606 && detail <= 649) {
                return BANNED_IP;
            }
        }
        return ENHANCED.get(enhanced);
    }

    static Meaning ofReply(int reply) {
        return reply < 0 ? null : REPLY.get(reply);
    }

    static boolean recipientUnknown(ReplyCodes.Code code) {
        return code.enhanced() != null && NO_SUCH_RECIPIENT.contains(code.enhanced());
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
