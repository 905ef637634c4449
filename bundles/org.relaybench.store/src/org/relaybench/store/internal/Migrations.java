package org.relaybench.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Creates and upgrades the store's schema with Liquibase, from the changelog in this bundle
 * ({@value #CHANGELOG}). Each changeset runs once per database; Liquibase records it in its
 * {@code DATABASECHANGELOG} table.
 * <p>
 * Only one process may migrate a database at a time. Liquibase guards that with a lock row, which a
 * process killed mid-migration leaves set, and everyone after it would wait for it in vain. So the
 * store takes a lock that dies with its holder first: a PostgreSQL session-level advisory lock (for
 * an embedded H2 file the database file itself is held by one process only), plus a JVM-wide lock for
 * the threads of this process. Holding that, any Liquibase lock row still set is stale and released.
 */
final class Migrations {

    static final String CHANGELOG = "org/relaybench/store/internal/db/changelog.sql";

    /** An arbitrary constant: the key of the advisory lock all Relaybench migrators take. */
    private static final long ADVISORY_KEY = 0x5242_5354_4f52_4531L;

    private static final Object JVM_LOCK = new Object();

    /** Liquibase logs through java.util.logging; its INFO lines would end up on the command line. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    private Migrations() {
    }

    /**
     * Brings the schema up to date.
     *
     * @param c a connection (auto-commit off); committed when this returns
     * @param kind which database it is
     * @param embedded whether no other process can reach the database (an H2 file or memory database)
     * @throws SQLException when the migration fails
     */
    static void migrate(Connection c, StoreDatabase.Kind kind, boolean embedded)
            throws SQLException {
        boolean postgres = kind == StoreDatabase.Kind.POSTGRESQL;
        if (Changelog.applied(c, kind)) {
            return; // nothing to do: skip Liquibase's start-up, which costs seconds on the command line
        }
        synchronized (JVM_LOCK) {
            if (postgres) {
                advisory(c, "pg_advisory_lock");
            }
            try {
                update(c, postgres || embedded);
            } finally {
                if (postgres) {
                    advisory(c, "pg_advisory_unlock");
                }
            }
        }
        c.setAutoCommit(false);
    }

    private static void advisory(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + function + "(?)")) {
            s.setLong(1, ADVISORY_KEY);
            s.execute();
        }
        c.commit();
    }

    private static void update(Connection c, boolean releaseStaleLock) throws SQLException {
        Map<String, Object> scope = new HashMap<>();
        ClassLoader own = Migrations.class.getClassLoader();
        scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(own));
        // Liquibase finds its own services (database types, change types) through its class loader
        scope.put(Scope.Attr.classLoader.name(), Scope.class.getClassLoader());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put("liquibase.analytics.enabled", Boolean.FALSE);
        scope.put("liquibase.command.showSummary", "OFF");
        try {
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                if (releaseStaleLock) {
                    LockServiceFactory.getInstance().getLockService(database).forceReleaseLock();
                }
                new CommandScope("update").addArgumentValue("database", database)
                        .addArgumentValue("changelogFile", CHANGELOG).execute();
                LockServiceFactory.getInstance().resetAll();
            });
        } catch (LiquibaseException e) {
            throw new SQLException("schema migration failed: " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("schema migration failed: " + e, e);
        }
    }
}
