package org.relaybench.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Refutation;

/**
 * Turns live checks into evidence for the diagnosis engine
 * ({@link org.relaybench.core.diagnosis.DiagnosisOptions#withEvidence} and
 * {@link org.relaybench.core.diagnosis.DiagnosisOptions#withRefutations}). A probe confirms a finding
 * of the same cause (the engine merges them), adds causes the settings could not show, and refutes
 * setting-based causes when it tried the device's own settings and the server accepted them.
 * Findings are attributed to provider {@code probe}; all evidence is of kind {@link Evidence.Kind#PROBE}.
 *
 * @since 0.1
 */
public final class ProbeEvidence {

    /** The provider id of probe findings. */
    public static final String PROVIDER = "probe";

    /** Causes that a successful probe with the device's own settings shows not to hold. */
    private static final Set<CauseCode> REFUTABLE = Set.of(CauseCode.WRONG_SMTP_HOST, CauseCode.WRONG_SMTP_PORT,
            CauseCode.WRONG_SECURITY, CauseCode.TLS_REQUIRED, CauseCode.RELAY_DENIED,
            CauseCode.SMTP_CREDENTIALS_REJECTED, CauseCode.SMTP_USERNAME_FORM, CauseCode.SENDER_NOT_OWNED,
            CauseCode.OAUTH_REQUIRED, CauseCode.SMTP_AUTH_DISABLED, CauseCode.SERVER_UNREACHABLE,
            CauseCode.NO_GREETING, CauseCode.NOT_SMTP, CauseCode.TLS_HANDSHAKE_FAILED,
            CauseCode.TLS_CERTIFICATE_INVALID, CauseCode.PROTOCOL_VIOLATION);

    private ProbeEvidence() {
    }

    /**
     * @param report an SMTP probe
     * @return the finding of its cause, when it ended with one
     */
    public static List<Finding> findings(ProbeReport report) {
        if (report.code().isEmpty()) {
            return List.of();
        }
        String code = report.code().get();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(smtp(report, lastStage(report)));
        report.tls().flatMap(TlsInfo::problem).ifPresent(p -> evidence.add(
                new Evidence(Evidence.Kind.PROBE, "tls " + report.host(), p)));
        return List.of(new Finding(code, severityOf(code), 0.9, "Live probe of " + where(report) + ": " + report.summary(),
                evidence, PROVIDER, "probe.smtp", Optional.empty()));
    }

    /**
     * @param account the account as configured
     * @param probe its live checks
     * @return findings that confirm or add causes
     */
    public static List<Finding> findings(AccountProfile account, AccountProbe probe) {
        List<Finding> out = new ArrayList<>();
        Optional<ServerSettings> outgoing = account.effectiveOutgoing();
        boolean deviceAuth = outgoing.map(ServerSettings::sendsCredentials).orElse(false);
        probe.smtp().ifPresent(r -> {
            boolean untested = deviceAuth && r.relay(true).isEmpty();
            if (!(untested && r.code().equals(Optional.of(CauseCode.SMTP_AUTH_MISSING.code())))) {
                // without the password the probe cannot blame a device that does send credentials
                out.addAll(findings(r));
            }
            Optional<RelayCheck> without = r.relay(false);
            Optional<RelayCheck> with = r.relay(true);
            if (!deviceAuth && with.filter(RelayCheck::accepted).isPresent()
                    && without.filter(c -> !c.accepted()).isPresent()) {
                out.add(finding(CauseCode.SMTP_AUTH_MISSING, 0.95, "probe.relay-needs-auth",
                        "This server refuses to relay without auth (" + without.get().reply()
                                + ") and accepts with the customer's credentials: the device is not authenticating",
                        new Evidence(Evidence.Kind.PROBE, "smtp " + where(r) + " without auth", without.get().reply()),
                        new Evidence(Evidence.Kind.PROBE, "smtp " + where(r) + " with auth", with.get().reply())));
            }
        });
        probe.incoming().ifPresent(login -> {
            Evidence e = new Evidence(Evidence.Kind.PROBE, login.protocol().id() + " " + login.host() + ":"
                    + login.port(), login.outcome().id() + ": " + login.detail());
            if (login.outcome() == LoginReport.Outcome.REJECTED) {
                out.add(finding(CauseCode.SMTP_CREDENTIALS_REJECTED, 0.85, "probe.password-wrong",
                        "The password itself is wrong: the incoming server refuses it too", e));
            } else if (login.outcome() == LoginReport.Outcome.ACCEPTED && !deviceAuth) {
                out.add(finding(CauseCode.SMTP_AUTH_MISSING, 0.8, "probe.password-right",
                        "The password works on the incoming server: only the outgoing server lacks it", e));
            }
        });
        probe.dns().ifPresent(dns -> out.addAll(dnsFindings(dns, outgoing)));
        return out;
    }

