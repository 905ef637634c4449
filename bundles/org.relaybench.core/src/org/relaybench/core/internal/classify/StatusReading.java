package org.relaybench.core.internal.classify;

import static org.relaybench.core.CauseCode.APP_PASSWORD_REQUIRED;
import static org.relaybench.core.CauseCode.MAILBOX_FULL;
import static org.relaybench.core.CauseCode.MESSAGE_REJECTED;
import static org.relaybench.core.CauseCode.MESSAGE_TOO_LARGE;
import static org.relaybench.core.CauseCode.PROTOCOL_VIOLATION;
import static org.relaybench.core.CauseCode.RECIPIENT_UNKNOWN;
import static org.relaybench.core.CauseCode.SENDER_AUTHENTICATION_FAILED;
import static org.relaybench.core.CauseCode.SENDER_BLOCKED;
import static org.relaybench.core.CauseCode.SENDER_REJECTED;
import static org.relaybench.core.CauseCode.SERVICE_UNAVAILABLE;
import static org.relaybench.core.CauseCode.SMTP_CREDENTIALS_REJECTED;
import static org.relaybench.core.CauseCode.TLS_REQUIRED;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.relaybench.core.CauseCode;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.classify.ReplyCodes.Code;

/**
 * The last resort for a text no rule recognises: reads its enhanced status code by class, subject and
 * detail (RFC 3463 and the IANA registry of SMTP enhanced status codes, with RFC 5248, 7372, 7505)
 * and its basic reply code (RFC 5321, RFC 7504), says what they mean, and names the cause they point
 * to with a low confidence, or {@value #NOT_RECOGNISED} when they point to none.
 */
final class StatusReading {

    /** The code of the finding for a reply whose words and codes name no cause. */
    static final String NOT_RECOGNISED = "core.reply-not-recognised";

    /** Every reading's reason begins with this. */
    static final String PREFIX = "Not recognised";

    private static final double DETAIL_CONFIDENCE = 0.3;
    private static final double SUBJECT_CONFIDENCE = 0.2;
    private static final double NONE_CONFIDENCE = 0.1;

    private static final String[] CLASSES = { "", "", "success", "", "persistent transient failure (it may work "
            + "later)", "permanent failure" };
    private static final String[] SUBJECTS = { "other or undefined status", "addressing status", "mailbox status",
        "mail system status", "network and routing status", "mail delivery protocol status",
        "message content or media status", "security or policy status" };

    /**
     * What a subject.detail means.
     *
     * @param title the registry's title
     * @param cause the cause it points to, or null
     */
    private record Detail(String title, CauseCode cause) {
    }

