package org.relaybench.store;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param sessions the sessions on this page
 * @param offset how many matching sessions came before this page
 * @param more whether more matching sessions follow this page
 * @since 0.1
 */
public record SessionPage(List<SessionSummary> sessions, int offset, boolean more) {

    public SessionPage {
        sessions = List.copyOf(sessions);
    }
}
