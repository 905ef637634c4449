package org.relaybench.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * The provider contract over every installed provider, as dynamic tests: a provider added to the test
 * runtime is held to it without a test class of its own. Use it from a {@code @TestFactory}:
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicContainer&gt; everyInstalledProviderKeepsTheContract() throws Exception {
 *     return InstalledProviders.contract(getClass(), p -&gt; true);
 * }
 * </pre>
 *
 * Each provider gets every {@code @Test} check of {@link ProviderContractTest}, found by reflection,
 * so the two never differ.
 *
 * @since 0.1
 */
public final class InstalledProviders {

    private InstalledProviders() {
    }

    /**
     * @param caller a class of the test bundle (its context finds the services)
     * @param which the providers to check, e.g. leaving out deliberately faulty test contributions
     * @return one container per chosen provider, in catalog order, with one test per check
     * @throws InterruptedException when interrupted while waiting for the catalog
     */
    public static Stream<DynamicContainer> contract(Class<?> caller, Predicate<ProviderDescriptor> which)
            throws InterruptedException {
        List<ProviderDescriptor> providers = RelaybenchServices.get(caller, ProviderCatalog.class).snapshot()
                .providers().stream().filter(which).toList();
        if (providers.isEmpty()) {
            throw new AssertionError("no installed provider was chosen: is the provider bundle in the test runtime?");
        }
        return providers.stream().map(p -> DynamicContainer.dynamicContainer(p.id(), checks(p.id())));
    }

    /** @return the checks of the contract, in name order */
    public static List<Method> checks() {
        return Arrays.stream(ProviderContractTest.class.getMethods()).filter(m -> m.isAnnotationPresent(Test.class))
                .sorted(Comparator.comparing(Method::getName)).toList();
    }

    private static Stream<DynamicTest> checks(String id) {
        return checks().stream().map(check -> DynamicTest.dynamicTest(words(check.getName()), () -> {
            ProviderContractTest test = new ProviderContractTest() {
                @Override
                protected String providerId() {
                    return id;
                }
            };
            test.loadProvider();
            try {
                check.invoke(test);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    /** {@code recommendsSubmissionServers} becomes {@code recommends submission servers}. */
    static String words(String methodName) {
        return methodName.replaceAll("([A-Z])", " $1").toLowerCase();
    }
}
