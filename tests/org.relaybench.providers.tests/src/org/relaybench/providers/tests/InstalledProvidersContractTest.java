package org.relaybench.providers.tests;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * The provider contract over every provider installed in the test runtime, so that a provider
 * bundle added to the product is held to it without writing a test class. Test contributions of
 * {@code org.relaybench.tests.*} bundles are deliberately faulty and left out.
 */
class InstalledProvidersContractTest {

    @TestFactory
    Stream<DynamicContainer> everyInstalledProviderKeepsTheContract() throws Exception {
        List<ProviderDescriptor> providers = Fixtures.catalog().snapshot().providers().stream()
                .filter(p -> !p.origin().bundle().startsWith("org.relaybench.tests.")).toList();
        if (providers.size() < 2) {
            throw new AssertionError("expected the shipped providers in the test runtime, found " + providers);
        }
        return providers.stream().map(p -> DynamicContainer.dynamicContainer(p.id(), contract(p.id())));
    }

    private static Stream<DynamicTest> contract(String id) {
        ProviderContractTest t = new ProviderContractTest() {
            @Override
            protected String providerId() {
                return id;
            }
        };
        return Stream.of(
                DynamicTest.dynamicTest("loads without problems", () -> run(t, t::loadsWithoutProblems)),
                DynamicTest.dynamicTest("is the provider of its domains", () -> run(t, t::isTheProviderOfItsDomains)),
                DynamicTest.dynamicTest("recommends submission servers", () -> run(t, t::recommendsSubmissionServers)),
                DynamicTest.dynamicTest("steps have wording and expectations",
                        () -> run(t, t::everyStepSaysWhatToExpectAndHasWordingForEveryIosGeneration)),
                DynamicTest.dynamicTest("every cause has a procedure", () -> run(t, t::everyCauseItRaisesHasAProcedure)),
                DynamicTest.dynamicTest("recommended settings give no error", () -> run(t, t::recommendedSettingsGiveNoError)),
                DynamicTest.dynamicTest("iOS relaying error points at the fix",
                        () -> run(t, t::iosRelayingErrorWithAuthOffPointsAtTheFix)));
    }

    private static void run(ProviderContractTest t, Runnable check) throws Exception {
        t.load();
        check.run();
    }
}
