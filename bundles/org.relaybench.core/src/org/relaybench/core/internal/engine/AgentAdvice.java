package org.relaybench.core.internal.engine;

import java.util.List;
import java.util.Optional;

import org.relaybench.core.internal.classify.ReplyClassifier;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.Step;

/**
 * The core's own procedure, for the one cause only the core gives: what to ask for when a reply is not
 * recognised ({@code core.reply-not-recognised}). The procedures for the standard causes, those of
 * replies that are not about the settings included, come from the providers (the generic provider has
 * one for each); the matched provider's and the generic provider's come first, this last.
 */
final class AgentAdvice {

    private static final Procedure NOT_RECOGNISED = new Procedure(ReplyClassifier.NOT_RECOGNISED,
            "The reply was not recognised: get the exact text or probe", List.of(ReplyClassifier.NOT_RECOGNISED),
            List.of(new Step("full-text", "Ask the customer for the exact and complete error text: a screenshot, or "
                    + "the returned message ('Undeliverable', 'Mail Delivery Subsystem') in their inbox.",
                    "The complete text of the server's reply.", List.of()),
                    new Step("probe", "Run the probe with the account's outgoing settings to see the server's own "
                            + "reply.", "The probe shows at which stage the server refuses, and why.", List.of())));

    private AgentAdvice() {
    }

    /**
     * @param code a cause code
     * @return the core's procedure for it, when it has one
     */
    static Optional<Procedure> forCause(String code) {
        return NOT_RECOGNISED.addresses().contains(code) ? Optional.of(NOT_RECOGNISED) : Optional.empty();
    }
}
