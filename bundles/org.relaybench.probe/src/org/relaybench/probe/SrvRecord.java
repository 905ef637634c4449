package org.relaybench.probe;

import java.util.Objects;

/**
 * One SRV record (RFC 2782), such as {@code _submission._tcp} (RFC 6186) or {@code _submissions._tcp}
 * (RFC 8314).
 *
 * @param priority lower is tried first
 * @param weight among equal priorities
 * @param port the service's port
 * @param target the host, lower-case, without the final dot; {@code "."} means the service is not offered
 * @since 0.1
 */
public record SrvRecord(int priority, int weight, int port, String target) {

    public SrvRecord {
        Objects.requireNonNull(target, "target");
    }
}
