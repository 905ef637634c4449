package org.relaybench.probe.internal.dns;

/** A lookup that failed: no answer in time, a server failure, or a malformed answer. */
public final class DnsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public DnsException(String message) {
        super(message);
    }
}
