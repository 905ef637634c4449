package org.relaybench.providers.tests;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.testing.InstalledProviders;

/**
 * The published provider contract ({@code org.relaybench.testing}) over every provider installed in
 * the test runtime, so that a provider bundle added to the product is held to it without writing a
 * test class. Test contributions of {@code org.relaybench.tests.*} bundles are deliberately faulty and
 * left out.
 */
class InstalledProvidersContractTest {

    @TestFactory
    Stream<DynamicContainer> everyInstalledProviderKeepsTheContract() throws Exception {
        List<ProviderDescriptor> shipped = Fixtures.catalog().snapshot().providers().stream()
                .filter(InstalledProvidersContractTest::shipped).toList();
        if (shipped.size() < 2) {
            throw new AssertionError("expected the shipped providers in the test runtime, found " + shipped);
        }
        return InstalledProviders.contract(getClass(), InstalledProvidersContractTest::shipped);
    }

    private static boolean shipped(ProviderDescriptor p) {
        return !p.origin().bundle().startsWith("org.relaybench.tests.");
    }
}
