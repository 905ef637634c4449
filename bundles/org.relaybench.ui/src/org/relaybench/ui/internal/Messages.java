package org.relaybench.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Externalized strings of the workbench. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.relaybench.ui.internal.messages";

    public static String WindowTitle;
    public static String CatalogColumnStatus;
    public static String CatalogColumnId;
    public static String CatalogColumnName;
    public static String CatalogColumnPriority;
    public static String CatalogColumnOrigin;
    public static String CatalogColumnDetail;
    public static String CatalogStatusLoaded;
    public static String CatalogStatusError;
    public static String CatalogSummary;
    public static String CatalogNoService;
    public static String CatalogDomainsAny;
    public static String CatalogRefresh;
    public static String CatalogInstallPlugins;
    public static String CatalogInstallPluginsTip;
    public static String MenuFile;
    public static String MenuWindow;
    public static String MenuShowView;
    public static String MenuHelp;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
