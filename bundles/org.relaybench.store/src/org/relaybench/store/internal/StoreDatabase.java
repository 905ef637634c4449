package org.relaybench.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Supplier;

import org.relaybench.store.SessionStores;
import org.relaybench.store.StoreException;

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

    private final Properties credentials;

    private StoreDatabase(Kind kind, String url, Driver driver) {
        this.kind = kind;
        this.url = url;
        this.driver = driver;
        this.credentials = credentials(url, System.getenv(),
                () -> kind == Kind.POSTGRESQL ? fromSecureStorage(url) : Optional.empty());
        if (kind == Kind.POSTGRESQL && !url.toLowerCase(Locale.ROOT).contains("rewritebatchedinserts=")) {
            // the driver then sends a JDBC batch of inserts (a change's index words) as multi-row inserts,
            // many rows a round trip; the URL may still say otherwise
            credentials.setProperty("reWriteBatchedInserts", "true");
        }
    }

    /**
     * As {@link #credentials(String, Map, Supplier)} without secure storage.
     *
     * @param url the JDBC URL
     * @param env the environment
     * @return the connection properties
     */
    static Properties credentials(String url, Map<String, String> env) {
        return credentials(url, env, Optional::empty);
    }

    /**
     * The password of a URL that carries none: from {@link SessionStores#PASSWORD_VARIABLE}, else the
     * first line of the file {@link SessionStores#PASSWORD_FILE_VARIABLE} names, else the one kept in
     * Eclipse secure storage for the URL (the workbench's preference page keeps it there); else none,
     * and the PostgreSQL driver reads {@code ~/.pgpass} itself.
     *
     * @param url the JDBC URL
     * @param env the environment
     * @param secureStorage the password kept for the URL, asked only when the others give none
     * @return the connection properties
     * @throws StoreException when the password file cannot be read
     */
    static Properties credentials(String url, Map<String, String> env, Supplier<Optional<char[]>> secureStorage) {
        Properties p = new Properties();
        if (SessionStores.carriesPassword(url)) {
            return p;
        }
        String password = env.get(SessionStores.PASSWORD_VARIABLE);
        String file = env.get(SessionStores.PASSWORD_FILE_VARIABLE);
        if ((password == null || password.isEmpty()) && file != null && !file.isBlank()) {
            try (java.io.BufferedReader r = Files.newBufferedReader(Path.of(file.trim()), StandardCharsets.UTF_8)) {
                password = r.readLine();
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new StoreException("cannot read the store's password file " + file + " (named by "
                        + SessionStores.PASSWORD_FILE_VARIABLE + "): " + e.getMessage(), e);
            }
        }
        if (password == null || password.isEmpty()) {
            Optional<char[]> kept = secureStorage.get();
            if (kept.isPresent()) {
                // the driver takes a String; the array is wiped at once
                password = new String(kept.get());
                java.util.Arrays.fill(kept.get(), '\0');
            }
        }
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        return p;
    }

    /**
     * The password kept in the user's secure storage for the URL, if any. Outside a running Equinox
     * (a plain class path), or when secure storage cannot be opened or decrypted (no master password
     * in a headless process), there is none: the connection then fails with the database's own
     * message about the password.
     */
    private static Optional<char[]> fromSecureStorage(String url) {
        try {
            return org.relaybench.store.RememberedPasswords.openDefault().recallStore(url);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
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
     * The settings Relaybench gives an H2 URL:
     * <ul>
     * <li>{@code RETENTION_TIME=1000}: H2 keeps old parts of its file for RETENTION_TIME (45 s by
     * default) before it reuses them, in case the disk has not written them yet. With a checkpoint
     * after every change (see {@link #afterCommit}) that lets the file grow by every change of the
     * last 45 s; one second is plenty for a process crash, which loses nothing the operating system
     * was given.</li>
     * <li>{@code AUTO_SERVER=TRUE} for a database file (H2's automatic mixed mode): the first process
     * opens the file and serves it to the others over a socket that only a process which can read the
     * file's lock (which holds a random key) may use, so the workbench and the command line can use
     * the embedded store at the same time. The socket is bound to the loopback address (the system
     * property {@code h2.bindAddress}, set here unless given).</li>
     * </ul>
     */
    static String h2Url(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        String u = upper.contains(";RETENTION_TIME=") ? url : url + ";RETENTION_TIME=1000";
        boolean file = !upper.matches("JDBC:H2:(MEM|TCP|SSL|ZIP|SPLIT|NIOMEM\\w*|MEMFS|MEMLZF):.*");
        if (file && !upper.contains(";AUTO_SERVER=") && !upper.contains(";FILE_LOCK=")) {
            u = u + ";AUTO_SERVER=TRUE";
        }
        return u;
    }

    static {
        // H2 reads it once, when its first class loads: before this class makes any H2 connection.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /**
     * Makes a committed change survive the process dying: H2 writes committed changes to its file in
     * the background, up to WRITE_DELAY (500 ms) later, and a process killed meanwhile loses them; a
     * checkpoint writes them now. (WRITE_DELAY=0 would do the same, but it also stops H2's background
     * housekeeping, and the file then grows by every commit, without bound.) PostgreSQL's commit is
     * durable when it returns.
     */
    void afterCommit(Connection c) throws SQLException {
        if (kind == Kind.H2) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("checkpoint");
            }
        }
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
        Connection fresh = driver.connect(url, credentials);
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
