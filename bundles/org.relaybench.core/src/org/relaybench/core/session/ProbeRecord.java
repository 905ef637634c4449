package org.relaybench.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A live probe as logged in a session. The transcript is already redacted (AUTH payloads replaced)
 * when it gets here; the store never sees a password.
 *
 * @param at when it ran
 * @param host the server probed
 * @param port its port
 * @param security none, starttls or tls
 * @param code the cause code the probe ended with, empty when the server behaved
 * @param summary one line for the agent
 * @param transcript the redacted dialogue, one line per entry, prefixed {@code C:} or {@code S:}
 * @since 0.1
 */
public record ProbeRecord(Instant at, String host, int port, String security, Optional<String> code, String summary,
        List<String> transcript) {

    public ProbeRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(code, "code");
        summary = summary == null ? "" : summary;
        transcript = List.copyOf(transcript);
    }
}
