package org.relaybench.store.tests;

import org.relaybench.tests.common.db.Backend;

/** The store contract on PostgreSQL. */
class PostgresSessionStoreTest extends SessionStoreContract {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
