package org.relaybench.store.tests;

import java.nio.file.Path;

/** The two databases every store test runs against. */
enum Backend {
    /** H2 embedded, a file in the scratch folder. */
    H2,
    /** The test run's own PostgreSQL server. */
    POSTGRESQL;

    /**
     * @param name a name for the store, unique per test (letters, digits, underscores)
     * @return the JDBC URL of a new, empty store
     */
    String freshStore(String name) throws Exception {
        return this == H2 ? "jdbc:h2:file:" + Work.fresh("h2-" + name).resolve("sessions")
                : PostgresServer.get().freshDatabase(name.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * @param name the name given to {@link #freshStore(String)}
     * @return the folder where the database keeps that store's files
     */
    Path files(String name) throws Exception {
        return this == H2 ? Work.dir("h2-" + name) : PostgresServer.get().base();
    }
}
