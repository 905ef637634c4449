package org.relaybench.core.internal.engine;

import org.relaybench.core.Evidence;
import org.relaybench.core.ServerSettings;

/** Evidence shorthands for the engine. */
final class Evidences {

    private Evidences() {
    }

    static Evidence setting(String subject, String detail) {
        return new Evidence(Evidence.Kind.SETTING, subject, detail);
    }

    static Evidence provider(String subject, String detail) {
        return new Evidence(Evidence.Kind.PROVIDER, subject, detail);
    }

    static Evidence rule(String subject, String detail) {
        return new Evidence(Evidence.Kind.RULE, subject, detail);
    }

    static String describe(ServerSettings s) {
        StringBuilder b = new StringBuilder(s.host().isEmpty() ? "(no host)" : s.host());
        if (s.port() > 0) {
            b.append(':').append(s.port());
        }
        b.append(' ').append(s.security().id()).append(", auth ").append(s.auth().id());
        b.append(", user ").append(s.username().orElse("(none)"));
        b.append(", password ").append(s.passwordSet() ? "set" : "not set");
        if (!s.enabled()) {
            b.append(", switched off");
        }
        return b.toString();
    }
}
