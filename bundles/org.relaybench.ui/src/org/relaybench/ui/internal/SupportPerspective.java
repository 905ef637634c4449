package org.relaybench.ui.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Support perspective: where an agent works on a customer's account. */
public final class SupportPerspective implements IPerspectiveFactory {

    /** The perspective id. */
    public static final String ID = "org.relaybench.ui.perspectives.support";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addView(DiagnoseView.ID, IPageLayout.TOP, 0.7f, layout.getEditorArea());
        layout.addView(ProviderCatalogView.ID, IPageLayout.BOTTOM, 0.7f, DiagnoseView.ID);
    }
}
