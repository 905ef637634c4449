package org.relaybench.store;

import org.relaybench.store.internal.JdbcSessionStore;

/**
 * Opens session stores without OSGi services: for tools, benchmarks and processes that run the store
 * from a plain class path. Inside the workbench and the headless product use the
 * {@link SessionStoreFactory} service, which also knows the default store.
 *
 * @since 0.1
 */
public final class SessionStores {

    /**
     * The environment variable that holds the database password of a store whose URL carries none
     * (a URL's password shows in the process list; this does not).
     *
     * @since 0.2
     */
    public static final String PASSWORD_VARIABLE = "RELAYBENCH_STORE_PASSWORD";

    /**
     * The environment variable that names a file whose first line is the database password, for a
     * store whose URL carries none and when {@link #PASSWORD_VARIABLE} is not set. Without either,
     * the PostgreSQL driver looks in {@code ~/.pgpass} (or the file {@code PGPASSFILE} names).
     *
     * @since 0.2
     */
    public static final String PASSWORD_FILE_VARIABLE = "RELAYBENCH_STORE_PASSWORD_FILE";

    private SessionStores() {
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return whether it carries a password, which then shows in process lists and shell histories
     * @since 0.2
     */
    public static boolean carriesPassword(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.matches("(?is).*[?&;]password=.*");
    }

    /**
     * Opens a store, creating or migrating its schema when needed.
     *
     * @param jdbcUrl {@code jdbc:h2:...} (embedded) or {@code jdbc:postgresql://...} (shared)
     * @return the open store; close it when done
     * @throws IllegalArgumentException for other URLs
     * @throws StoreException when the database cannot be opened
     */
    public static SessionStore open(String jdbcUrl) {
        return JdbcSessionStore.open(jdbcUrl);
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return the URL with any password parameter masked, fit for messages and logs
     */
    public static String describe(String jdbcUrl) {
        return jdbcUrl == null ? "" : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
