package org.relaybench.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second line of defence for probe transcripts: the prober redacts AUTH exchanges before a
 * transcript reaches the store, and the store redacts again whatever it still recognizes, so that a
 * prober's slip cannot put a password into the log. Recognized: the initial response of
 * {@code AUTH <mechanism> <response>}, and every client line of a SASL exchange (after {@code AUTH},
 * while the server answers {@code 334}).
 */
final class Transcripts {

    /** What replaces a secret. */
    static final String MASK = "[redacted]";

    private static final Pattern AUTH = Pattern.compile("(?i)^(C:\\s*AUTH\\s+[A-Z0-9_-]+)(\\s+\\S.*)?$");

    private Transcripts() {
    }

    static List<String> redact(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean inSasl = false;
        for (String line : lines) {
            String trimmed = line.strip();
            String upper = trimmed.toUpperCase(Locale.ROOT);
            Matcher auth = AUTH.matcher(trimmed);
            if (auth.matches()) {
                inSasl = true;
                out.add(auth.group(2) == null || auth.group(2).strip().equals(MASK) ? trimmed : auth.group(1) + " " + MASK);
            } else if (upper.startsWith("C:")) {
                out.add(inSasl && !upper.substring(2).strip().equals(MASK) ? "C: " + MASK : line);
            } else {
                if (upper.startsWith("S:") && !upper.substring(2).strip().startsWith("334")) {
                    inSasl = false;
                }
                out.add(line);
            }
        }
        return out;
    }
}
