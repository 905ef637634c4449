package org.relaybench.store.internal;

import java.sql.SQLException;

/** Which database failures mean "a concurrent writer got there first: roll back and try again". */
final class Conflicts {

    /** H2: concurrent update of the same row in another transaction. */
    private static final int H2_CONCURRENT_UPDATE = 90131;
    /** H2: a lock was not granted in time. */
    private static final int H2_LOCK_TIMEOUT = 50200;
    /** H2: deadlock. */
    private static final int H2_DEADLOCK = 40001;

    private Conflicts() {
    }

    static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && retryable(s.getSQLState(), s.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the failure is a unique-key violation (H2 and PostgreSQL alike) */
    static boolean duplicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState())
                    || s.getNextException() != null && duplicate(s.getNextException()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean retryable(String state, int code) {
        if (code == H2_CONCURRENT_UPDATE || code == H2_LOCK_TIMEOUT || code == H2_DEADLOCK) {
            return true;
        }
        // 23505 unique violation (a sequence number taken meanwhile), 40001 serialization failure,
        // 40P01 deadlock detected (PostgreSQL)
        return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }
}
