package org.relaybench.probe;

import java.util.Objects;

/**
 * One stage of a probe's dialogue, such as {@code greeting}, {@code ehlo}, {@code starttls},
 * {@code auth}, {@code mail}, {@code rcpt}.
 *
 * @param name the stage
 * @param ok whether the server answered as a working server would
 * @param reply the server's reply (escaped, at most a few lines), or what went wrong
 * @param millis how long the stage took
 * @since 0.1
 */
public record ProbeStage(String name, boolean ok, String reply, long millis) {

    public ProbeStage {
        Objects.requireNonNull(name, "name");
        reply = reply == null ? "" : reply;
    }
}
