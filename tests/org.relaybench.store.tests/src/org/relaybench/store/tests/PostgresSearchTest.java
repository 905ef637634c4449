package org.relaybench.store.tests;

/** Session search on PostgreSQL. */
class PostgresSearchTest extends SearchContract {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
