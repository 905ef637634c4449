package org.relaybench.probe.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The dialogue of one probe, one entry per line: {@code C: } what the client sent (AUTH payloads
 * already replaced by the caller), {@code S: } what the server sent (escaped), {@code * } events. At
 * most {@link #MAX_ENTRIES} entries are kept. Used by one probe thread only.
 */
public final class Transcript {

    /** More than a full dialogue with a long EHLO list needs. */
    public static final int MAX_ENTRIES = 400;

    private final List<String> entries = new ArrayList<>();
    private boolean cut;

    /** @param shown the client's line as it may be shown */
    public void client(String shown) {
        add("C: " + shown);
    }

    /** @param escaped a server line, escaped */
    public void server(String escaped) {
        add("S: " + escaped);
    }

    /** @param what something that happened, such as the TLS handshake */
    public void event(String what) {
        add("* " + what);
    }

    private void add(String entry) {
        if (entries.size() < MAX_ENTRIES) {
            entries.add(entry);
        } else if (!cut) {
            cut = true;
            entries.set(MAX_ENTRIES - 1, "* transcript cut at " + MAX_ENTRIES + " lines");
        }
    }

    /** @return the entries so far */
    public List<String> entries() {
        return List.copyOf(entries);
    }
}
