package org.relaybench.store.tests;

import org.relaybench.tests.common.db.Backend;

/** Session search on PostgreSQL. */
class PostgresSearchTest extends SearchContract {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
