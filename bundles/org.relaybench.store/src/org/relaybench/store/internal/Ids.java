package org.relaybench.store.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Session ids: UUIDs of version 7 (RFC 9562), whose first 48 bits are the creation time in
 * milliseconds. Ids created one after another sort together, so new rows land at the end of the
 * primary key indexes instead of anywhere in them, and each commit rewrites fewer index pages.
 */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
