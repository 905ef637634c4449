package org.relaybench.cli.internal;

/** Bad command-line usage or input; the command exits with {@link ExitCode#USAGE}. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong, said so the user can fix it
     */
    public UsageException(String message) {
        super(message);
    }
}
