package org.relaybench.store.tests;

import java.io.PrintStream;
import java.time.Instant;

import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.StepState;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;

/**
 * A writer process for the crash and concurrency tests, run outside OSGi on a plain class path (the
 * store bundle, core, the JDBC drivers, Liquibase and its libraries, Gson). It reports on standard
 * output only what has been committed:
 * <ul>
 * <li>{@code kill URL TAG}: writes whole sessions (5 changes each) forever, printing
 * {@code COMMITTED <id>} after each session's last commit; the test kills it with SIGKILL.</li>
 * <li>{@code notes URL TAG SESSION COUNT}: appends COUNT notes to one shared session, printing
 * {@code SEQ <n>} after each commit, and a whole session of its own every tenth note, then
 * {@code DONE}.</li>
 * <li>{@code hold URL}: opens the database with a plain H2 connection of its own (not shared, as a
 * database tool or an older Relaybench would), prints {@code HOLDING} and keeps it open until killed.</li>
 * </ul>
 */
public final class Writer {

    /** Changes in one session written by {@link #writeWhole}. */
    static final int CHANGES = 5;

    private Writer() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String url = args[1];
        if (args[0].equals("hold")) {
            try (java.sql.Connection c = new org.h2.Driver().connect(url, new java.util.Properties())) {
                out.println("HOLDING");
                out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            return;
        }
        String tag = args[2];
        try (SessionStore store = SessionStores.open(url)) {
            out.println("READY");
            out.flush();
            if (args[0].equals("kill")) {
                for (int n = 0;; n++) {
                    out.println("COMMITTED " + writeWhole(store, tag, n));
                    out.flush();
                }
            }
            String shared = args[3];
            int count = Integer.parseInt(args[4]);
            for (int i = 0; i < count; i++) {
                AuditEntry e = store.addNote(shared, tag, tag + " note " + i);
                out.println("SEQ " + e.sequence());
                if (i % 10 == 0) {
                    out.println("COMMITTED " + writeWhole(store, tag, i));
                }
                out.flush();
            }
            out.println("DONE");
            out.flush();
        }
    }

    /** Writes one session in {@value #CHANGES} transactions and returns its id. */
    static String writeWhole(SessionStore store, String tag, int n) {
        String id = store.open(new NewSession(tag, "Writer " + tag + " " + n, "W-" + tag + "-" + n,
                Samples.account("writer" + n + "@aol.com"), Instant.now()));
        store.recordDiagnosis(id, tag, Samples.diagnosis("aol", "smtp-auth-missing", "wrong-smtp-port"));
        store.recordProbe(id, tag, Samples.probe("smtp.aol.com", 300));
        store.setStep(id, tag, "aol-smtp-settings", "2", StepState.DID_NOT_WORK, "still refused");
        store.addNote(id, tag, "whole " + n);
        return id;
    }
}
