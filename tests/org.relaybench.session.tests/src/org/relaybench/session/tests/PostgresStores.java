package org.relaybench.session.tests;

/** Fresh databases on the test run's PostgreSQL server. */
final class PostgresStores {

    private PostgresStores() {
    }

    static String fresh(String name) {
        throw new UnsupportedOperationException("PostgreSQL comes with the shared test servers");
    }
}
