package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.TestBundles;

/** Providers installed and removed while running appear in and leave the catalog (registry listener). */
class DynamicProviderTest {

    @Test
    void providerInstalledAtRunTimeAppearsAndLeaves() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        List<ProviderCatalog.Snapshot> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = catalog.addListener(seen::add)) {
            long before = catalog.snapshot().generation();
            Bundle bundle = TestBundles.install("relaybench-test:dynamic-provider", TestBundles.jar(
                    "org.relaybench.tests.dynamic", Map.of("Require-Bundle", "org.relaybench.core"),
                    TestBundles.provider("dynamic-isp", "dynamic-isp.example")));
            try {
                Await.until("dynamic provider in the catalog",
                        () -> catalog.snapshot().provider("dynamic-isp").isPresent());
                assertTrue(catalog.snapshot().generation() > before);
                assertEquals("org.relaybench.tests.dynamic", catalog.snapshot().provider("dynamic-isp").get()
                        .origin().bundle());
                assertTrue(seen.stream().anyMatch(s -> s.provider("dynamic-isp").isPresent()),
                        "listeners are told of the new snapshot");
            } finally {
                bundle.uninstall();
            }
            Await.until("dynamic provider gone", () -> catalog.snapshot().provider("dynamic-isp").isEmpty());
        }
    }
}
