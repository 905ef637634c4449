package org.relaybench.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.providers.Exemption;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * Weighs the settings against the reply, where the two conflict or together point at the device.
 * <ul>
 * <li><b>The reply says "no authentication", the settings show it on</b> (a user name and a password
 * on the outgoing server actually used): the reply's reading is refuted by the settings and lowered,
 * and the causes that fit both are ranked instead, with confidences that show no single one is
 * certain: a stale or wrong outgoing password (iOS and other clients send without signing in when
 * the sign-in is refused), an app password the provider demands, another outgoing server actually
 * in use, an account that needs removing and adding back, a sender address the login does not own.
 * Each names the question and the probe that tell them apart.</li>
 * <li><b>The reply says the sending IP is blocked, and the device sends straight to port 25</b>: the
 * port finding gains the reply as evidence, since the provider's submission server would send from
 * the provider's servers instead.</li>
 * </ul>
 */
final class ReplyAgainstSettings {

    private static final String AUTH_MISSING = CauseCode.SMTP_AUTH_MISSING.code();
    /** The engine's "settings look right" finding, replaced here by the ranked candidates. */
    private static final String SETTINGS_LOOK_RIGHT = "core.settings-look-right";
    /** How much of its confidence a reading refuted by the settings keeps. */
    private static final double REFUTED = 0.3;

    /** The question and probe that tell the candidates apart, on iOS and elsewhere. */
    private static final String QUESTION_IOS = question("Settings \u203a Mail \u203a Accounts \u203a the account "
            + "\u203a Outgoing Mail Server (SMTP) \u203a Primary Server");
    private static final String QUESTION = question("the outgoing server's settings");

    private ReplyAgainstSettings() {
    }

    /**
     * @param account the account
     * @param provider the matched provider, or null
     * @param findings the findings so far (settings, rules, reply, derived), not yet merged
     * @param matches what the error text was read as
     * @return the findings, weighed
     */
    static List<Finding> weigh(AccountProfile account, ProviderDescriptor provider, List<Finding> findings,
            List<ReplyMatch> matches) {
        Optional<ServerSettings> effective = account.effectiveOutgoing();
        if (effective.isEmpty() || matches.isEmpty()) {
            return findings;
        }
        List<Finding> out = findings;
        if (authRefutedBySettings(account, provider, effective.get(), findings, matches)) {
            out = refuteAuthMissing(account, provider, effective.get(), findings);
        }
        if (effective.get().port() == 25 && anyCause(matches, CauseCode.SENDER_BLOCKED.code())) {
            out = new ArrayList<>(out);
            out.add(new Finding(CauseCode.WRONG_SMTP_PORT.code(), Severity.ERROR, 0.5,
                    "The device sends straight to port 25 from an address the receiving server blocks: use the "
                            + "provider's submission server (587 or 465, with authentication)",
                    List.of(Evidences.setting("smtp.port", "25"), new Evidence(Evidence.Kind.REPLY, "error text",
                            "the receiving server refuses the sending IP address; through the provider's submission "
                                    + "server the mail leaves from the provider's servers")),
                    BuiltinChecks.CORE, "core.blocked-on-port-25", Optional.empty()));
        }
        return out;
    }

    /**
     * The reply reads as "no authentication" (it is among its readings, and none clears the settings),
     * while the outgoing server actually used sends a user name and password, and no check of the
     * settings found authentication missing.
     */
    private static boolean authRefutedBySettings(AccountProfile account, ProviderDescriptor provider,
            ServerSettings smtp, List<Finding> findings, List<ReplyMatch> matches) {
        if (!smtp.sendsCredentials() || ReplyFindings.clearsSettings(matches)
                || BuiltinChecks.credentialsFromAccount(account, provider)) {
            return false;
        }
        if (!anyCause(matches, AUTH_MISSING)) {
            return false;
        }
        for (Finding f : findings) {
            if (f.code().equals(AUTH_MISSING) && hasSetting(f.evidence())) {
                return false; // the settings themselves say authentication is missing
            }
        }
        return true;
    }

