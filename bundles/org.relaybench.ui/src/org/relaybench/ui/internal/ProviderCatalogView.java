package org.relaybench.ui.internal;

import java.util.List;
import java.util.function.Function;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.relaybench.core.providers.ProviderCatalog;

/**
 * Lists the providers of the catalog and the contributions that failed to load. It follows the
 * catalog: providers installed or removed while the workbench runs appear without a restart. It also
 * follows the catalog service itself, tracked rather than looked up once: a catalog that is registered
 * after the view opened (DS activates components in its own time) or replaced by a better-ranked one
 * is picked up, and one that goes away is let go. The UI thread only ever takes the catalog's current
 * snapshot, which never reads the registry.
 */
public final class ProviderCatalogView extends ViewPart {

    /** The view id. */
    public static final String ID = "org.relaybench.ui.views.providerCatalog";

    private static final ILog LOG = ILog.of(ProviderCatalogView.class);
    /** p2's Install New Software command (bundle org.eclipse.equinox.p2.ui.sdk). */
    static final String INSTALL_COMMAND = "org.eclipse.equinox.p2.ui.sdk.install";

    private ServiceTracker<ProviderCatalog, ProviderCatalog> tracker;
    /** The catalog shown and its subscription; both used on the UI thread only. */
    private ProviderCatalog followed;
    private AutoCloseable subscription;
    private TableViewer viewer;
    private Label summary;
    private Text details;

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        summary = new Label(root, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setData(Widgets.TEST_ID, "catalog.summary");

        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite tableArea = new Composite(sash, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        tableArea.setLayout(layout);
        viewer = new TableViewer(tableArea, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(Widgets.TEST_ID, "catalog.table");
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(layout, Messages.CatalogColumnStatus, 12, CatalogRow::status, true);
        column(layout, Messages.CatalogColumnId, 14, CatalogRow::id, false);
        column(layout, Messages.CatalogColumnName, 18, CatalogRow::name, false);
        column(layout, Messages.CatalogColumnPriority, 7, CatalogRow::priority, false);
        column(layout, Messages.CatalogColumnOrigin, 22, CatalogRow::origin, false);
        column(layout, Messages.CatalogColumnDetail, 40, CatalogRow::detail, false);
        details = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        details.setData(Widgets.TEST_ID, "catalog.details");
        details.setText(Messages.DetailsHint);
        sash.setWeights(68, 32);
        viewer.addSelectionChangedListener(e -> {
            Object row = ((org.eclipse.jface.viewers.IStructuredSelection) e.getSelection()).getFirstElement();
            details.setText(row instanceof CatalogRow r ? r.details() : Messages.DetailsHint);
        });

        getViewSite().getActionBars().getToolBarManager().add(new Action(Messages.CatalogRefresh) {
            @Override
            public void run() {
                show(currentSnapshot());
            }
        });
        addInstallAction();

        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Display display = parent.getDisplay();
        tracker = new ServiceTracker<>(context, ProviderCatalog.class, new CatalogTracking(context, display));
        tracker.open();
        follow(tracker.getService());
    }

    /**
     * Tells the UI thread which catalog to follow whenever catalog services come or go. A service being
     * added is not tracked yet while {@link #addingService} runs, so it is compared with the best one
     * tracked; one being removed is untracked already when {@link #removedService} runs.
     */
    private final class CatalogTracking implements ServiceTrackerCustomizer<ProviderCatalog, ProviderCatalog> {

        private final BundleContext context;
        private final Display display;

        CatalogTracking(BundleContext context, Display display) {
            this.context = context;
            this.display = display;
        }

        @Override
        public ProviderCatalog addingService(ServiceReference<ProviderCatalog> reference) {
            ProviderCatalog catalog = context.getService(reference);
            ServiceReference<ProviderCatalog> best = tracker.getServiceReference();
            followLater(best == null || reference.compareTo(best) > 0 ? catalog : tracker.getService());
            return catalog;
        }

        @Override
        public void modifiedService(ServiceReference<ProviderCatalog> reference, ProviderCatalog service) {
            followLater(tracker.getService());
        }

        @Override
        public void removedService(ServiceReference<ProviderCatalog> reference, ProviderCatalog service) {
            followLater(tracker.getService());
            context.ungetService(reference);
        }

        private void followLater(ProviderCatalog catalog) {
            if (!display.isDisposed()) {
                display.asyncExec(() -> follow(catalog));
            }
        }
    }

    /** On the UI thread: shows the given catalog (or that there is none) and follows its changes. */
    private void follow(ProviderCatalog catalog) {
        if (viewer.getControl().isDisposed() || catalog == followed) {
            return;
        }
        unsubscribe();
        followed = catalog;
        if (catalog == null) {
            viewer.setInput(List.of());
            summary.setText(Messages.CatalogNoService);
            LOG.warn(Messages.CatalogNoService);
            return;
        }
        Display display = viewer.getControl().getDisplay();
        subscription = catalog.addListener(snapshot -> {
            // told on the catalog's thread; the view updates on the UI thread, if it still follows that catalog
            display.asyncExec(() -> {
                if (!viewer.getControl().isDisposed() && followed == catalog) {
                    show(snapshot);
                }
            });
        });
        show(catalog.snapshot());
    }

    private void unsubscribe() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.error("Could not unsubscribe from the provider catalog", e);
            }
            subscription = null;
        }
    }

    /**
     * Offers p2's Install New Software wizard from the view, where agents look for providers, when the
     * workbench has it (the p2 UI is optional).
     */
    private void addInstallAction() {
        ICommandService commands = getSite().getService(ICommandService.class);
        Command install = commands == null ? null : commands.getCommand(INSTALL_COMMAND);
        if (install == null || !install.isDefined()) {
            return;
        }
        Action action = new Action(Messages.CatalogInstallPlugins) {
            @Override
            public void run() {
                try {
                    getSite().getService(IHandlerService.class).executeCommand(INSTALL_COMMAND, null);
                } catch (ExecutionException | NotDefinedException | NotEnabledException | NotHandledException e) {
                    LOG.error("Could not open p2's Install New Software wizard", e);
                }
            }
        };
        action.setId(INSTALL_COMMAND);
        action.setToolTipText(Messages.CatalogInstallPluginsTip);
        getViewSite().getActionBars().getToolBarManager().add(new Separator());
        getViewSite().getActionBars().getToolBarManager().add(action);
    }

    private ProviderCatalog.Snapshot currentSnapshot() {
        ProviderCatalog catalog = followed;
        return catalog == null ? new ProviderCatalog.Snapshot(0, List.of(), List.of()) : catalog.snapshot();
    }

    private void show(ProviderCatalog.Snapshot snapshot) {
        viewer.setInput(CatalogRow.of(snapshot));
        summary.setText(CatalogRow.summary(snapshot));
        summary.getParent().layout(true);
        getViewSite().getActionBars().getStatusLineManager().setMessage(CatalogRow.summary(snapshot));
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<CatalogRow, String> text,
            boolean icon) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setResizable(true);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((CatalogRow) element);
            }

            @Override
            public Image getImage(Object element) {
                if (!icon) {
                    return null;
                }
                String key = ((CatalogRow) element).error() ? ISharedImages.IMG_OBJS_ERROR_TSK
                        : ISharedImages.IMG_OBJS_INFO_TSK;
                return PlatformUI.getWorkbench().getSharedImages().getImage(key);
            }

            @Override
            public Color getForeground(Object element) {
                return ((CatalogRow) element).error() ? Display.getCurrent().getSystemColor(SWT.COLOR_DARK_RED)
                        : null;
            }
        });
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        unsubscribe();
        if (tracker != null) {
            tracker.close();
        }
        super.dispose();
    }
}
