package org.relaybench.probe;

import java.util.Objects;

/**
 * One MX record of a domain.
 *
 * @param preference lower is tried first
 * @param host the mail exchanger, lower-case, without the final dot
 * @since 0.1
 */
public record MxRecord(int preference, String host) {

    public MxRecord {
        Objects.requireNonNull(host, "host");
    }
}
