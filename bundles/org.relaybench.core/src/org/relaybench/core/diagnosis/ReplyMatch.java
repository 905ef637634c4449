package org.relaybench.core.diagnosis;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the reply classifier made of an error or server reply text: one cause it points to, with the
 * structure it read (reply code, enhanced status code) and why.
 *
 * @param cause the cause code indicated
 * @param confidence how strongly the text indicates it, between 0 and 1
 * @param replyCode the SMTP reply code found (e.g. 554), when any
 * @param enhancedStatus the enhanced status code found (e.g. {@code 5.7.1}, RFC 3463), when any
 * @param excerpt the part of the text that decided it, at most 200 characters, control characters escaped
 * @param reason why, in words for the agent (e.g. "554 5.7.1 with 'relay access denied': Postfix refuses
 *        to relay for an unauthenticated client")
 * @param client the client wrapper recognised (e.g. {@code ios-mail}, {@code outlook}, {@code thunderbird}), when any
 * @param server the server software or service recognised (e.g. {@code postfix}, {@code exchange}), when any
 * @param source {@code core} for the built-in classifier, else the id of the provider whose known reply matched
 * @since 0.1
 */
public record ReplyMatch(String cause, double confidence, OptionalInt replyCode, Optional<String> enhancedStatus,
        String excerpt, String reason, Optional<String> client, Optional<String> server, String source) {

    public ReplyMatch {
        Objects.requireNonNull(cause, "cause");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must lie in [0,1]: " + confidence);
        }
        Objects.requireNonNull(replyCode, "replyCode");
        Objects.requireNonNull(enhancedStatus, "enhancedStatus");
        excerpt = excerpt == null ? "" : excerpt;
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(source, "source");
    }
}
