package org.relaybench.providers.imap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.providers.ServerRecommendation.UsernameForm;
import org.relaybench.core.rules.RuleContext;

/**
 * One comparison of a configured outgoing server with an ISPDB provider's SMTP servers, for
 * {@link IspdbRule}. The checks narrow down step by step: the servers with the configured host (all
 * of them when the host is wrong), among those the ones with the configured port, and among those the
 * configured TLS mode and user name form.
 */
final class SubmissionCheck {

    private static final double HOST_CONFIDENCE = 0.8;
    private static final double PORT_CONFIDENCE = 0.8;
    private static final double SECURITY_CONFIDENCE = 0.7;
    /** iOS and macOS show one "Use SSL" switch, which on 587 means STARTTLS: tls recorded there is often wrong. */
    private static final double SECURITY_587_TLS_CONFIDENCE = 0.4;
    private static final double USERNAME_CONFIDENCE = 0.7;

    /** An ISPDB SMTP server with its host name resolved for the account's domain. */
    private record Offered(String host, int port, Security security, UsernameForm username, String template) {

        String describe() {
            return host + ":" + port + " " + security.id();
        }
    }

    private final RuleContext context;
    private final IspdbConfig config;
    private final ServerSettings configured;
    private final List<Offered> offered;

    SubmissionCheck(RuleContext context, IspdbConfig config, ServerSettings configured) {
        this.context = context;
        this.config = config;
        this.configured = configured;
        String domain = context.account().domain();
        this.offered = config.smtp().stream().map(s -> new Offered(s.hostFor(domain), s.port(),
                s.socketType().orElse(Security.NONE), s.usernameForm(), s.username())).toList();
    }

    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        String host = configured.host().replaceFirst("\\.$", "");
        List<Offered> candidates = offered.stream().filter(o -> o.host().equals(host)).toList();
        if (candidates.isEmpty()) {
            findings.add(hostFinding(host));
            candidates = offered;
        }
        if (configured.port() > 0) {
            List<Offered> samePort = candidates.stream().filter(o -> o.port() == configured.port()).toList();
            if (samePort.isEmpty()) {
                findings.add(portFinding(candidates));
            } else {
                if (samePort.stream().noneMatch(o -> o.security() == configured.security())) {
                    findings.add(securityFinding(samePort.get(0)));
                }
                candidates = samePort;
            }
        }
        usernameFinding(candidates).ifPresent(findings::add);
        return findings;
    }

    private Finding hostFinding(String host) {
        List<String> hosts = offered.stream().map(Offered::host).distinct().toList();
        String title = NLS.bind(Messages.IspdbRule_hostTitle, new Object[] {
                host.isEmpty() ? Messages.IspdbRule_blankHost : host, config.displayName(),
                String.join(Messages.IspdbRule_or, hosts) });
        return finding(CauseCode.WRONG_SMTP_HOST, Severity.ERROR, HOST_CONFIDENCE, title,
                setting("smtp.host", host), ispdb("ispdb.hosts", String.join(", ", hosts)));
    }

    private Finding portFinding(List<Offered> candidates) {
        List<String> choices = candidates.stream()
                .map(o -> NLS.bind(Messages.IspdbRule_portWithSecurity, o.port(), securityName(o.security())))
                .distinct().toList();
        String title = NLS.bind(Messages.IspdbRule_portTitle, new Object[] { configured.port(), config.displayName(),
                String.join(Messages.IspdbRule_or, choices) });
        return finding(CauseCode.WRONG_SMTP_PORT, Severity.ERROR, PORT_CONFIDENCE, title,
                setting("smtp.port", Integer.toString(configured.port())),
                ispdb("ispdb.ports", candidates.stream().map(Offered::describe).distinct()
                        .collect(Collectors.joining(", "))));
    }

    private Finding securityFinding(Offered expected) {
        boolean useSslOn587 = configured.port() == 587 && configured.security() == Security.TLS
                && expected.security() == Security.STARTTLS;
        String title = NLS.bind(Messages.IspdbRule_securityTitle, new Object[] { expected.host(),
                securityName(expected.security()), configured.port(), securityName(configured.security()) });
        return finding(CauseCode.WRONG_SECURITY, useSslOn587 ? Severity.WARNING : Severity.ERROR,
                useSslOn587 ? SECURITY_587_TLS_CONFIDENCE : SECURITY_CONFIDENCE, title,
                setting("smtp.security", configured.security().id()),
                setting("smtp.port", Integer.toString(configured.port())),
                ispdb("ispdb.security", expected.describe()));
    }

    private Optional<Finding> usernameFinding(List<Offered> candidates) {
        Set<UsernameForm> expected = candidates.stream().map(Offered::username).collect(Collectors.toSet());
        Optional<UsernameForm> actual = configuredForm();
        if (expected.size() != 1 || actual.isEmpty() || expected.contains(actual.get())
                || expected.contains(UsernameForm.OTHER)) {
            return Optional.empty();
        }
        boolean wantsFull = expected.contains(UsernameForm.EMAIL_ADDRESS);
        String title = NLS.bind(wantsFull ? Messages.IspdbRule_usernameFullTitle
                : Messages.IspdbRule_usernameLocalTitle, config.displayName());
        return Optional.of(finding(CauseCode.SMTP_USERNAME_FORM, Severity.ERROR, USERNAME_CONFIDENCE, title,
                setting("smtp.username-form", actual.get().id()),
                ispdb("ispdb.username", candidates.get(0).template())));
    }

    /** @return the form of the configured user name, when it is the address or its local part */
    private Optional<UsernameForm> configuredForm() {
        Optional<String> user = configured.username().filter(u -> configured.auth().authenticates());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (user.get().equalsIgnoreCase(context.account().email())) {
            return Optional.of(UsernameForm.EMAIL_ADDRESS);
        }
        if (user.get().equalsIgnoreCase(context.account().localPart())) {
            return Optional.of(UsernameForm.LOCAL_PART);
        }
        return Optional.empty();
    }

    private Finding finding(CauseCode code, Severity severity, double confidence, String title, Evidence... evidence) {
        List<Evidence> all = new ArrayList<>(List.of(evidence));
        all.add(new Evidence(Evidence.Kind.PROVIDER, "ispdb.file", config.source()));
        return context.finding(code.code(), severity, confidence, title, Optional.of(IspdbRule.PROCEDURE), all);
    }

    private static Evidence setting(String subject, String detail) {
        return new Evidence(Evidence.Kind.SETTING, subject, detail);
    }

    private static Evidence ispdb(String subject, String detail) {
        return new Evidence(Evidence.Kind.PROVIDER, subject, detail);
    }

    static String securityName(Security security) {
        switch (security) {
        case NONE:
            return Messages.Security_none;
        case STARTTLS:
            return Messages.Security_starttls;
        default:
            return Messages.Security_tls;
        }
    }
}
