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
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.relaybench.core.providers.ProviderCatalog;

/**
 * Lists the providers of the catalog and the contributions that failed to load. It follows the
 * catalog: providers installed or removed while the workbench runs appear without a restart.
 */
public final class ProviderCatalogView extends ViewPart {

    /** The view id. */
    public static final String ID = "org.relaybench.ui.views.providerCatalog";

    private static final ILog LOG = ILog.of(ProviderCatalogView.class);
    /** p2's Install New Software command (bundle org.eclipse.equinox.p2.ui.sdk). */
    static final String INSTALL_COMMAND = "org.eclipse.equinox.p2.ui.sdk.install";

    private ServiceTracker<ProviderCatalog, ProviderCatalog> tracker;
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

        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(), ProviderCatalog.class,
                null);
        tracker.open();
        ProviderCatalog catalog = tracker.getService();
        if (catalog == null) {
            summary.setText(Messages.CatalogNoService);
            LOG.error(Messages.CatalogNoService);
            return;
        }
        subscription = catalog.addListener(snapshot -> {
            Display display = viewer.getControl().getDisplay();
            // the catalog changes on the registry's thread; the view updates on the UI thread
            display.asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    show(snapshot);
                }
            });
        });
        show(catalog.snapshot());
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
        ProviderCatalog catalog = tracker.getService();
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
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.error("Could not unsubscribe from the provider catalog", e);
            }
        }
        if (tracker != null) {
            tracker.close();
        }
        super.dispose();
    }
}
