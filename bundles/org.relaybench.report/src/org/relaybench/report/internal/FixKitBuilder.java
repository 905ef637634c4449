package org.relaybench.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.ServerRecommendation;
import org.relaybench.core.providers.ServerRecommendation.UsernameForm;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.FixKit;
import org.relaybench.report.FixKit.Change;
import org.relaybench.report.FixKit.Server;
import org.relaybench.report.FixKit.Source;

/**
 * Computes a session's {@link FixKit}. Each server comes from the matched provider's recommendations
 * when it has any (the recommendation of the protocol the customer uses, else the preferred one);
 * otherwise from the account's own settings, corrected where the findings of the last diagnosis
 * leave no doubt: authentication switched on, a user name where it is blank, a submission port for a
 * wrong one (465 with implicit TLS, else 587 with STARTTLS), the TLS mode that fits the port.
 */
public final class FixKitBuilder {

    private static final int SUBMISSION_TLS = 465;
    private static final int SUBMISSION_STARTTLS = 587;

    private FixKitBuilder() {
    }

    /**
     * @param session the session
     * @param catalog the installed providers
     * @return the fix kit, or empty when the incoming or outgoing host is unknown
     */
    public static Optional<FixKit> build(SupportSession session, ProviderCatalog.Snapshot catalog) {
        AccountProfile account = session.account();
        Optional<DiagnosisRecord> last = session.diagnoses().isEmpty() ? Optional.empty()
                : Optional.of(session.diagnoses().get(session.diagnoses().size() - 1));
        Optional<ProviderDescriptor> provider = last.flatMap(DiagnosisRecord::providerId).flatMap(catalog::provider)
                .or(() -> catalog.providers().stream().filter(p -> !p.generic() && p.servesDomain(account.domain()))
                        .findFirst());
        Set<String> causes = last.map(d -> d.findings().stream().map(Finding::code).collect(Collectors.toSet()))
                .orElse(Set.of());

        Optional<ServerSettings> configuredIn = account.incoming();
        Optional<ServerSettings> configuredOut = account.primaryOutgoing().or(account::effectiveOutgoing);
        MailProtocol inProtocol = configuredIn.map(ServerSettings::protocol).orElse(MailProtocol.IMAP);

        Optional<Server> incoming = provider
                .flatMap(p -> recommended(p.incoming(), inProtocol).map(r -> fromProvider(r, account)))
                .or(() -> configuredIn.flatMap(s -> fromAccountIncoming(s, account)));
        Optional<Server> outgoing = provider
                .flatMap(p -> recommended(p.outgoing(), MailProtocol.SMTP).map(r -> fromProvider(r, account)))
                .or(() -> configuredOut.flatMap(s -> fromAccountOutgoing(s, account, causes)));
        if (incoming.isEmpty() || outgoing.isEmpty()) {
            return Optional.empty();
        }
        boolean providerUsed = provider.isPresent()
                && (incoming.get().source() == Source.PROVIDER || outgoing.get().source() == Source.PROVIDER);
        List<Change> changes = new ArrayList<>();
        diff("incoming", configuredIn, incoming.get(), changes);
        diff("outgoing", configuredOut, outgoing.get(), changes);
        return Optional.of(new FixKit(account.email(), providerUsed ? provider.map(ProviderDescriptor::id)
                : Optional.empty(), providerUsed ? provider.get().name() : account.domain(), incoming.get(),
                outgoing.get(), changes));
    }

    private static Optional<ServerRecommendation> recommended(List<ServerRecommendation> servers,
            MailProtocol protocol) {
        return servers.stream().filter(s -> s.protocol() == protocol).findFirst()
                .or(() -> servers.stream().findFirst());
    }

    private static Server fromProvider(ServerRecommendation r, AccountProfile account) {
        String user = switch (r.username()) {
        case EMAIL_ADDRESS -> account.email();
        case LOCAL_PART -> account.localPart();
        case OTHER -> configuredUser(account, r.protocol()).orElse(account.email());
        };
        return new Server(r.protocol(), r.host(), r.port(), r.security(), r.auth(), r.username(), user,
                Source.PROVIDER);
    }

    private static Optional<String> configuredUser(AccountProfile account, MailProtocol protocol) {
        Optional<ServerSettings> s = protocol == MailProtocol.SMTP ? account.primaryOutgoing() : account.incoming();
        return s.flatMap(ServerSettings::username);
    }

    private static Optional<Server> fromAccountIncoming(ServerSettings s, AccountProfile account) {
        if (s.host().isEmpty()) {
            return Optional.empty();
        }
        int port = s.port();
        Security security = s.security();
        if (port == 0) {
            port = s.protocol() == MailProtocol.POP3 ? 995 : 993;
            security = Security.TLS;
        }
        AuthMethod auth = s.auth().authenticates() ? s.auth() : AuthMethod.PASSWORD;
        String user = s.username().orElse(account.email());
        return Optional.of(server(s, port, security, auth, user, account));
    }

    private static Optional<Server> fromAccountOutgoing(ServerSettings s, AccountProfile account, Set<String> causes) {
        if (s.host().isEmpty()) {
            return Optional.empty();
        }
        int port = s.port();
        Security security = s.security();
        if (port == 0 || causes.contains(CauseCode.WRONG_SMTP_PORT.code())) {
            port = security == Security.TLS ? SUBMISSION_TLS : SUBMISSION_STARTTLS;
        }
        if (port == SUBMISSION_TLS) {
            security = Security.TLS;
        } else if (port == SUBMISSION_STARTTLS
                && (security == Security.NONE || causes.contains(CauseCode.WRONG_SECURITY.code()))) {
            security = Security.STARTTLS;
        } else if (security == Security.NONE && causes.contains(CauseCode.TLS_REQUIRED.code())) {
            security = Security.STARTTLS;
        }
        AuthMethod auth = s.auth().authenticates() ? s.auth() : AuthMethod.PASSWORD;
        String user = s.username().orElse(account.email());
        return Optional.of(server(s, port, security, auth, user, account));
    }

    private static Server server(ServerSettings s, int port, Security security, AuthMethod auth, String user,
            AccountProfile account) {
        boolean same = s.enabled() && port == s.port() && security == s.security() && auth == s.auth()
                && s.username().filter(user::equals).isPresent();
        UsernameForm form = user.equals(account.email()) ? UsernameForm.EMAIL_ADDRESS
                : user.equals(account.localPart()) ? UsernameForm.LOCAL_PART : UsernameForm.OTHER;
        return new Server(s.protocol(), s.host(), port, security, auth, form, user,
                same ? Source.ACCOUNT : Source.CORRECTED);
    }

    private static void diff(String side, Optional<ServerSettings> configured, Server kit, List<Change> changes) {
        add(changes, side + ".host", configured, ServerSettings::host, kit.host());
        add(changes, side + ".port", configured, s -> s.port() == 0 ? "" : Integer.toString(s.port()),
                Integer.toString(kit.port()));
        add(changes, side + ".security", configured, s -> s.security().id(), kit.security().id());
        add(changes, side + ".auth", configured, s -> s.auth().id(), kit.auth().id());
        add(changes, side + ".username", configured, s -> s.username().orElse(""), kit.username());
        if (side.equals("outgoing") && configured.isPresent() && !configured.get().enabled()) {
            changes.add(new Change("outgoing.enabled", "off", "on"));
        }
    }

    private static void add(List<Change> changes, String setting, Optional<ServerSettings> configured,
            Function<ServerSettings, String> value, String recommended) {
        String was = configured.map(value).orElse("");
        if (!was.equals(recommended)) {
            changes.add(new Change(setting, was, recommended));
        }
    }
}
