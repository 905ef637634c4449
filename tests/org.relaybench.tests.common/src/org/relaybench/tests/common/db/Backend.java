package org.relaybench.tests.common.db;

import java.nio.file.Path;
import java.util.List;

import org.relaybench.tests.common.Scratch;
import org.relaybench.tests.common.servers.PostgresServer;

/** The two databases every store test runs against. */
public enum Backend {
    /** H2 embedded, a file in the scratch folder. */
    H2,
    /** The test run's own PostgreSQL server. */
    POSTGRESQL;

    /**
     * @param name a name for the store, unique per test (letters, digits, underscores)
     * @return the JDBC URL of a new, empty store
     */
    public String freshStore(String name) throws Exception {
        return this == H2 ? "jdbc:h2:file:" + Scratch.fresh("h2-" + name).resolve("sessions")
                : PostgresServer.get().freshDatabase(name.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * @param name the name given to {@link #freshStore(String)}
     * @return the folder where the database keeps that store's files
     */
    public Path files(String name) throws Exception {
        return this == H2 ? Scratch.dir("h2-" + name) : PostgresServer.get().files();
    }

    /**
     * @return the store's tables: the summary rows, the trail, the cause index and, on H2, the word
     *         index (PostgreSQL keeps a session's words in its summary row)
     */
    public List<String> tables() {
        return this == H2 ? List.of("rb_session", "rb_event", "rb_session_cause", "rb_session_token")
                : List.of("rb_session", "rb_event", "rb_session_cause");
    }

    /**
     * Fault injection: a statement that makes the store refuse every session whose free-text index
     * holds the word.
     *
     * @param constraint the name of the check constraint it adds, for {@link #acceptWordsAgain}
     * @param word a lower-case word
     * @return the {@code alter table} statement
     */
    public String refuseWord(String constraint, String word) {
        return "alter table " + wordTable() + " add constraint " + constraint + " check ("
                + (this == H2 ? "token <> '" + word + "'" : "not (words @@ '" + word + "'::tsquery)") + ")";
    }

    /** @return the statement that drops the constraint {@link #refuseWord} added */
    public String acceptWordsAgain(String constraint) {
        return "alter table " + wordTable() + " drop constraint " + constraint;
    }

    private String wordTable() {
        return this == H2 ? "rb_session_token" : "rb_session";
    }
}
