package org.relaybench.store.tests;

import org.relaybench.tests.common.db.Backend;

/** Bulk openings on H2. */
class H2BulkOpeningTest extends BulkOpeningContract {

    @Override
    Backend backend() {
        return Backend.H2;
    }
}