    private static final Map<String, Detail> DETAILS = Map.ofEntries(
            detail("0.0", "other undefined status", null),
            detail("1.0", "other address status", null),
            detail("1.1", "bad destination mailbox address", RECIPIENT_UNKNOWN),
            detail("1.2", "bad destination system address", RECIPIENT_UNKNOWN),
            detail("1.3", "bad destination mailbox address syntax", RECIPIENT_UNKNOWN),
            detail("1.4", "destination mailbox address ambiguous", RECIPIENT_UNKNOWN),
            detail("1.5", "destination address valid", null),
            detail("1.6", "destination mailbox has moved, no forwarding address", RECIPIENT_UNKNOWN),
            detail("1.7", "bad sender's mailbox address syntax", SENDER_REJECTED),
            detail("1.8", "bad sender's system address", SENDER_REJECTED),
            detail("1.9", "message relayed to non-compliant mailer", null),
            detail("1.10", "recipient address has null MX", RECIPIENT_UNKNOWN),
            detail("2.0", "other or undefined mailbox status", null),
            detail("2.1", "mailbox disabled, not accepting messages", RECIPIENT_UNKNOWN),
            detail("2.2", "mailbox full", MAILBOX_FULL),
            detail("2.3", "message length exceeds administrative limit", MESSAGE_TOO_LARGE),
            detail("2.4", "mailing list expansion problem", null),
            detail("3.0", "other or undefined mail system status", null),
            detail("3.1", "mail system full", SERVICE_UNAVAILABLE),
            detail("3.2", "system not accepting network messages", SERVICE_UNAVAILABLE),
            detail("3.3", "system not capable of selected features", null),
            detail("3.4", "message too big for system", MESSAGE_TOO_LARGE),
            detail("3.5", "system incorrectly configured", null),
            detail("3.6", "requested priority was changed", null),
            detail("4.0", "other or undefined network or routing status", null),
            detail("4.1", "no answer from host", null),
            detail("4.2", "bad connection", null),
            detail("4.3", "directory server failure", null),
            detail("4.4", "unable to route", RECIPIENT_UNKNOWN),
            detail("4.5", "mail system congestion", SERVICE_UNAVAILABLE),
            detail("4.6", "routing loop detected", null),
            detail("4.7", "delivery time expired", null),
            detail("5.0", "other or undefined protocol status", null),
            detail("5.1", "invalid command", PROTOCOL_VIOLATION),
            detail("5.2", "syntax error", PROTOCOL_VIOLATION),
            detail("5.3", "too many recipients", null),
            detail("5.4", "invalid command arguments", PROTOCOL_VIOLATION),
            detail("5.5", "wrong protocol version", PROTOCOL_VIOLATION),
            detail("5.6", "authentication exchange line is too long", null),
            detail("6.0", "other or undefined media error", MESSAGE_REJECTED),
            detail("6.1", "media not supported", MESSAGE_REJECTED),
            detail("6.2", "conversion required and prohibited", MESSAGE_REJECTED),
            detail("6.3", "conversion required but not supported", MESSAGE_REJECTED),
            detail("6.4", "conversion with loss performed", null),
            detail("6.5", "conversion failed", MESSAGE_REJECTED),
            detail("6.6", "message content not available", null),
            detail("6.7", "non-ASCII addresses not permitted for that sender/recipient", null),
            detail("7.0", "other or undefined security status", null),
            detail("7.1", "delivery not authorized, message refused", null),
            detail("7.2", "mailing list expansion prohibited", MESSAGE_REJECTED),
            detail("7.3", "security conversion required but not possible", null),
            detail("7.4", "security features not supported", null),
            detail("7.5", "cryptographic failure", null),
            detail("7.6", "cryptographic algorithm not supported", null),
            detail("7.7", "message integrity failure", MESSAGE_REJECTED),
            detail("7.8", "authentication credentials invalid", SMTP_CREDENTIALS_REJECTED),
            detail("7.9", "authentication mechanism is too weak", APP_PASSWORD_REQUIRED),
            detail("7.10", "encryption needed", TLS_REQUIRED),
            detail("7.11", "encryption required for requested authentication mechanism", TLS_REQUIRED),
            detail("7.12", "a password transition is needed", SMTP_CREDENTIALS_REJECTED),
            detail("7.13", "user account disabled", null),
            detail("7.14", "trust relationship required", APP_PASSWORD_REQUIRED),
            detail("7.15", "priority level is too low", null),
            detail("7.16", "message is too big for the specified priority", MESSAGE_TOO_LARGE),
            detail("7.17", "mailbox owner has changed", RECIPIENT_UNKNOWN),
            detail("7.18", "domain owner has changed", RECIPIENT_UNKNOWN),
            detail("7.19", "RRVS test cannot be completed", null),
            detail("7.20", "no passing DKIM signature found", SENDER_AUTHENTICATION_FAILED),
            detail("7.21", "no acceptable DKIM signature found", SENDER_AUTHENTICATION_FAILED),
            detail("7.22", "no valid author-matched DKIM signature found", SENDER_AUTHENTICATION_FAILED),
            detail("7.23", "SPF validation failed", SENDER_AUTHENTICATION_FAILED),
            detail("7.24", "SPF validation error", SENDER_AUTHENTICATION_FAILED),
            detail("7.25", "reverse DNS validation failed", SENDER_BLOCKED),
            detail("7.26", "multiple authentication checks failed", SENDER_AUTHENTICATION_FAILED),
            detail("7.27", "sender address has null MX", SENDER_REJECTED));

