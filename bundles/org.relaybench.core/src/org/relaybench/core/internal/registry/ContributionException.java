package org.relaybench.core.internal.registry;

/**
 * A part of a contribution is invalid; the reader records it as a load problem and skips that part.
 */
final class ContributionException extends Exception {

    private static final long serialVersionUID = 1L;

    ContributionException(String message) {
        super(message);
    }
}