    /**
     * @param account the account as configured
     * @param probe its live checks
     * @return the causes the probe refutes: when it used the device's own outgoing settings (with
     *         credentials exactly when the device sends them) and the server accepted the outside
     *         recipient, settings-based causes about that server do not hold
     */
    public static List<Refutation> refutations(AccountProfile account, AccountProbe probe) {
        Optional<ServerSettings> outgoing = account.effectiveOutgoing();
        if (probe.smtp().isEmpty() || outgoing.isEmpty() || !probe.smtp().get().ok()) {
            return List.of();
        }
        ProbeReport r = probe.smtp().get();
        boolean deviceAuth = outgoing.get().sendsCredentials();
        Optional<RelayCheck> mirror = r.relay(deviceAuth).filter(RelayCheck::accepted);
        if (mirror.isEmpty() || (deviceAuth && r.relay(true).isEmpty())) {
            return List.of();
        }
        Evidence e = new Evidence(Evidence.Kind.PROBE, "smtp " + where(r),
                "a live probe with the device's settings (" + r.security().id() + (deviceAuth ? ", AUTH" : ", no AUTH")
                        + ") was accepted: " + mirror.get().reply());
        List<Refutation> out = new ArrayList<>();
        REFUTABLE.stream().sorted().forEach(c -> out.add(new Refutation(c.code(), e)));
        if (deviceAuth) { // without credentials, a server that relays for the agent's network proves nothing
            out.add(new Refutation(CauseCode.SMTP_AUTH_MISSING.code(), e));
        }
        return out;
    }

    private static List<Finding> dnsFindings(DnsReport dns, Optional<ServerSettings> outgoing) {
        List<Finding> out = new ArrayList<>();
        if (outgoing.isEmpty() || dns.smtpHost().isEmpty()) {
            return out;
        }
        ServerSettings s = outgoing.get();
        if (dns.smtpHostMissing()) {
            out.add(finding(CauseCode.SERVER_UNREACHABLE, 0.85, "probe.dns-nxdomain",
                    "The outgoing host " + s.host() + " does not exist in DNS",
                    new Evidence(Evidence.Kind.PROBE, "dns " + s.host(), "NXDOMAIN from " + dns.resolver())));
        }
        if (dns.mxHosts().contains(s.host())) {
            out.add(new Finding(CauseCode.WRONG_SMTP_HOST.code(), Severity.WARNING, 0.4,
                    s.host() + " is an MX of " + dns.domain() + ": it takes mail from other servers, not from mail apps",
                    List.of(new Evidence(Evidence.Kind.PROBE, "dns MX " + dns.domain(), String.join(", ", dns.mxHosts()))),
                    PROVIDER, "probe.dns-mx-host", Optional.empty()));
        }
        if (s.host().matches("[0-9.]+") || s.host().contains(":")) {
            return out; // an address cannot be compared with the names SRV records give
        }
        List<SrvRecord> srv = new ArrayList<>(dns.submissions());
        srv.addAll(dns.submission());
        srv.removeIf(r -> r.target().equals("."));
        boolean listed = srv.stream().anyMatch(r -> r.target().equals(s.host()) && (s.port() == 0 || r.port() == s.port()));
        if (!srv.isEmpty() && !listed) {
            SrvRecord best = srv.get(0);
            out.add(new Finding(CauseCode.WRONG_SMTP_HOST.code(), Severity.WARNING, 0.3,
                    dns.domain() + " publishes its submission server in DNS: " + best.target() + ":" + best.port(),
                    List.of(new Evidence(Evidence.Kind.PROBE, "dns SRV " + dns.domain(), describe(srv))), PROVIDER,
                    "probe.dns-srv", Optional.empty()));
        }
        return out;
    }

    private static String describe(List<SrvRecord> srv) {
        return String.join(", ", srv.stream().map(r -> r.target() + ":" + r.port() + " (priority " + r.priority() + ")")
                .toList());
    }

    private static Finding finding(CauseCode code, double confidence, String rule, String title, Evidence... evidence) {
        return new Finding(code.code(), severityOf(code.code()), confidence, title, List.of(evidence), PROVIDER, rule,
                Optional.empty());
    }

    private static Evidence smtp(ProbeReport r, Optional<ProbeStage> stage) {
        return new Evidence(Evidence.Kind.PROBE, "smtp " + where(r) + stage.map(s -> " " + s.name()).orElse(""),
                stage.map(ProbeStage::reply).orElse(r.summary()));
    }

    private static Optional<ProbeStage> lastStage(ProbeReport r) {
        return r.stages().stream().filter(s -> !s.ok() && !s.name().startsWith("rset") && !s.name().equals("quit")
                && !s.name().endsWith("-noauth")).reduce((a, b) -> b);
    }

    private static String where(ProbeReport r) {
        return r.host() + ":" + r.port();
    }

    /** Temporary and partial conditions are warnings, as the engine has them. */
    private static Severity severityOf(String code) {
        return CauseCode.of(code).map(c -> switch (c) {
        case RATE_LIMITED, SERVICE_UNAVAILABLE, SERVER_TOO_SLOW, PRIMARY_SMTP_BROKEN -> Severity.WARNING;
        default -> Severity.ERROR;
        }).orElse(Severity.ERROR);
    }
}
