package org.relaybench.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * The Provider Catalog view tracks the catalog service instead of looking it up once: a catalog
 * registered after the view opened, and ranked above the one it shows, is picked up; when it goes,
 * the view returns to the other.
 */
class CatalogServiceTrackingTest {

    private static final String LATE = "org.relaybench.tests.late-catalog";

    @Test
    void catalogServiceRegisteredAfterTheViewOpenedIsPickedUp() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        Table table = Widgets.find(window.getShell(), Table.class, "catalog.table")
                .orElseThrow(() -> new AssertionError("no catalog table in the window"));
        Widgets.waitUntil("the real catalog's rows", () -> ids(table).contains("aol"), Duration.ofSeconds(20));

        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        ServiceRegistration<ProviderCatalog> registration = context.registerService(ProviderCatalog.class,
                new LateCatalog(), properties);
        try {
            Widgets.waitUntil("the late catalog's rows", () -> ids(table).contains(LATE) && !ids(table).contains("aol"),
                    Duration.ofSeconds(20));
        } finally {
            registration.unregister();
        }
        Widgets.waitUntil("back to the real catalog", () -> ids(table).contains("aol") && !ids(table).contains(LATE),
                Duration.ofSeconds(20));
    }

    private static List<String> ids(Table table) {
        List<String> ids = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            ids.add(item.getText(1));
        }
        return ids;
    }

    /** A catalog with one load problem and no providers, unmistakable in the view. */
    private static final class LateCatalog implements ProviderCatalog {

        private final Snapshot snapshot = new Snapshot(1, List.of(),
                List.of(new LoadProblem(LATE, "catalog[late]", "a catalog registered after the view opened", "")));

        @Override
        public Snapshot snapshot() {
            return snapshot;
        }

        @Override
        public DiagnosisRule createRule(ProviderDescriptor provider, RuleDescriptor rule) {
            throw new IllegalArgumentException("no code rules in this catalog");
        }

        @Override
        public void report(LoadProblem problem) {
            // nothing to record: the test reads the snapshot only
        }

        @Override
        public AutoCloseable addListener(Consumer<Snapshot> listener) {
            return () -> {
            };
        }
    }
}
