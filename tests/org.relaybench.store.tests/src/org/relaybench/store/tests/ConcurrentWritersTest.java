package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.SupportSession;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.db.Raw;

/**
 * Two processes writing to the same PostgreSQL database at once, both to one shared session and to
 * sessions of their own, lose nothing: every change each reported committed is there, numbered once,
 * and the shared session's trail is numbered 1..n without a gap.
 */
class ConcurrentWritersTest {

    private static final int NOTES = 150;

    @Test
    void twoProcessesOnOnePostgresLoseNothing() throws Exception {
        String url = Backend.POSTGRESQL.freshStore("concurrent");
        String shared;
        try (SessionStore store = SessionStores.open(url)) {
            shared = store.open(NewSession.now("test", "Shared", "SHARED-1", Samples.account("shared@aol.com")));
        }
        Children.Child a = Children.start("notes", url, "proc-a", shared, String.valueOf(NOTES));
        Children.Child b = Children.start("notes", url, "proc-b", shared, String.valueOf(NOTES));
        assertEquals(0, a.waitFor(), a::errors);
        assertEquals(0, b.waitFor(), b::errors);
        Set<Long> reported = new TreeSet<>();
        List<String> own = new ArrayList<>();
        for (Children.Child child : List.of(a, b)) {
            List<String> lines = child.lines();
            assertEquals("DONE", lines.get(lines.size() - 1), child::errors);
            for (String line : lines) {
                if (line.startsWith("SEQ ")) {
                    assertTrue(reported.add(Long.parseLong(line.substring(4))), "number handed out twice: " + line);
                } else if (line.startsWith("COMMITTED ")) {
                    own.add(line.substring(10));
                }
            }
        }
        assertEquals(2 * NOTES, reported.size());
        try (SessionStore store = SessionStores.open(url)) {
            SupportSession s = store.get(shared).orElseThrow();
            assertEquals(1 + 2 * NOTES, s.audit().size());
            for (int i = 0; i < s.audit().size(); i++) {
                AuditEntry e = s.audit().get(i);
                assertEquals(i + 1, e.sequence());
                if (i > 0) {
                    assertTrue(reported.contains(e.sequence()));
                    assertTrue(e.detail().startsWith(e.agent() + " note "), e.detail());
                }
            }
            assertEquals(2 * NOTES, s.notes().size());
            assertEquals(2 * (NOTES / 10), own.size());
            for (String id : own) {
                assertEquals(Writer.CHANGES, store.get(id).orElseThrow().audit().size());
            }
        }
        try (Connection c = Raw.connect(url)) {
            SummaryCheck.assertConsistent(c);
        }
    }
}
