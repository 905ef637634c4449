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
    public static String DiagnoseProcedure;
    public static String DiagnoseButton;
    public static String DiagnoseFailed;
    public static String DiagnoseJob;
    public static String ColumnSeverity;
    public static String ColumnCause;
    public static String ColumnConfidence;
    public static String ColumnTitle;
    public static String ColumnExpect;
    public static String HistoryFilterHint;
    public static String HistoryFilterTip;
    public static String HistoryOpened;
    public static String HistoryCustomer;
    public static String HistoryTicket;
    public static String HistoryEmail;
    public static String HistoryProvider;
    public static String HistoryCause;
    public static String HistoryStatus;
    public static String HistoryCount;
    public static String HistoryMore;
    public static String HistoryFailed;
    public static String HistoryJob;
    public static String HistoryAuditJob;
    public static String AuditWhen;
    public static String AuditAgent;
    public static String AuditAction;
    public static String AuditDetail;
    public static String ColumnRule;
    public static String DiagnoseCancelled;
    public static String DiagnoseLogged;
    public static String DiagnoseRunning;
    public static String DiagnoseTip;
    public static String EditorNewSession;
    public static String EditorTitle;
    public static String FindingRule;
    public static String FormAddOtherSmtp;
    public static String FormCustomer;
    public static String FormCustomerOrTicket;
    public static String FormIncoming;
    public static String FormOtherSmtp;
    public static String FormProblem;
    public static String FormProblems;
    public static String FormProtocol;
    public static String FormProvider;
    public static String FormTicket;
    public static String FormVersion;
    public static String IosIncoming;
    public static String IosOutgoing;
    public static String IosSecurity;
    public static String IosAuth;
    public static String OutlookIncoming;
    public static String OutlookOutgoing;
    public static String OutlookSecurity;
    public static String OutlookAuth;
    public static String ThunderbirdIncoming;
    public static String ThunderbirdOutgoing;
    public static String ThunderbirdSecurity;
    public static String ThunderbirdAuth;
    public static String LoadFailed;
    public static String LoadJob;
    public static String LoadMissing;
    public static String LogFailed;
    public static String LogStatusJob;
    public static String LogStepJob;
    public static String NoSessionService;
    public static String NotLoggedYet;
    public static String ProcedureNone;
    public static String ProcedureNote;
    public static String ProcedureResolved;
    public static String ProcedureUnresolved;
    public static String ProviderNone;
    public static String ProviderRecognised;
    public static String ProviderUnknown;
    public static String SectionFindings;
    public static String SectionProcedure;
    public static String SectionSession;
    public static String SectionSessionHint;
    public static String StatusIs;
    public static String StatusLogged;
    public static String StepDidNotWork;
    public static String StepLogged;
    public static String StepNotTried;
    public static String StepSkipped;
    public static String StepWorked;


    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
