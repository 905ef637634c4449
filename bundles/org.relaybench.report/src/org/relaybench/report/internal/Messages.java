package org.relaybench.report.internal;

import org.eclipse.osgi.util.NLS;

/** Externalized strings of the reports and fix kits. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.relaybench.report.internal.messages";

    public static String Report_title;
    public static String Report_windowTitle;
    public static String Footer;
    public static String Text_cut;
    public static String Pdf_page;
    public static String Label_customer;
    public static String Label_ticket;
    public static String Label_account;
    public static String Label_status;
    public static String Label_agent;
    public static String Label_opened;
    public static String Label_errorText;
    public static String Section_wrong;
    public static String Section_done;
    public static String Section_settings;
    public static String Section_details;
    public static String Section_probes;
    public static String Section_notes;
    public static String Section_history;
    public static String Summary_cause;
    public static String Wrong_none;
    public static String Done_none;
    public static String Finding_confidence;
    public static String Column_step;
    public static String Column_result;
    public static String Column_note;
    public static String Column_procedure;
    public static String Column_tried;
    public static String Column_resolved;
    public static String Column_rate;
    public static String Settings_unknown;
    public static String Settings_incoming;
    public static String Settings_outgoing;
    public static String Settings_changes;
    public static String Settings_password;
    public static String Settings_was;
    public static String Row_server;
    public static String Row_port;
    public static String Row_security;
    public static String Row_auth;
    public static String Row_username;
    public static String Row_password;
    public static String Row_enabled;
    public static String Setting_incoming;
    public static String Setting_outgoing;
    public static String Setting_name;
    public static String Value_blank;
    public static String Value_on;
    public static String Value_off;
    public static String Password_account;
    public static String Password_app;
    public static String Password_oauth2;
    public static String Password_sameAsIncoming;
    public static String Password_set;
    public static String Password_notSet;
    public static String Security_none;
    public static String Security_starttls;
    public static String Security_tls;
    public static String Auth_none;
    public static String Auth_password;
    public static String Auth_oauth2;
    public static String Auth_appPassword;
    public static String Status_open;
    public static String Status_resolved;
    public static String Status_unresolved;
    public static String State_notTried;
    public static String State_worked;
    public static String State_didNotWork;
    public static String State_skipped;
    public static String Severity_info;
    public static String Severity_warning;
    public static String Severity_error;
    public static String Evidence_setting;
    public static String Evidence_reply;
    public static String Evidence_rule;
    public static String Evidence_probe;
    public static String Evidence_provider;
    public static String Details_configured;
    public static String Details_client;
    public static String Details_outgoingOff;
    public static String Details_otherOutgoing;
    public static String Details_diagnoses;
    public static String Probe_ok;
    public static String Probe_moreLines;
    public static String Profile_account;
    public static String Profile_displayName;
    public static String Profile_description;
    public static String Profile_mailDescription;
    public static String Profile_organization;
    public static String Summary_title;
    public static String Summary_period;
    public static String Summary_generated;
    public static String Summary_sessions;
    public static String Summary_statusLine;
    public static String Summary_resolutionRate;
    public static String Summary_resolvedOf;
    public static String Summary_median;
    public static String Summary_measured;
    public static String Summary_p90;
    public static String Summary_longest;
    public static String Summary_byProvider;
    public static String Summary_byCause;
    public static String Summary_procedures;
    public static String Summary_timeToResolve;
    public static String Summary_times;
    public static String Summary_rate;
    public static String Summary_noData;
    public static String Summary_noProvider;
    public static String Summary_noFindings;
    public static String Summary_footer;
    public static String Bucket_lt15m;
    public static String Bucket_15m30m;
    public static String Bucket_30m1h;
    public static String Bucket_1h4h;
    public static String Bucket_4h1d;
    public static String Bucket_gt1d;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
