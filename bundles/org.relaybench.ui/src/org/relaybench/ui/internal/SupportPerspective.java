package org.relaybench.ui.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Support perspective: the Session History on the left, session editors in the middle, the
 * Provider Catalog below them. The editor area takes most of the window, so that a session is
 * usable at 1024x768.
 */
public final class SupportPerspective implements IPerspectiveFactory {

    /** The perspective id. */
    public static final String ID = "org.relaybench.ui.perspectives.support";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(SessionHistoryView.ID, IPageLayout.LEFT, 0.27f, layout.getEditorArea());
        layout.addView(ProviderCatalogView.ID, IPageLayout.BOTTOM, 0.7f, layout.getEditorArea());
        layout.addShowViewShortcut(SessionHistoryView.ID);
        layout.addShowViewShortcut(ProviderCatalogView.ID);
    }
}
