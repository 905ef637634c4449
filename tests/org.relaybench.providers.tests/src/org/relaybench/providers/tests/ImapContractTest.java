package org.relaybench.providers.tests;

import org.relaybench.testing.ProviderContractTest;

/** The generic provider keeps the provider contract too. */
class ImapContractTest extends ProviderContractTest {

    @Override
    protected String providerId() {
        return Fixtures.IMAP;
    }
}
