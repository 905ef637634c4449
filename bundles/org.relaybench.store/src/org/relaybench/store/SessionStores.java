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

    private SessionStores() {
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
