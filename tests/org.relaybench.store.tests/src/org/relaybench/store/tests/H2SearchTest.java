package org.relaybench.store.tests;

/** Session search on H2. */
class H2SearchTest extends SearchContract {

    @Override
    Backend backend() {
        return Backend.H2;
    }
}