    private static boolean anyCause(List<ReplyMatch> matches, String cause) {
        for (ReplyMatch m : matches) {
            if (m.cause().equals(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSetting(List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e.kind() == Evidence.Kind.SETTING) {
                return true;
            }
        }
        return false;
    }

    private static List<Finding> refuteAuthMissing(AccountProfile account, ProviderDescriptor provider,
            ServerSettings smtp, List<Finding> findings) {
        Evidence settings = Evidences.setting(account.primaryOutgoing().orElse(null) == smtp ? "smtp" : "other smtp",
                Evidences.describe(smtp));
        Evidence question = new Evidence(Evidence.Kind.RULE, "what tells them apart", question(account));
        List<Finding> out = new ArrayList<>(findings.size() + 5);
        for (Finding f : findings) {
            if (f.rule().equals(SETTINGS_LOOK_RIGHT)) {
                continue; // replaced by the account-stale candidate below
            }
            if (!f.code().equals(AUTH_MISSING)) {
                out.add(f);
                continue;
            }
            List<Evidence> evidence = new ArrayList<>(f.evidence());
            evidence.add(settings);
            evidence.add(question);
            out.add(new Finding(f.code(), Severity.WARNING, FindingMerger.round(f.confidence() * REFUTED),
                    "The reply reads as 'no authentication', but the settings sign in with a user name and password: "
                            + "the reply's usual reading does not fit",
                    evidence, f.provider(), f.rule(), f.procedure()));
        }
        boolean appPassword = BuiltinChecks.applicable(account, provider, Exemption.Kind.APP_PASSWORD_REQUIRED)
                .isPresent();
        boolean others = !account.otherOutgoing().isEmpty();
        String user = smtp.username().orElse("").toLowerCase(Locale.ROOT);
        boolean otherLogin = user.contains("@") && !user.equals(account.email());
        String client = account.client().isIos() ? "iOS Mail" : "the mail app";
        out.add(candidate(CauseCode.SMTP_CREDENTIALS_REJECTED, 0.5, "core.refused-password",
                "A stale or wrong outgoing password: the server refused the sign-in and " + client
                        + " sent without it, which the server calls relaying",
                settings, question));
        out.add(candidate(CauseCode.APP_PASSWORD_REQUIRED, appPassword ? 0.45 : 0.2, "core.refused-password-app",
                (provider == null ? "The provider" : provider.name())
                        + " may refuse the account password from mail apps and want an app password",
                settings, question));
        out.add(candidate(CauseCode.ACCOUNT_STALE, 0.3, "core.refused-account-stale",
                "The settings look right: the account may need removing and adding back (after an OS upgrade or a "
                        + "changed password)",
                settings, question));
        out.add(candidate(CauseCode.PRIMARY_SMTP_BROKEN, others ? 0.35 : 0.15, "core.refused-other-server",
                "Another outgoing server than the one entered may actually be in use"
                        + (others ? " (other outgoing servers are configured)" : ""),
                settings, question));
        out.add(candidate(CauseCode.SENDER_NOT_OWNED, otherLogin ? 0.3 : 0.15, "core.refused-sender",
                "The sender address may not be one the login owns" + (otherLogin ? " (the user name is another "
                        + "address)" : ""),
                settings, question));
        return out;
    }

    private static Finding candidate(CauseCode code, double confidence, String rule, String title, Evidence settings,
            Evidence question) {
        return new Finding(code.code(), Severity.ERROR, confidence, title + " (the reply and the settings conflict)",
                List.of(settings, question), BuiltinChecks.CORE, rule, Optional.empty());
    }

    private static String question(AccountProfile account) {
        return account.client().isIos() ? QUESTION_IOS : QUESTION;
    }

    private static String question(String where) {
        return "Ask: does " + where + " show a password, and did the account's password change or 2-step "
                + "verification go on lately? Then run the probe with that user name and password: a refused login "
                + "(535) means a stale or wrong password, or an app password the provider wants; a login that works "
                + "means the device uses another outgoing server, or the account needs removing and adding back; a "
                + "refusal at MAIL FROM means the sender address is not the login's.";
    }
}
