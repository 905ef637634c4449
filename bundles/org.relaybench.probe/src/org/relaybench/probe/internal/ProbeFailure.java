package org.relaybench.probe.internal;

import org.relaybench.core.CauseCode;

/**
 * Ends a probe with a cause. The message is written for the agent and built only from what the server
 * said and what the probe did; it never contains anything the client sent in AUTH.
 */
public final class ProbeFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final CauseCode code;
    private final boolean connectionUsable;

    /**
     * @param code the cause
     * @param message for the agent
     * @param connectionUsable whether the dialogue is still in step, so RSET and QUIT may follow
     */
    public ProbeFailure(CauseCode code, String message, boolean connectionUsable) {
        super(message, null, false, false);
        this.code = code;
        this.connectionUsable = connectionUsable;
    }

    /** @return the cause */
    public CauseCode code() {
        return code;
    }

    /** @return whether RSET and QUIT may still be sent */
    public boolean connectionUsable() {
        return connectionUsable;
    }
}