    private static final Map<Integer, Detail> REPLIES = Map.ofEntries(
            reply(421, "service not available, closing transmission channel", SERVICE_UNAVAILABLE),
            reply(450, "requested mail action not taken: mailbox unavailable (busy, or blocked for now by policy)",
                    null),
            reply(451, "requested action aborted: local error in processing", null),
            reply(452, "requested action not taken: insufficient system storage", null),
            reply(455, "server unable to accommodate parameters", null),
            reply(500, "syntax error, command unrecognized", PROTOCOL_VIOLATION),
            reply(501, "syntax error in parameters or arguments", PROTOCOL_VIOLATION),
            reply(502, "command not implemented", PROTOCOL_VIOLATION),
            reply(503, "bad sequence of commands", PROTOCOL_VIOLATION),
            reply(504, "command parameter not implemented", PROTOCOL_VIOLATION),
            reply(521, "the host does not accept mail (RFC 7504)", RECIPIENT_UNKNOWN),
            reply(550, "requested action not taken: mailbox unavailable (not found, no access, or refused by "
                    + "policy)", null),
            reply(551, "user not local", null),
            reply(552, "requested mail action aborted: exceeded storage allocation (a full mailbox or too large a "
                    + "message)", null),
            reply(553, "requested action not taken: mailbox name not allowed", null),
            reply(554, "transaction failed", null),
            reply(555, "MAIL FROM/RCPT TO parameters not recognized or not implemented", null),
            reply(556, "the domain does not accept mail (RFC 7504)", RECIPIENT_UNKNOWN));

    private StatusReading() {
    }

    /**
     * @param text the flat text
     * @return a low-confidence reading of the text's first reply: its codes' meaning and the cause they
     *         point to, if any; never null
     */
    static ReplyMatch read(FlatText text) {
        List<Code> codes = ReplyCodes.scan(text);
        Code first = null;
        for (Code c : codes) {
            if (c.replyClass() == 4 || c.replyClass() == 5) {
                first = c;
                break;
            }
        }
        if (first == null) {
            return new ReplyMatch(NOT_RECOGNISED, NONE_CONFIDENCE, OptionalInt.empty(), Optional.empty(),
                    Excerpts.around(text, 0, Math.min(text.length(), 120), -1),
                    PREFIX + ": neither its words nor a reply code are recognised. Ask the customer for the exact "
                            + "text of the error, or run the probe to see the server's own reply.",
                    Optional.empty(), Optional.empty(), "core");
        }
        CauseCode cause = null;
        double confidence = NONE_CONFIDENCE;
        StringBuilder reason = new StringBuilder(PREFIX + " from its words; read from its codes only:");
        if (first.enhanced() != null) {
            String enhanced = first.enhanced();
            int dot = enhanced.indexOf('.');
            String subjectDetail = enhanced.substring(dot + 1);
            int subject = subjectDetail.charAt(0) - '0';
            Detail d = DETAILS.get(subjectDetail);
            reason.append(" enhanced status code ").append(enhanced).append(" (RFC 3463) is a ")
                    .append(CLASSES[enhanced.charAt(0) - '0']).append(", ").append(SUBJECTS[subject]);
            if (d != null) {
                reason.append(": ").append(d.title());
                cause = d.cause();
                confidence = cause == null ? NONE_CONFIDENCE : DETAIL_CONFIDENCE;
            } else if (subject == 6) {
                cause = MESSAGE_REJECTED;
                confidence = SUBJECT_CONFIDENCE;
            }
            reason.append('.');
        }
        if (first.reply() >= 0) {
            Detail r = REPLIES.get(first.reply());
            reason.append(" Reply code ").append(first.reply()).append(" (RFC 5321)");
            reason.append(r == null ? " is a " + (first.reply() / 100 == 4 ? "temporary" : "permanent") + " refusal"
                    : " means " + r.title());
            reason.append('.');
            if (cause == null && r != null && r.cause() != null) {
                cause = r.cause();
                confidence = SUBJECT_CONFIDENCE;
            }
        }
        reason.append(" Low confidence: ask the customer for the whole text, or run the probe.");
        int end = Math.min(text.length(), first.start() + 120);
        return new ReplyMatch(cause == null ? NOT_RECOGNISED : cause.code(), confidence,
                first.reply() >= 0 ? OptionalInt.of(first.reply()) : OptionalInt.empty(),
                Optional.ofNullable(first.enhanced()), Excerpts.around(text, first.start(), end, first.start()),
                reason.toString(), Optional.empty(), Optional.empty(), "core");
    }

    private static Map.Entry<String, Detail> detail(String subjectDetail, String title, CauseCode cause) {
        return Map.entry(subjectDetail, new Detail(title, cause));
    }

    private static Map.Entry<Integer, Detail> reply(int code, String title, CauseCode cause) {
        return Map.entry(code, new Detail(title, cause));
    }
}
