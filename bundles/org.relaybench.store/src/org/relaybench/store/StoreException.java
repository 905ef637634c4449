package org.relaybench.store;

/**
 * The session store could not do what was asked: the database is unreachable, in use by another
 * process, or failed. The message never contains a password, not even one from the store's URL.
 *
 * @since 0.1
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for the agent
     * @param cause the underlying failure, may be null
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
