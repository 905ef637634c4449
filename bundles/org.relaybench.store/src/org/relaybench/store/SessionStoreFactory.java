package org.relaybench.store;

/**
 * Opens session stores; an OSGi service. It knows the default store: the one named by the
 * preference {@code storeUrl} of node {@code org.relaybench.store} (instance scope, then
 * configuration and default scopes), or else the embedded H2 database in the workspace, under
 * {@code <instance area>/relaybench/sessions}, which needs no set-up.
 *
 * @since 0.1
 */
public interface SessionStoreFactory {

    /** The preference node of the store. */
    String PREFERENCE_NODE = "org.relaybench.store";

    /** The preference that names the default store's JDBC URL. */
    String PREFERENCE_URL = "storeUrl";

    /**
     * Opens a store, creating or migrating its schema when needed.
     *
     * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql://...}
     * @return the open store; close it when done
     * @throws IllegalArgumentException for other URLs
     * @throws StoreException when the database cannot be opened
     */
    SessionStore open(String jdbcUrl);

    /** @return the JDBC URL of the default store */
    String defaultUrl();

    /**
     * Opens the default store.
     *
     * @return the open store; close it when done
     * @throws StoreException when the database cannot be opened
     */
    default SessionStore openDefault() {
        return open(defaultUrl());
    }
}
