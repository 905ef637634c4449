package org.relaybench.tests.common.db;

import java.nio.file.Path;

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
}
