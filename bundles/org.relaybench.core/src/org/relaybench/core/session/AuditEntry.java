package org.relaybench.core.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to a session, in the order made. Sessions are never overwritten silently: every change
 * is appended here.
 *
 * @param sequence the change's number within the session, from 1
 * @param at when
 * @param agent who
 * @param action what kind of change, e.g. {@code opened}, {@code diagnosed}, {@code probed},
 *        {@code step}, {@code status}, {@code note}
 * @param detail what changed, in words
 * @since 0.1
 */
public record AuditEntry(long sequence, Instant at, String agent, String action, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        agent = agent == null ? "" : agent;
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }
}
