package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.commands.Command;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.relaybench.tests.common.TestBundles;

/** Provider plugins in the workbench: p2's Install New Software, and a plugin that does not resolve. */
class PluginsInWorkbenchTest {

    @Test
    void helpMenuOffersInstallNewSoftware() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        Menu bar = window.getShell().getMenuBar();
        MenuItem help = item(bar, "Help").orElseThrow(() -> new AssertionError("no Help menu: " + texts(bar)));
        Menu menu = help.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        Widgets.settle();
        try {
            assertTrue(item(menu, "Install New Software...").isPresent(), () -> "Help menu: " + texts(menu));
        } finally {
            menu.notifyListeners(SWT.Hide, new Event());
        }
        Command install = PlatformUI.getWorkbench().getService(ICommandService.class)
                .getCommand("org.eclipse.equinox.p2.ui.sdk.install");
        assertTrue(install.isDefined(), "p2's install command is there");
    }

    @Test
    void providerCatalogViewOffersInstallPlugins() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        IViewPart view = window.getActivePage().findView("org.relaybench.ui.views.providerCatalog");
        IContributionItem install = view.getViewSite().getActionBars().getToolBarManager()
                .find("org.eclipse.equinox.p2.ui.sdk.install");
        assertTrue(install instanceof ActionContributionItem item && item.getAction().getText().equals("Install Plugins..."),
                () -> "the view's toolbar: " + install);
    }

    @Test
    void pluginThatDoesNotResolveIsShownWithTheReasonWhileRunning() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        Table table = Widgets.find(window.getShell(), Table.class, "catalog.table").orElseThrow();
        Bundle bundle = TestBundles.install("relaybench-test:ui-unresolved", unresolvable());
        try {
            Widgets.waitUntil("the unresolved plugin's row", () -> row(table).isPresent(), Duration.ofSeconds(20));
            List<String> row = row(table).get();
            assertEquals("Load error", row.get(0));
            assertTrue(row.get(5).contains("does not resolve: Require-Bundle org.relaybench.tests.nowhere"), row::toString);
            assertTrue(row.get(5).contains("quarantined"), row::toString);
            Widgets.screenshot(window.getShell(), "provider-catalog-unresolved-plugin");
        } finally {
            bundle.uninstall();
        }
        Widgets.waitUntil("the row leaves with the bundle", () -> row(table).isEmpty(), Duration.ofSeconds(20));
    }

    private static Optional<List<String>> row(Table table) {
        for (TableItem item : table.getItems()) {
            if (item.getText(1).equals("org.relaybench.tests.ui.unresolved")) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < table.getColumnCount(); i++) {
                    cells.add(item.getText(i));
                }
                return Optional.of(cells);
            }
        }
        return Optional.empty();
    }

    private static Optional<MenuItem> item(Menu menu, String text) {
        for (MenuItem item : menu.getItems()) {
            if (item.getText().replace("&", "").split("\t")[0].equals(text)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static List<String> texts(Menu menu) {
        return List.of(menu.getItems()).stream().map(MenuItem::getText).toList();
    }

    private static byte[] unresolvable() throws IOException {
        return TestBundles.jar("org.relaybench.tests.ui.unresolved", Map.of("Require-Bundle", "org.relaybench.tests.nowhere"),
                """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <?eclipse version="3.4"?>
                        <plugin>
                           <extension point="org.relaybench.core.providers">
                              <provider id="ui-unresolved" name="Unresolved"><domain name="ui-unresolved.example"/></provider>
                           </extension>
                        </plugin>
                        """);
    }
}
