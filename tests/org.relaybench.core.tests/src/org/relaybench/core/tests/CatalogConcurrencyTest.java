package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.TestBundles;
import org.relaybench.core.internal.catalog.ExtensionProviderCatalog;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;

/**
 * The catalog reloads in the background, never on the caller's thread: {@link ProviderCatalog#snapshot()}
 * only reads, and listeners are told with no lock held, on the catalog's own thread.
 */
class CatalogConcurrencyTest {

    private static final String POINT = "org.relaybench.core.providers";

    @Test
    void snapshotNeitherReloadsNorWaitsForAReload() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // holds the catalog's thread once the first provider is in, so that no reload can run meanwhile
        AutoCloseable subscription = catalog.addListener(s -> {
            if (s.provider("blocking-a").isPresent() && inListener.getCount() > 0) {
                inListener.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Bundle a = null;
        Bundle b = null;
        try {
            a = TestBundles.install("relaybench-test:blocking-a", TestBundles.jar("org.relaybench.tests.blocking.a",
                    Map.of(), TestBundles.provider("blocking-a", "blocking-a.example")));
            assertTrue(inListener.await(20, TimeUnit.SECONDS), "the listener is told of the first provider");
            b = TestBundles.install("relaybench-test:blocking-b", TestBundles.jar("org.relaybench.tests.blocking.b",
                    Map.of(), TestBundles.provider("blocking-b", "blocking-b.example")));
            Await.until("the second provider in the registry", () -> registryHas("org.relaybench.tests.blocking.b"));

            long start = System.nanoTime();
            ProviderCatalog.Snapshot snapshot = catalog.snapshot();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1_000, "snapshot() does not wait for the catalog's thread: " + millis + " ms");
            assertTrue(snapshot.provider("blocking-a").isPresent());
            assertFalse(snapshot.provider("blocking-b").isPresent(),
                    "snapshot() returns the catalog as read; it does not read the registry itself");

            release.countDown();
            Await.until("the background reload brings the second provider",
                    () -> catalog.snapshot().provider("blocking-b").isPresent());
        } finally {
            release.countDown();
            subscription.close();
            if (a != null) {
                a.uninstall();
            }
            if (b != null) {
                b.uninstall();
            }
        }
        Await.until("both gone", () -> catalog.snapshot().provider("blocking-a").isEmpty()
                && catalog.snapshot().provider("blocking-b").isEmpty());
    }

    @Test
    void awaitCurrentReturnsContributionsTheRegistryAnnouncedAlready() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        Bundle bundle = TestBundles.install("relaybench-test:await-current", TestBundles.jar(
                "org.relaybench.tests.await.current", Map.of(), TestBundles.provider("await-current", "await-current.example")));
        try {
            Await.until("the provider in the registry", () -> registryHas("org.relaybench.tests.await.current"));
            assertTrue(catalog.awaitCurrent(Duration.ofSeconds(20)).provider("await-current").isPresent(),
                    "what the registry holds is in the catalog once it is current");
        } finally {
            bundle.uninstall();
        }
    }

    /**
     * {@link ProviderCatalog#awaitCurrent(Duration)} answers at once while nothing changed since it last
     * found the catalog current: a provider installed or removed right after such an answer must still
     * be seen, without waiting for the registry's (asynchronous) announcement.
     */
    @Test
    void awaitCurrentSeesChangesMadeRightAfterItFoundTheCatalogCurrent() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        settleThenFindCurrent(catalog);
        Bundle bundle = TestBundles.install("relaybench-test:await-fast", TestBundles.jar(
                "org.relaybench.tests.await.fast", Map.of(), TestBundles.provider("await-fast", "await-fast.example")));
        try {
            assertTrue(catalog.awaitCurrent(Duration.ofSeconds(20)).provider("await-fast").isPresent(),
                    "installed and resolved just before the call");
            settleThenFindCurrent(catalog);
        } finally {
            bundle.uninstall();
        }
        assertTrue(catalog.awaitCurrent(Duration.ofSeconds(20)).provider("await-fast").isEmpty(),
                "uninstalled just before the call");

