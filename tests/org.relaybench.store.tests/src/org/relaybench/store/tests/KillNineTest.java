package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaybench.core.session.SupportSession;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.db.Raw;

/**
 * Nothing committed is lost and nothing is half-written when a writer process dies by SIGKILL: 20
 * writer processes, one after another, each killed at a random moment (half of them at any time from
 * their start, so some die while opening or migrating the store; half soon after their first
 * committed session). Afterwards the store opens, every session a writer reported committed is there
 * whole, and the summary and indexes of every session agree with its trail.
 */
class KillNineTest {

    private static final int KILLS = 20;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void killedWritersLoseNothingCommitted(Backend backend) throws Exception {
        String url = backend.freshStore("kill9");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<String> committed = new LinkedHashSet<>();
        int runsThatCommitted = 0;
        for (int run = 0; run < KILLS; run++) {
            Children.Child child = Children.start("kill", url, "k" + run);
            if (run % 2 == 0) {
                Thread.sleep(100 + random.nextInt(2400));
            } else {
                assertTrue(child.await("COMMITTED", 60_000), () -> "writer " + child.errors());
                Thread.sleep(random.nextInt(400));
            }
            int exit = child.kill();
            assertEquals(137, exit, () -> "the writer was killed by SIGKILL, not ended otherwise: " + child.errors());
            List<String> ids = child.lines().stream().filter(l -> l.startsWith("COMMITTED ")).map(l -> l.substring(10))
                    .toList();
            runsThatCommitted += ids.isEmpty() ? 0 : 1;
            committed.addAll(ids);
        }
        String context = "seed " + seed + ", " + committed.size() + " sessions committed";
        assertTrue(runsThatCommitted >= KILLS / 2, context);
        try (SessionStore store = SessionStores.open(url)) {
            for (String id : committed) {
                SupportSession s = store.get(id).orElseThrow(() -> new AssertionError("lost " + id + "; " + context));
                assertEquals(Writer.CHANGES, s.audit().size(), context);
                assertEquals(1, s.diagnoses().size());
                assertEquals(1, s.probes().size());
                assertEquals(302, s.probes().get(0).transcript().size());
                assertEquals(1, s.steps().size());
                assertEquals(1, s.notes().size());
                var summary = store.search(SessionQuery.all().withTicket(s.ticket())).sessions();
                assertEquals(1, summary.size());
                assertEquals(Writer.CHANGES, summary.get(0).changes());
                assertEquals("smtp-auth-missing", summary.get(0).cause());
            }
        }
        try (Connection c = Raw.connect(url)) {
            SummaryCheck.assertConsistent(c);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from rb_session")) {
                rs.next();
                assertTrue(rs.getInt(1) >= committed.size(), context);
                System.out.println("kill -9 on " + backend + ": " + KILLS + " writers killed, " + runsThatCommitted
                        + " of them after committing; " + committed.size() + " sessions reported committed, all whole; "
                        + rs.getInt(1) + " sessions in the store (the rest were cut short between their changes)");
            }
        }
    }
}
