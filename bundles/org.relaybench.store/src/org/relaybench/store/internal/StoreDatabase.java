package org.relaybench.store.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

import org.relaybench.store.SessionStores;

/**
 * One database named by a JDBC URL, with a small pool of idle connections.
 * <p>
 * Inside OSGi, {@link java.sql.DriverManager} does not see drivers in other bundles, so the driver
 * is instantiated directly, chosen by the URL's prefix. Connections run with auto-commit off at READ
 * COMMITTED; every unit of work commits or rolls back before its connection goes back to the pool.
 */
final class StoreDatabase implements AutoCloseable {

    /** The databases the store speaks. */
    enum Kind {
        H2, POSTGRESQL
    }

    private static final int MAX_IDLE = 4;

    private final Kind kind;
    private final String url;
    private final Driver driver;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
    private volatile boolean closed;

    private StoreDatabase(Kind kind, String url, Driver driver) {
        this.kind = kind;
        this.url = url;
        this.driver = driver;
    }

    /**
     * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
     * @return the database; no connection is made yet
     * @throws IllegalArgumentException for other URLs
     */
    static StoreDatabase of(String jdbcUrl) {
        String u = Objects.requireNonNull(jdbcUrl, "jdbcUrl").trim();
        if (u.startsWith("jdbc:h2:")) {
            return new StoreDatabase(Kind.H2, h2Url(u), new org.h2.Driver());
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return new StoreDatabase(Kind.POSTGRESQL, u, new org.postgresql.Driver());
        }
        throw new IllegalArgumentException(
                "not a session store URL (jdbc:h2:... or jdbc:postgresql://...): " + SessionStores.describe(u));
    }

    /**
     * H2 keeps committed changes in memory for up to half a second by default (WRITE_DELAY) before it
     * writes them to the file; a process killed in that window would lose them. With WRITE_DELAY=0
     * every commit is written to the file before it returns, so it survives the process (kill -9).
     */
    static String h2Url(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        return upper.contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
    }

    Kind kind() {
        return kind;
    }

    String description() {
        return SessionStores.describe(url);
    }

    /**
     * @return an idle connection, or a new one
     * @throws SQLException when none can be made
     */
    Connection borrow() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the session store is closed");
        }
        Connection c = idle.pollFirst();
        if (c != null) {
            return c;
        }
        Connection fresh = driver.connect(url, new Properties());
        if (fresh == null) {
            throw new SQLException("the driver does not accept the URL " + description());
        }
        fresh.setAutoCommit(false);
        fresh.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return fresh;
    }

    /**
     * @param c a connection from {@link #borrow()}, its transaction ended
     * @param healthy false when it failed in a way that may have broken it
     */
    void release(Connection c, boolean healthy) {
        if (healthy && !closed && idle.size() < MAX_IDLE) {
            idle.offerFirst(c);
            if (!closed) {
                return;
            }
            idle.remove(c);
        }
        closeQuietly(c);
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the connection is being thrown away; a failure to close it changes nothing stored
        }
    }
}
