package org.relaybench.report.internal;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.Evidence;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.report.FixKit;

/** The words reports use for the model's values, from {@link Messages}. Results are not escaped. */
final class Labels {

    private Labels() {
    }

    static String status(SessionStatus s) {
        return switch (s) {
        case OPEN -> Messages.Status_open;
        case RESOLVED -> Messages.Status_resolved;
        case UNRESOLVED -> Messages.Status_unresolved;
        };
    }

    static String state(StepState s) {
        return switch (s) {
        case NOT_TRIED -> Messages.State_notTried;
        case WORKED -> Messages.State_worked;
        case DID_NOT_WORK -> Messages.State_didNotWork;
        case SKIPPED -> Messages.State_skipped;
        };
    }

    static String severity(Severity s) {
        return switch (s) {
        case INFO -> Messages.Severity_info;
        case WARNING -> Messages.Severity_warning;
        case ERROR -> Messages.Severity_error;
        };
    }

    static String evidence(Evidence.Kind k) {
        return switch (k) {
        case SETTING -> Messages.Evidence_setting;
        case REPLY -> Messages.Evidence_reply;
        case RULE -> Messages.Evidence_rule;
        case PROBE -> Messages.Evidence_probe;
        case PROVIDER -> Messages.Evidence_provider;
        };
    }

    static String security(Security s) {
        return switch (s) {
        case NONE -> Messages.Security_none;
        case STARTTLS -> Messages.Security_starttls;
        case TLS -> Messages.Security_tls;
        };
    }

    static String auth(AuthMethod a) {
        return switch (a) {
        case NONE -> Messages.Auth_none;
        case PASSWORD -> Messages.Auth_password;
        case OAUTH2 -> Messages.Auth_oauth2;
        case APP_PASSWORD -> Messages.Auth_appPassword;
        };
    }

    static String protocol(MailProtocol p) {
        return switch (p) {
        case SMTP -> "SMTP";
        case IMAP -> "IMAP";
        case POP3 -> "POP3";
        };
    }

    static String direction(FixKit.Server s) {
        return NLS.bind(s.protocol().incoming() ? Messages.Settings_incoming : Messages.Settings_outgoing,
                protocol(s.protocol()));
    }

    static String setting(String id) {
        String[] parts = id.split("\\.", 2);
        String side = parts[0].equals("incoming") ? Messages.Setting_incoming : Messages.Setting_outgoing;
        String what = switch (parts.length > 1 ? parts[1] : "") {
        case "host" -> Messages.Row_server;
        case "port" -> Messages.Row_port;
        case "security" -> Messages.Row_security;
        case "auth" -> Messages.Row_auth;
        case "username" -> Messages.Row_username;
        case "enabled" -> Messages.Row_enabled;
        default -> id;
        };
        return NLS.bind(Messages.Setting_name, side, what);
    }

    /**
     * @param setting a {@link FixKit.Change#setting()}
     * @param value a configured or recommended value of it
     * @return the value as the reports show it, e.g. {@code SSL/TLS} for {@code tls}
     */
    static String changeValue(String setting, String value) {
        if (value.isEmpty()) {
            return Messages.Value_blank;
        }
        if (setting.endsWith(".security")) {
            return Security.parse(value).map(Labels::security).orElse(value);
        }
        if (setting.endsWith(".auth")) {
            return AuthMethod.parse(value).map(Labels::auth).orElse(value);
        }
        if (setting.endsWith(".enabled")) {
            return value.equals("on") ? Messages.Value_on : Messages.Value_off;
        }
        return value;
    }

    /**
     * @param k a fix kit
     * @return rows of label, incoming value, outgoing value
     */
    static List<String[]> settingRows(FixKit k) {
        FixKit.Server in = k.incoming();
        FixKit.Server out = k.outgoing();
        return List.of(new String[] { Messages.Row_server, in.host(), out.host() },
                new String[] { Messages.Row_port, Integer.toString(in.port()), Integer.toString(out.port()) },
                new String[] { Messages.Row_security, security(in.security()), security(out.security()) },
                new String[] { Messages.Row_auth, auth(in.auth()), auth(out.auth()) },
                new String[] { Messages.Row_username, in.username(), out.username() },
                new String[] { Messages.Row_password, password(in.auth()), Messages.Password_sameAsIncoming });
    }

    private static String password(AuthMethod a) {
        return switch (a) {
        case OAUTH2 -> Messages.Password_oauth2;
        case APP_PASSWORD -> Messages.Password_app;
        default -> Messages.Password_account;
        };
    }

    /**
     * @param s a server as configured, may be absent
     * @return rows of label and value, as for {@link #settingRows(FixKit)}
     */
    static String[] configured(ServerSettings s) {
        return new String[] { s.host().isEmpty() ? Messages.Value_blank : s.host(),
                s.port() == 0 ? Messages.Value_blank : Integer.toString(s.port()), security(s.security()),
                auth(s.auth()), s.username().orElse(Messages.Value_blank),
                s.passwordSet() ? Messages.Password_set : Messages.Password_notSet };
    }
}