        settleThenFindCurrent(catalog);
        Bundle unresolved = OsgiServices.context().installBundle("relaybench-test:await-fast-unresolved",
                new java.io.ByteArrayInputStream(TestBundles.jar("org.relaybench.tests.await.fast.unresolved",
                        Map.of("Require-Bundle", "org.relaybench.tests.nowhere"),
                        TestBundles.provider("await-fast-unresolved", "await-fast-unresolved.example"))));
        try {
            assertTrue(catalog.awaitCurrent(Duration.ofSeconds(20)).problems().stream()
                    .anyMatch(p -> p.contributor().equals("org.relaybench.tests.await.fast.unresolved")),
                    () -> catalog.snapshot().problems().toString());
        } finally {
            unresolved.uninstall();
        }
    }

    /** Waits until the last bundle event is old enough to be trusted, then has the catalog found current. */
    private static void settleThenFindCurrent(ProviderCatalog catalog) throws InterruptedException {
        Thread.sleep(ExtensionProviderCatalog.SETTLE_MILLIS + 250);
        catalog.awaitCurrent(Duration.ofSeconds(20));
        catalog.awaitCurrent(Duration.ofSeconds(20));
    }

    @Test
    void awaitCurrentReturnsAPluginThatDoesNotResolveAsSoonAsItIsInstalled() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        Bundle bundle = OsgiServices.context().installBundle("relaybench-test:await-unresolved", new java.io.ByteArrayInputStream(
                TestBundles.jar("org.relaybench.tests.await.unresolved", Map.of("Require-Bundle", "org.relaybench.tests.nowhere"),
                        TestBundles.provider("await-unresolved", "await-unresolved.example"))));
        try {
            // no wait for the bundle event: the catalog sees that the framework holds a bundle more
            assertTrue(catalog.awaitCurrent(Duration.ofSeconds(20)).problems().stream()
                    .anyMatch(p -> p.contributor().equals("org.relaybench.tests.await.unresolved")),
                    () -> catalog.snapshot().problems().toString());
        } finally {
            bundle.uninstall();
        }
    }

    /**
     * A plugin that does not resolve, installed while the catalog still reads after the previous one was
     * removed: the framework holds as many bundles as that reading counted, but the reading began
     * before the installation, so it does not count as current.
     */
    @Test
    void awaitCurrentSeesEachOfPluginsInstalledOneAfterAnotherAsEachIsRemoved() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        for (int i = 0; i < 40; i++) {
            String name = "org.relaybench.tests.await.series" + i;
            Bundle bundle = OsgiServices.context().installBundle("relaybench-test:await-series-" + i,
                    new java.io.ByteArrayInputStream(TestBundles.jar(name, Map.of("Require-Bundle", "org.relaybench.tests.nowhere"),
                            TestBundles.provider("await-series-" + i, "await-series-" + i + ".example"))));
            try {
                int round = i;
                assertTrue(catalog.awaitCurrent(Duration.ofSeconds(20)).problems().stream()
                        .anyMatch(p -> p.contributor().equals(name)), () -> "plugin " + round + " of the series");
            } finally {
                bundle.uninstall();
            }
        }
    }

    @Test
    void listenerMayCallIntoTheCatalogFromAnotherThread() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        AtomicBoolean first = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(1);
        List<Boolean> finished = new CopyOnWriteArrayList<>();
        LoadProblem trigger = problem("listener-trigger");
        LoadProblem fromListener = problem("reported-from-a-listener's-helper");
        AutoCloseable subscription = catalog.addListener(s -> {
            if (!s.problems().contains(trigger) || !first.compareAndSet(true, false)) {
                return;
            }
            // the listener waits for another thread that changes and reads the catalog: with the
            // catalog's lock held while listeners run, that thread could never finish
            Thread helper = new Thread(() -> {
                catalog.report(fromListener);
                catalog.snapshot();
                catalog.awaitCurrent(Duration.ofSeconds(1));
            }, "listener-helper");
            helper.start();
            try {
                helper.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.add(!helper.isAlive());
            done.countDown();
        });
        try {
            catalog.report(trigger);
            assertTrue(done.await(20, TimeUnit.SECONDS), "the listener is told");
            assertTrue(finished.get(0), "the helper thread finished while the listener waited for it");
            Await.until("the helper's problem in the catalog", () -> catalog.snapshot().problems().contains(fromListener));
        } finally {
            subscription.close();
        }
    }

    @Test
    void catalogChangesReachListenersOnTheCatalogsThreadInOrder() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        List<ProviderCatalog.Snapshot> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        LoadProblem problem = problem("told-to-listeners");
        try (AutoCloseable subscription = catalog.addListener(s -> {
            seen.add(s);
            threads.add(Thread.currentThread().getName());
        })) {
            catalog.report(problem);
            Await.until("a snapshot with the problem", () -> seen.stream().anyMatch(s -> s.problems().contains(problem)));
            assertTrue(threads.stream().allMatch(t -> t.equals("relaybench-catalog")), threads::toString);
            assertNotEquals(Thread.currentThread().getName(), threads.get(0));
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i).generation() > seen.get(i - 1).generation(), "told in generation order");
            }
        }
    }

    private static LoadProblem problem(String what) {
        return new LoadProblem("org.relaybench.core.tests", "test[" + what + "]", "reported by a test", "");
    }

    private static boolean registryHas(String contributor) {
        for (IExtension e : RegistryFactory.getRegistry().getExtensionPoint(POINT).getExtensions()) {
            if (e.getContributor().getName().equals(contributor)) {
                return true;
            }
        }
        return false;
    }
}
