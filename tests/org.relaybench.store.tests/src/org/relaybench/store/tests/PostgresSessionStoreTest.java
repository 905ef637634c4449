package org.relaybench.store.tests;

/** The store contract on PostgreSQL. */
class PostgresSessionStoreTest extends SessionStoreContract {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
