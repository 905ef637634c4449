package org.relaybench.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Support perspective: the Session History on the left, session editors in the middle, the
 * Provider Catalog below them. The Statistics open in the same folder when asked for (Window &gt;
 * Statistics), not at start: the editor area takes most of the window, so that a session is usable
 * at 1024x768.
 */
public final class SupportPerspective implements IPerspectiveFactory {

    /** The perspective id. */
    public static final String ID = "org.relaybench.ui.perspectives.support";

    /** The folder below the editors: the Provider Catalog, and the Statistics once opened. */
    static final String BOTTOM = "org.relaybench.ui.folders.bottom";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(SessionHistoryView.ID, IPageLayout.LEFT, 0.27f, layout.getEditorArea());
        IFolderLayout bottom = layout.createFolder(BOTTOM, IPageLayout.BOTTOM, 0.7f, layout.getEditorArea());
        bottom.addView(ProviderCatalogView.ID);
        bottom.addPlaceholder(StatisticsView.ID);
        layout.addShowViewShortcut(SessionHistoryView.ID);
        layout.addShowViewShortcut(ProviderCatalogView.ID);
        layout.addShowViewShortcut(StatisticsView.ID);
    }
}
