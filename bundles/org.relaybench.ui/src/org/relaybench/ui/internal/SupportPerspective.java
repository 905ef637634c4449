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
        layout.addStandaloneView(ProviderCatalogView.ID, true, IPageLayout.LEFT, 1.0f, layout.getEditorArea());
        layout.getViewLayout(ProviderCatalogView.ID).setCloseable(true);
    }
}
