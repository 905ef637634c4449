package org.relaybench.probe.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.relaybench.probe.Secret;

/**
 * The last line of defence for secrets: everything a probe reports passes through {@link #scrub},
 * which replaces the password and the AUTH payloads the client sent, should a server (or an exception
 * message) echo them. The transcript never records them in the first place; this catches the echo.
 */
public final class Redactor {

    private static final String HIDDEN = "****";

    private final List<String> secrets = new ArrayList<>();

    /** @param password the probe's password, when any */
    public Redactor(java.util.Optional<Secret> password) {
        password.ifPresent(p -> {
            char[] c = p.chars();
            add(new String(c));
            java.util.Arrays.fill(c, '\0');
        });
    }

    /** @param payload an AUTH payload as sent (base64) */
    public void payload(byte[] payload) {
        add(new String(payload, StandardCharsets.US_ASCII));
    }

    private void add(String secret) {
        if (secret.length() >= 3) { // shorter strings would blank out ordinary text
            secrets.add(secret);
        }
    }

    /**
     * @param text any text for output
     * @return the text with every secret replaced by {@code ****}
     */
    public String scrub(String text) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, HIDDEN);
        }
        return out;
    }
}
