package org.relaybench.session.batch;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the records of a batch input one at a time, holding only the current one: memory does not
 * grow with the input. Not thread-safe: one thread reads. {@link BatchReaders} opens one.
 *
 * @since 0.1
 */
public interface BatchReader extends Closeable {

    /**
     * @return the next record (possibly an invalid one), or empty at the end of the input
     * @throws IOException when the input cannot be read
     */
    Optional<BatchRecord> next() throws IOException;

    /** @return the format being read */
    BatchFormat format();
}
