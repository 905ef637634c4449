package org.relaybench.store.tests;

import org.relaybench.tests.common.db.Backend;

/** Bulk openings on PostgreSQL. */
class PostgresBulkOpeningTest extends BulkOpeningContract {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
