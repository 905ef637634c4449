package org.relaybench.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relaybench.core.CauseCode;
import org.relaybench.core.internal.classify.ReplyClassifier;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.Step;

/**
 * The core's own procedures for replies that are not about the device's settings: what the agent
 * tells the customer when the recipient does not exist, a mailbox is full, the content or the sender
 * was refused, and what to ask for when a reply is not recognised. A provider's (then the generic
 * provider's) procedure for the same cause comes first; these are the fallback, so that such a
 * finding always carries advice. Their ids are {@code core.} and the cause code.
 */
final class AgentAdvice {

    private static final String SETTINGS_FINE = "Tell the customer that the message left the device and that the "
            + "device's settings are not at fault: ";

    private static final Map<String, Procedure> PROCEDURES = Map.ofEntries(
            procedure(CauseCode.RECIPIENT_UNKNOWN.code(), "The recipient's address does not exist: check it with the "
                    + "customer",
                    step(SETTINGS_FINE + "the receiving server says the recipient's address (or its domain) does not "
                            + "exist.", "The customer knows nothing on the device needs changing."),
                    step("Read the recipient's address back with the customer, letter by letter: typos, a missing "
                            + "letter, '.con' for '.com', an old address the device suggested from its history.",
                            "A corrected address, or the customer confirms it is exactly what the recipient gave."),
                    step("If the address is right, the customer asks the recipient for their current address by "
                            + "another channel (phone, text); the mailbox may have been closed.",
                            "The message goes out to the corrected address.")),
            procedure(CauseCode.MAILBOX_FULL.code(), "The recipient's mailbox is full: the recipient must make room",
                    step(SETTINGS_FINE + "the recipient's mailbox is full (over its quota).",
                            "The customer knows nothing on the device needs changing."),
                    step("The customer tells the recipient by another channel (phone, text) that their mailbox is "
                            + "full, and sends again once they have made room. A temporary refusal (4xx) is retried "
                            + "by the sending server on its own.", "The message is delivered later.")),
            procedure(CauseCode.MESSAGE_TOO_LARGE.code(), "The message is too large: send less at once or share a link",
                    step(SETTINGS_FINE + "the message is larger than a server on its way accepts.",
                            "The customer knows nothing on the device needs changing."),
                    step("Send the attachments in several smaller messages, smaller photos (iPhone Mail offers "
                            + "smaller sizes), or share a link instead (iCloud Mail Drop, OneDrive, Google Drive). "
                            + "Attachments grow by about a third when sent; 20 to 35 MB is the usual limit.",
                            "The smaller message or the link is delivered.")),
            procedure(CauseCode.MESSAGE_REJECTED.code(), "The content was refused: spam, virus or the recipient's "
                    + "policy",
                    step(SETTINGS_FINE + "the receiving server refused the message's content (a spam or virus "
                            + "filter, a rule of the recipient's organisation, or a message it considers malformed).",
                            "The customer knows nothing on the device needs changing."),
                    step("Send again as a short plain message without the attachment or links, to check; do not send "
                            + "the same text to many recipients at once.",
                            "The plain message is delivered: the attachment or links were refused."),
                    step("If it is refused again, the recipient asks their own mail administrator to allow the sender; "
                            + "give them the refusal's full text and time.", "The recipient's side allows the "
                                    + "sender.")),
            procedure(CauseCode.SENDER_BLOCKED.code(), "The sending IP address is blocked: send through the provider's "
                    + "submission server",
                    step("The receiving server refuses the IP address the mail came from (a blocklist, no reverse DNS, "
                            + "a bad reputation). The device's settings are not at fault unless the device sends "
                            + "straight to the recipients' servers.", "The agent knows which case applies."),
                    step("Check that the outgoing server is the provider's submission server with authentication "
                            + "(587 with STARTTLS or 465 with SSL, user name and password on): then the mail leaves "
                            + "from the provider's servers, not from the customer's connection.",
                            "The outgoing server is the provider's, with authentication."),
                    step("If it already is, the customer's provider or network is listed: the customer reports the "
                            + "refusal's full text to the provider's support; listings usually clear within hours "
                            + "to days.", "The provider confirms the listing is handled.")),
            procedure(CauseCode.SENDER_REJECTED.code(), "The sender address was refused: check the address and its "
                    + "domain",
                    step("The receiving server refused the sender's address itself: its domain does not resolve, it "
                            + "failed the server's verification, or the recipient blocks it.",
                            "The agent knows the sender address is the problem, not the connection."),
                    step("Check the account's own address (the From address, 'Email' in the account) for typos, in "
                            + "the domain above all.", "The address is spelled right."),
                    step("If it is right and the domain is the customer's own, whoever hosts the domain fixes its DNS "
                            + "(MX records); if only one recipient refuses, that recipient has blocked the sender.",
                            "The domain resolves, or the customer knows the recipient blocks them.")),
            procedure(CauseCode.SENDER_AUTHENTICATION_FAILED.code(), "SPF, DKIM or DMARC failed: the sending domain "
                    + "or path is at fault",
                    step("The receiving server checked the sender's domain (SPF, DKIM, DMARC) and the message failed. "
                            + "Not a device setting, unless the device sends a provider's address (Gmail, Yahoo, "
                            + "...) through another provider's outgoing server.",
                            "The agent knows which case applies."),
                    step("Check that the outgoing server belongs to the provider of the sender's address (for a "
                            + "gmail.com address smtp.gmail.com, not the internet provider's server).",
                            "The outgoing server matches the sender's domain."),
                    step("For a domain of the customer's own, its owner adds the sending service to the domain's SPF "
                            + "record and sets up DKIM; give them the refusal's full text.",
                            "The domain's records are fixed.")),
            procedure(ReplyClassifier.NOT_RECOGNISED, "The reply was not recognised: get the exact text or probe",
                    step("Ask the customer for the exact and complete error text: a screenshot, or the returned "
                            + "message ('Undeliverable', 'Mail Delivery Subsystem') in their inbox.",
                            "The complete text of the server's reply."),
                    step("Run the probe with the account's outgoing settings to see the server's own reply.",
                            "The probe shows at which stage the server refuses, and why.")));

    private AgentAdvice() {
    }

    /**
     * @param code a cause code
     * @return the core's procedure for it, when it has one
     */
    static Optional<Procedure> forCause(String code) {
        return Optional.ofNullable(PROCEDURES.get(code));
    }

    private static Map.Entry<String, Procedure> procedure(String code, String title, Step... steps) {
        List<Step> numbered = new ArrayList<>(steps.length);
        for (int i = 0; i < steps.length; i++) {
            Step s = steps[i];
            numbered.add(new Step("step-" + (i + 1), s.text(), s.expect(), List.of()));
        }
        String id = code.startsWith("core.") ? code : "core." + code;
        return Map.entry(code, new Procedure(id, title, List.of(code), numbered));
    }

    private static Step step(String text, String expect) {
        return new Step("", text, expect, List.of());
    }
}
