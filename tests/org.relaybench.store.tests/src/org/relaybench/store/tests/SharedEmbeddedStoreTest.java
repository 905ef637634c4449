package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.store.StoreException;
import org.relaybench.tests.common.db.Backend;

/**
 * The embedded store used by two programs at once (the workbench and the command line): both read and
 * write it; a program that holds the file without sharing it gets a clear message, not an internal
 * error.
 */
class SharedEmbeddedStoreTest {

    @Test
    void twoProcessesUseTheEmbeddedStoreAtOnce() throws Exception {
        String url = Backend.H2.freshStore("shared");
        Children.Child writer = Children.start("kill", url, "w");
        try {
            assertTrue(writer.await("COMMITTED", 60_000), writer::errors);
            try (SessionStore store = SessionStores.open(url)) {
                assertFalse(store.search(SessionQuery.all()).sessions().isEmpty(), "the other process's sessions");
                String mine = store.open(new NewSession("agent", "Here", "T-HERE", Samples.account("here@aol.com"),
                        Instant.now()));
                store.addNote(mine, "agent", "written while the other process writes");
                assertEquals(2, store.get(mine).orElseThrow().audit().size());
            }
        } finally {
            writer.kill();
        }
        try (SessionStore store = SessionStores.open(url)) {
            assertEquals(1, store.search(SessionQuery.all().withTicket("T-HERE")).sessions().size(),
                    "what this process wrote through the other one's server is in the file");
        }
    }

    @Test
    void aProgramThatHoldsTheFileGetsAClearMessage() throws Exception {
        String url = Backend.H2.freshStore("held");
        try (SessionStore store = SessionStores.open(url)) {
            store.search(SessionQuery.all()); // creates the database
        }
        Children.Child holder = Children.start("hold", url + ";RETENTION_TIME=1000", "h");
        try {
            assertTrue(holder.await("HOLDING", 60_000), holder::errors);
            StoreException e = assertThrows(StoreException.class, () -> SessionStores.open(url).close());
            assertTrue(e.getMessage().contains("is open in another program"), e.getMessage());
        } finally {
            holder.kill();
        }
    }
}
