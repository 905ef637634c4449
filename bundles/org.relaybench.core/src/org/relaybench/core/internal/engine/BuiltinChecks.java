package org.relaybench.core.internal.engine;

import static org.relaybench.core.internal.engine.Evidences.describe;
import static org.relaybench.core.internal.engine.Evidences.provider;
import static org.relaybench.core.internal.engine.Evidences.setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.providers.Exemption;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.ServerRecommendation;
import org.relaybench.core.providers.ServerRecommendation.UsernameForm;

/**
 * The checks every account gets, whatever its provider: the domain facts of submission (RFC 6409,
 * RFC 8314) and a comparison with the matched provider's recommended servers. Findings are
 * attributed to provider {@code core}; the merger joins them with the provider's own.
 */
final class BuiltinChecks {

    static final String CORE = "core";

    private final AccountProfile account;
    private final ProviderDescriptor provider;
    private final ProviderIndex.Prepared prepared;
    private final List<Finding> out;

    private BuiltinChecks(AccountProfile account, ProviderIndex.Prepared prepared, List<Finding> out) {
        this.account = account;
        this.provider = prepared == null ? null : prepared.provider;
        this.prepared = prepared;
        this.out = out;
    }

    /**
     * @param account the account
     * @param prepared the matched provider, may be the generic one, or null when none matched
     * @param out where the findings are added
     */
    static void run(AccountProfile account, ProviderIndex.Prepared prepared, List<Finding> out) {
        new BuiltinChecks(account, prepared, out).check();
    }

    /**
     * @return whether the client takes the outgoing credentials from the account (Exchange, iCloud
     *         on Apple devices), so that no outgoing password may be asked for
     */
    static boolean credentialsFromAccount(AccountProfile account, ProviderDescriptor provider) {
        return applicable(account, provider, Exemption.Kind.OUTGOING_CREDENTIALS_FROM_ACCOUNT).isPresent();
    }

