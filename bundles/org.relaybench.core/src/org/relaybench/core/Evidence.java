package org.relaybench.core;

import java.util.Objects;

/**
 * One piece of evidence behind a finding: a setting, a server reply, a rule, a probe result.
 *
 * @param kind what kind of evidence it is
 * @param subject what it is about, e.g. {@code smtp.auth} or {@code error text}
 * @param detail what was seen, e.g. {@code none} or the reply text
 * @since 0.1
 */
public record Evidence(Kind kind, String subject, String detail) {

    /** Kinds of evidence. */
    public enum Kind {
        SETTING, REPLY, RULE, PROBE, PROVIDER
    }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        subject = Objects.requireNonNull(subject, "subject");
        detail = detail == null ? "" : detail;
    }
}
