package org.relaybench.store.tests;

import org.relaybench.tests.common.db.Backend;

/** Session search on H2. */
class H2SearchTest extends SearchContract {

    @Override
    Backend backend() {
        return Backend.H2;
    }
}
