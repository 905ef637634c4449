package org.relaybench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Opens the workbench as the product does (the Relaybench application, Support perspective) and
 * reads the Provider Catalog view's rows from the real SWT table.
 */
class ProviderCatalogViewTest {

    private static final String CATALOG_VIEW = "org.relaybench.ui.views.providerCatalog";

    @Test
    void supportPerspectiveShowsCatalogWithProvidersAndLoadErrors() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        IWorkbenchPage page = window.getActivePage();
        assertEquals("org.relaybench.ui.perspectives.support", page.getPerspective().getId(),
                "the workbench opens on the Support perspective");
        IViewPart view = page.findView(CATALOG_VIEW);
        assertNotNull(view, "the Support perspective shows the Provider Catalog view");
        // in front of the Statistics, which earlier tests may have opened in the same folder
        page.bringToTop(view);
        Widgets.settle();
        window.getShell().setSize(1200, 700);

        Table table = Widgets.find(window.getShell(), Table.class, "catalog.table")
                .orElseThrow(() -> new AssertionError("no catalog table in the window"));
        Widgets.waitUntil("catalog rows", () -> rows(table).stream().anyMatch(r -> r.get(1).equals("aol")),
                Duration.ofSeconds(20));
        List<List<String>> rows = rows(table);

        assertEquals(List.of("Status", "Provider", "Name", "Priority", "Origin", "Domains / problem"),
                List.of(table.getColumns()).stream().map(c -> c.getText()).toList());
        List<String> aol = rows.stream().filter(r -> r.get(1).equals("aol")).findFirst().orElseThrow();
        assertEquals("Loaded", aol.get(0));
        assertEquals("AOL Mail", aol.get(2));
        assertEquals("100", aol.get(3));
        // how it was installed (here the test runtime's bundle location; built-in, dropins or p2 in a
        // product), and from which bundle
        assertTrue(aol.get(4).endsWith(" \u2014 org.relaybench.providers.aol"), aol::toString);
        assertTrue(aol.get(5).contains("aol.com"), aol.toString());

        List<List<String>> errors = rows.stream().filter(r -> r.get(0).equals("Load error")).toList();
        assertTrue(errors.stream().anyMatch(r -> r.get(1).equals("org.relaybench.tests.faulty")
                && r.get(2).equals("provider[faulty-no-name]") && r.get(5).contains("missing required attribute 'name'")),
                () -> "load errors shown: " + errors);
        assertTrue(rows.indexOf(aol) < rows.indexOf(errors.get(0)), "providers first, then load errors");

        Label summary = Widgets.find(window.getShell(), Label.class, "catalog.summary").orElseThrow();
        int providers = (int) rows.stream().filter(r -> r.get(0).equals("Loaded")).count();
        assertEquals(providers + " providers loaded, " + errors.size() + " load errors", summary.getText());

        // the details pane: what the selected provider knows, or why a contribution did not load
        org.eclipse.swt.widgets.Text details = Widgets.find(window.getShell(), org.eclipse.swt.widgets.Text.class,
                "catalog.details").orElseThrow();
        select(table, rows.indexOf(aol));
        assertTrue(details.getText().startsWith("AOL Mail (aol)\n"), details.getText());
        assertTrue(details.getText().contains("aol.com") && details.getText().contains("smtp.aol.com"),
                details.getText());
        assertTrue(details.getText().contains("Fix procedures") && details.getText().contains("Known server replies"),
                details.getText());
        Widgets.screenshot(window.getShell(), "provider-catalog");
        window.getShell().setSize(1024, 768);
        Widgets.screenshot(window.getShell(), "provider-catalog-1024x768");
        window.getShell().setSize(1600, 1000);
        Widgets.screenshot(window.getShell(), "provider-catalog-1600x1000");
        select(table, rows.indexOf(errors.get(0)));
        assertTrue(details.getText().contains(errors.get(0).get(5).split(" \\(skipped")[0]), details.getText());
    }

    private static void select(Table table, int row) {
        table.setSelection(row);
        table.notifyListeners(org.eclipse.swt.SWT.Selection, null);
        Widgets.settle();
    }

    private static List<List<String>> rows(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < table.getColumnCount(); i++) {
                cells.add(item.getText(i));
            }
            rows.add(cells);
        }
        return rows;
    }
}
