package org.relaybench.cli.internal;

/** The exit codes promised by the command-line face. */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** Findings at or above {@code --fail-on}. */
    public static final int FINDINGS = 1;
    /** Bad usage or input. */
    public static final int USAGE = 2;
    /** Internal error. */
    public static final int INTERNAL = 3;
    /** Refused: plugins that are unsigned, signed by no trusted signer, or changed after signing. */
    public static final int REFUSED = 4;

    private ExitCode() {
    }
}