    static Optional<Exemption> applicable(AccountProfile account, ProviderDescriptor provider, Exemption.Kind kind) {
        if (provider == null) {
            return Optional.empty();
        }
        for (Exemption e : provider.exemptions()) {
            if (e.kind() == kind && (e.client().isEmpty() || e.client().get().equals(account.client().kind())
                    || (e.client().get().equals("ios") && account.client().isIos()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private void check() {
        Optional<ServerSettings> primary = account.primaryOutgoing();
        Optional<ServerSettings> effective = account.effectiveOutgoing();
        if (effective.isEmpty()) {
            if (primary.isPresent() && !primary.get().enabled()) {
                add(CauseCode.PRIMARY_SMTP_BROKEN, 0.7, "core.no-server-on",
                        "The primary outgoing server is switched off and no other outgoing server is on",
                        setting("smtp.enabled", "false"), setting("smtp.others", "none switched on"));
            }
            return;
        }
        ServerSettings smtp = effective.get();
        String which = smtp == primary.orElse(null) ? "smtp" : "other smtp";
        credentials(smtp, which);
        transport(smtp, which);
        if (provider != null && !provider.generic() && !prepared.outgoing.isEmpty()) {
            recommended(smtp, which);
        }
        applicable(account, provider, Exemption.Kind.RELAY_OWN_NETWORK_ONLY).ifPresent(e -> add(
                CauseCode.NETWORK_RESTRICTED_RELAY, 0.4, "core.own-network-only",
                provider.name() + " relays only for its own network", provider("exception", e.description()),
                setting("network", account.network().kind().id())));
    }

    private void credentials(ServerSettings smtp, String which) {
        if (credentialsFromAccount(account, provider)) {
            return; // the device sends the account's own credentials: nothing to type on the server
        }
        applicable(account, provider, Exemption.Kind.OAUTH_ONLY).ifPresent(e -> {
            if (smtp.auth() == AuthMethod.PASSWORD || smtp.auth() == AuthMethod.APP_PASSWORD) {
                add(CauseCode.OAUTH_REQUIRED, 0.6, "core.oauth-only",
                        provider.name() + " accepts only OAuth2 sign-in for sending, not a password",
                        setting(which + ".auth", smtp.auth().id()), provider("exception", e.description()));
            }
        });
        if (smtp.auth() == AuthMethod.NONE) {
            add(CauseCode.SMTP_AUTH_MISSING, 0.7, "core.auth-none",
                    "Authentication is off on the outgoing server " + smtp.address()
                            + ": servers relay only for clients that sign in",
                    setting(which + ".auth", "none"), setting(which, describe(smtp)));
        } else if (smtp.auth() != AuthMethod.OAUTH2 && (smtp.username().isEmpty() || !smtp.passwordSet())) {
            String missing = smtp.username().isEmpty() && !smtp.passwordSet() ? "user name and password"
                    : smtp.username().isEmpty() ? "user name" : "password";
            add(CauseCode.SMTP_AUTH_MISSING, 0.65, "core.credentials-missing",
                    "The outgoing server " + smtp.address() + " has no " + missing
                            + ": the device cannot sign in to send",
                    setting(which + (smtp.username().isEmpty() ? ".username" : ".password"), "not set"),
                    setting(which, describe(smtp)));
        }
    }

    private void transport(ServerSettings smtp, String which) {
        boolean providerUses25 = false;
        if (provider != null) {
            for (ServerRecommendation r : prepared.outgoing) {
                providerUses25 |= r.port() == 25 && r.host().equals(smtp.host());
            }
        }
        if (smtp.port() == 25 && !providerUses25) {
            add(CauseCode.WRONG_SMTP_PORT, 0.6, "core.port-25",
                    "Port 25 is for relay between mail servers, not for mail apps: use 587 (STARTTLS) or 465 (SSL/TLS)",
                    setting(which + ".port", "25"));
            applicable(account, provider, Exemption.Kind.PORT25_OWN_NETWORK_ONLY).ifPresent(e -> add(
                    CauseCode.NETWORK_RESTRICTED_RELAY, 0.6, "core.port25-own-network",
                    "Port 25 works only on " + provider.name() + "'s own network",
                    setting("network", account.network().kind().id()), provider("exception", e.description())));
        }
        if (smtp.port() == 465 && smtp.security() != Security.TLS) {
            add(CauseCode.WRONG_SECURITY, 0.7, "core.465-needs-tls",
                    "Port 465 needs SSL/TLS from the first byte (RFC 8314), but " + smtp.security().id()
                            + " is set",
                    setting(which + ".port", "465"), setting(which + ".security", smtp.security().id()));
        } else if (smtp.port() == 587 && smtp.security() == Security.NONE) {
            add(CauseCode.WRONG_SECURITY, Severity.WARNING, 0.4, "core.587-plain",
                    "Port 587 is used without encryption: most servers accept a password only after STARTTLS",
                    setting(which + ".port", "587"), setting(which + ".security", "none"));
        }
    }

    private void recommended(ServerSettings smtp, String which) {
        List<ServerRecommendation> recs = prepared.outgoing;
        String hosts = prepared.outgoingHosts;
        List<ServerRecommendation> sameHost = new ArrayList<>(recs.size());
        for (ServerRecommendation r : recs) {
            if (r.host().equals(smtp.host())) {
                sameHost.add(r);
            }
        }
        if (sameHost.isEmpty()) {
            add(CauseCode.WRONG_SMTP_HOST, 0.7, "core.host-not-recommended",
                    (smtp.host().isEmpty() ? "No outgoing host is set" : smtp.host() + " is not an outgoing server of "
                            + provider.name()) + ": use " + recs.get(0).host(),
                    setting(which + ".host", smtp.host().isEmpty() ? "(empty)" : smtp.host()),
                    provider("recommended outgoing", hosts));
            return;
        }
        ServerRecommendation rec = withPort(sameHost, smtp.port());
        if (rec == null) {
            if (smtp.port() != 25) { // port 25 has its own finding
                add(CauseCode.WRONG_SMTP_PORT, 0.7, "core.port-not-recommended",
                        "Port " + smtp.port() + " is not a submission port of " + smtp.host() + ": use "
                                + sameHost.stream().map(r -> r.port() + " (" + r.security().id() + ")").toList(),
                        setting(which + ".port", Integer.toString(smtp.port())), provider("recommended outgoing", hosts));
            }
            return;
        }
        if (rec.security() != smtp.security() && !(smtp.port() == 465)) { // 465 is covered by transport()
            boolean iosSslOn587 = rec.security() == Security.STARTTLS && smtp.security() == Security.TLS;
            add(CauseCode.WRONG_SECURITY, iosSslOn587 ? 0.3 : 0.6, "core.security-not-recommended",
                    smtp.host() + ":" + smtp.port() + " expects " + rec.security().id() + ", but "
                            + smtp.security().id() + " is set",
                    setting(which + ".security", smtp.security().id()), provider("recommended", rec.describe()));
        }
        smtp.username().ifPresent(user -> {
            String u = user.toLowerCase(java.util.Locale.ROOT);
            if (rec.username() == UsernameForm.EMAIL_ADDRESS && u.equals(account.localPart())) {
                add(CauseCode.SMTP_USERNAME_FORM, 0.7, "core.username-local-part",
                        "The user name is only the part before @: " + provider.name() + " wants the full address",
                        setting(which + ".username", user), provider("username", "full e-mail address"));
            } else if (rec.username() == UsernameForm.LOCAL_PART && u.equals(account.email())) {
                add(CauseCode.SMTP_USERNAME_FORM, 0.6, "core.username-full-address",
                        "The user name is the full address: " + provider.name() + " wants only the part before @",
                        setting(which + ".username", user), provider("username", "part before @"));
            }
        });
    }

    /** @return the first recommendation with the port, or null */
    private static ServerRecommendation withPort(List<ServerRecommendation> recs, int port) {
        for (ServerRecommendation r : recs) {
            if (r.port() == port) {
                return r;
            }
        }
        return null;
    }

    private void add(CauseCode code, double confidence, String rule, String title, Evidence... evidence) {
        add(code, severityOf(code), confidence, rule, title, evidence);
    }

    private void add(CauseCode code, Severity severity, double confidence, String rule, String title,
            Evidence... evidence) {
        out.add(new Finding(code.code(), severity, confidence, title, List.of(evidence), CORE, rule, Optional.empty()));
    }

    /**
     * @return the usual severity of a cause: temporary and partial conditions, and replies that do not
     *         blame the settings, are warnings
     */
    static Severity severityOf(CauseCode code) {
        switch (code) {
        case RATE_LIMITED, SERVICE_UNAVAILABLE, SERVER_TOO_SLOW, PRIMARY_SMTP_BROKEN:
            return Severity.WARNING;
        // replies about the recipient, the message or the sending server: the settings are not at fault
        case RECIPIENT_UNKNOWN, MAILBOX_FULL, MESSAGE_TOO_LARGE, MESSAGE_REJECTED, SENDER_BLOCKED, SENDER_REJECTED,
                SENDER_AUTHENTICATION_FAILED:
            return Severity.WARNING;
        default:
            return Severity.ERROR;
        }
    }
}
