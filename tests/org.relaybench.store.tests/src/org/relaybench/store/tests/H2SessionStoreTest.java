package org.relaybench.store.tests;

import org.relaybench.tests.common.db.Backend;

/** The store contract on H2. */
class H2SessionStoreTest extends SessionStoreContract {

    @Override
    Backend backend() {
        return Backend.H2;
    }
}
