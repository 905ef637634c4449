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
    public static String FormAccount;
    public static String FormEmail;
    public static String FormClient;
    public static String FormNetwork;
    public static String FormOutgoing;
    public static String FormHost;
    public static String FormPort;
    public static String FormSecurity;
    public static String FormAuth;
    public static String FormUser;
    public static String FormPasswordSet;
    public static String FormServerOn;
    public static String FormError;
    public static String DiagnoseHint;
    public static String DiagnoseNothingFound;
    public static String DiagnoseSummary;
    public static String DiagnoseNoProvider;
    public static String DiagnoseNoProcedure;
    public static String DiagnoseProcedure;
    public static String DiagnoseButton;
    public static String DiagnoseNoEngine;
    public static String DiagnoseFailed;
    public static String DiagnoseJob;
    public static String ColumnSeverity;
    public static String ColumnCause;
    public static String ColumnConfidence;
    public static String ColumnTitle;
    public static String ColumnExpect;


    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
