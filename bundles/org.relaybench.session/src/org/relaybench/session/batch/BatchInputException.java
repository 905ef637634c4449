package org.relaybench.session.batch;

/**
 * The input of a batch is not a file of that format at all (binary data, no header row, unknown
 * columns, a first line that is not a JSON object): nothing is diagnosed. Bad single records are not
 * this; they become {@link BatchResult#invalid invalid results}.
 *
 * @since 0.1
 */
public final class BatchInputException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the input as a whole */
    public BatchInputException(String message) {
        super(message);
    }
}
