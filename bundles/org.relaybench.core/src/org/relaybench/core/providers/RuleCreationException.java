package org.relaybench.core.providers;

/**
 * A code rule's class could not be loaded or created.
 *
 * @since 0.1
 */
public class RuleCreationException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the provider and the rule
     * @param cause the underlying failure
     */
    public RuleCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}
