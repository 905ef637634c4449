package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.relaybench.core.internal.spi.InstallSource;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.TestBundles;

/**
 * Provider plugins that do not resolve are listed with the framework's reason and stay quarantined;
 * where a provider came from is asked of the install sources when the location cannot say.
 */
class PluginIsolationTest {

    @Test
    void pluginWithMissingRequiredBundleIsListedWithTheReason() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        Bundle bundle = TestBundles.install("relaybench-test:unresolvable-require",
                TestBundles.jar("org.relaybench.tests.unresolvable", Map.of("Require-Bundle",
                        "org.relaybench.tests.nowhere;bundle-version=\"[1.0.0,2.0.0)\""),
                        TestBundles.provider("unresolvable-isp", "unresolvable.example")));
        try {
            assertEquals(Bundle.INSTALLED, bundle.getState(), "the bundle must not resolve");
            LoadProblem problem = await(catalog, "org.relaybench.tests.unresolvable");
            assertEquals("bundle org.relaybench.tests.unresolvable 1.0.0", problem.element());
            assertTrue(problem.reason().startsWith("the bundle does not resolve: Require-Bundle org.relaybench.tests.nowhere"),
                    problem::reason);
            assertTrue(problem.reason().contains("nothing installed provides it"), problem::reason);
            assertTrue(problem.reason().contains("bundle-version"), "the version range is said: " + problem.reason());
            assertTrue(problem.skipped().contains("quarantined"), problem::skipped);
            assertTrue(catalog.snapshot().provider("unresolvable-isp").isEmpty(), "its provider never loads");
        } finally {
            bundle.uninstall();
        }
        Await.until("the problem leaves with the bundle", () -> problem(catalog, "org.relaybench.tests.unresolvable").isEmpty());
    }

    @Test
    void pluginWithMissingPackageAndOnlyTheHeaderIsListed() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        Bundle bundle = TestBundles.install("relaybench-test:unresolvable-import",
                TestBundles.jar("org.relaybench.tests.unresolvable.imports", Map.of("Relaybench-Provider", "nowhere-isp",
                        "Import-Package", "com.example.relaybench.missing;version=\"[2.0,3.0)\""), null));
        try {
            LoadProblem problem = await(catalog, "org.relaybench.tests.unresolvable.imports");
            assertTrue(problem.reason().contains("Import-Package com.example.relaybench.missing"), problem::reason);
        } finally {
            bundle.uninstall();
        }
    }

    @Test
    void bundlesThatAreNotProviderPluginsAreNotListed() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        Bundle bundle = TestBundles.install("relaybench-test:unresolvable-library", TestBundles.jar(
                "org.relaybench.tests.library", Map.of("Require-Bundle", "org.relaybench.tests.nowhere"), null));
        try {
            Bundle marker = TestBundles.install("relaybench-test:unresolvable-marker", TestBundles.jar(
                    "org.relaybench.tests.marker", Map.of("Require-Bundle", "org.relaybench.tests.nowhere"),
                    TestBundles.provider("marker-isp", "marker.example")));
            try {
                await(catalog, "org.relaybench.tests.marker");
                assertTrue(problem(catalog, "org.relaybench.tests.library").isEmpty(), "a library is none of ours");
            } finally {
                marker.uninstall();
            }
        } finally {
            bundle.uninstall();
        }
    }

    @Test
    void pluginLoadsOnceWhatItNeedsArrives() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        Bundle plugin = TestBundles.install("relaybench-test:waits-for-library",
                TestBundles.jar("org.relaybench.tests.waiting", Map.of("Require-Bundle", "org.relaybench.tests.later"),
                        TestBundles.provider("waiting-isp", "waiting.example")));
        Bundle library = null;
        try {
            await(catalog, "org.relaybench.tests.waiting");
            library = TestBundles.install("relaybench-test:later",
                    TestBundles.jar("org.relaybench.tests.later", Map.of(), null));
            TestBundles.resolve(plugin);
            Await.until("the provider loads", () -> catalog.snapshot().provider("waiting-isp").isPresent());
            Await.until("the problem is gone", () -> problem(catalog, "org.relaybench.tests.waiting").isEmpty());
        } finally {
            plugin.uninstall();
            if (library != null) {
                library.uninstall();
            }
        }
    }

    @Test
    void installSourceNamesWhereAPluginInPluginsCameFrom() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        InstallSource p2 = bundle -> bundle.getSymbolicName().startsWith("org.relaybench.tests.origin.")
                ? Optional.of("p2")
                : Optional.empty();
        ServiceRegistration<InstallSource> registration = OsgiServices.context().registerService(InstallSource.class, p2, null);
        Bundle inPlugins = TestBundles.install("reference:file:/opt/relaybench/plugins/org.relaybench.tests.origin.a_1.0.0.jar",
                TestBundles.jar("org.relaybench.tests.origin.a", Map.of(), TestBundles.provider("origin-a", "origin-a.example")));
        Bundle inDropins = TestBundles.install("reference:file:/opt/relaybench/dropins/org.relaybench.tests.origin.b_1.0.0.jar",
                TestBundles.jar("org.relaybench.tests.origin.b", Map.of(), TestBundles.provider("origin-b", "origin-b.example")));
        try {
            Await.until("both providers", () -> catalog.snapshot().provider("origin-a").isPresent()
                    && catalog.snapshot().provider("origin-b").isPresent());
            assertEquals("p2", catalog.snapshot().provider("origin-a").get().origin().source());
            assertEquals("dropins", catalog.snapshot().provider("origin-b").get().origin().source(),
                    "the dropins folder says it first");
            registration.unregister();
            registration = null;
            Await.until("without the source the plugin looks built-in",
                    () -> "built-in".equals(catalog.snapshot().provider("origin-a").get().origin().source()));
        } finally {
            if (registration != null) {
                registration.unregister();
            }
            inPlugins.uninstall();
            inDropins.uninstall();
        }
    }

    private static LoadProblem await(ProviderCatalog catalog, String contributor) throws InterruptedException {
        Await.until("a load problem of " + contributor, () -> problem(catalog, contributor).isPresent());
        return problem(catalog, contributor).get();
    }

    private static Optional<LoadProblem> problem(ProviderCatalog catalog, String contributor) {
        return catalog.snapshot().problems().stream().filter(p -> p.contributor().equals(contributor)).findFirst();
    }
}
