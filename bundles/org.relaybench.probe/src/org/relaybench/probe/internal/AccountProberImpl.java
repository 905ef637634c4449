package org.relaybench.probe.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.ServerSettings;
import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.AccountProber;
import org.relaybench.probe.DnsQuery;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.LoginProber;
import org.relaybench.probe.LoginReport;
import org.relaybench.probe.LoginRequest;
import org.relaybench.probe.MailDns;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.probe.Secret;
import org.relaybench.probe.SmtpProber;

/**
 * Runs an account's three checks at the same time: DNS and the login check on pool threads, the
 * SMTP probe on the caller's. Each has its own deadline, so the whole ends within the longest.
 */
@Component(service = AccountProber.class)
public final class AccountProberImpl implements AccountProber {

    @Reference
    private SmtpProber smtp;
    @Reference
    private LoginProber login;
    @Reference
    private MailDns dns;

    private ExecutorService pool;

    @Activate
    void activate() {
        pool = Pools.blocking("relaybench-account-probe");
    }

    @Deactivate
    void deactivate() {
        pool.shutdownNow();
    }

    @Override
    public AccountProbe probe(AccountProfile account, Optional<Secret> password, ProbeSettings settings) {
        Optional<ServerSettings> outgoing = account.effectiveOutgoing().filter(s -> !s.host().isEmpty());
        CompletableFuture<DnsReport> names = CompletableFuture.supplyAsync(() -> dns.lookup(new DnsQuery(
                account.domain(), outgoing.map(ServerSettings::host), settings.dns(), settings.timeout())), pool);
        Optional<ServerSettings> incoming = account.incoming().filter(s -> !s.host().isEmpty());
        CompletableFuture<Optional<LoginReport>> loginCheck = incoming.isPresent() && password.isPresent()
                ? CompletableFuture.supplyAsync(() -> Optional.of(login.check(loginRequest(account, incoming.get(),
                        password.get(), settings))), pool)
                : CompletableFuture.completedFuture(Optional.empty());
        Optional<ProbeReport> report = outgoing.map(s -> smtp.probe(smtpRequest(account, s, password, settings)));
        return new AccountProbe(report, loginCheck.join(), Optional.of(names.join()));
    }

    static ProbeRequest smtpRequest(AccountProfile account, ServerSettings s, Optional<Secret> password,
            ProbeSettings settings) {
        ProbeRequest.Builder b = ProbeRequest.builder(s.host(), s.port() > 0 ? s.port() : MailProtocol.SMTP.defaultPort(s.security()),
                s.security()).from(account.email()).to(settings.to()).timeout(settings.timeout())
                .stageTimeout(settings.stageTimeout()).trust(settings.trust());
        password.ifPresent(p -> b.credentials(s.username().orElse(account.email()), p));
        return b.build();
    }

    private static LoginRequest loginRequest(AccountProfile account, ServerSettings s, Secret password,
            ProbeSettings settings) {
        int port = s.port() > 0 ? s.port() : s.protocol().defaultPort(s.security());
        return new LoginRequest(s.protocol(), s.host(), port, s.security(), s.username().orElse(account.email()),
                password, settings.timeout(), settings.trust());
    }
}
