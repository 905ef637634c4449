package org.relaybench.session.batch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.session.DiagnosisRequest;
import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.SupportSessions;

/**
 * The live probes of a batch, polite to the servers asked: accounts whose probes would be identical
 * are probed once per run, and no server is asked by more than a few accounts at a time.
 * <p>
 * A batch has no passwords, so an account's probe asks its outgoing server (host, port, TLS mode) and
 * DNS about its domain: accounts that agree on those four share one probe. That probe is made as
 * {@code relaybench-probe@<domain>}, not as any one customer, so a shared transcript never carries
 * another customer's address into someone else's result or logged session. The probes of the last {@value #REMEMBERED}
 * settings are remembered; older ones are probed again if met again. Per outgoing host at most
 * {@code perHost} probes run at once; the others wait, so a burst of accounts of one provider reaches
 * its server a few connections at a time. Each probe keeps its own deadline, so a dead server costs
 * an account at most that. The run's overall concurrency is the number of threads calling
 * {@link #diagnose}. Thread-safe.
 *
 * @since 0.1
 */
public final class ProbeScheduler {

    /** How many distinct server settings' probes are remembered. */
    public static final int REMEMBERED = 10_000;

    private record Key(String domain, String host, int port, Security security) {
    }

    private final SupportSessions sessions;
    private final ProbeSettings settings;
    private final int perHost;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Optional<AccountProbe>>> probes = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Optional<AccountProbe>>> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final AtomicLong probed = new AtomicLong();
    private final AtomicLong shared = new AtomicLong();

    /**
     * @param sessions the support-session service that probes and diagnoses
     * @param settings how to probe
     * @param perHost how many probes may ask one server at once, at least 1
     */
    public ProbeScheduler(SupportSessions sessions, ProbeSettings settings, int perHost) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be at least 1: " + perHost);
        }
        this.perHost = perHost;
    }

    /**
     * Diagnoses an account with the probe of its settings: run now by this thread when it is the
     * first with them, else the one already run (waiting for it when it is still running).
     *
     * @param request the account, without probe
     * @return the diagnosis with the probe's evidence
     * @throws org.eclipse.core.runtime.OperationCanceledException when interrupted
     */
    public DiagnosisResult diagnose(DiagnosisRequest request) {
        AccountProfile account = request.account();
        Key key = key(account);
        CompletableFuture<Optional<AccountProbe>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<AccountProbe>> existing;
        synchronized (probes) {
            existing = probes.putIfAbsent(key, mine);
        }
        if (existing != null) {
            Optional<AccountProbe> probe = await(existing);
            if (probe.isPresent()) {
                shared.incrementAndGet();
                return sessions.diagnoseWith(request, probe.get());
            }
            // the first one failed: this account probes for itself, politely
        }
        Semaphore gate = hosts.computeIfAbsent(key.host(), h -> new Semaphore(perHost, true));
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine.complete(Optional.empty());
            throw new org.eclipse.core.runtime.OperationCanceledException();
        }
        try {
            // probe as a neutral sender of the domain, then diagnose the customer's account with it
            Optional<AccountProbe> probe = sessions.diagnose(DiagnosisRequest.of(neutral(account))
                    .withClassifyErrorText(false).withProbe(settings, Optional.empty()), null).probe();
            probed.incrementAndGet();
            mine.complete(probe);
            return probe.isPresent() ? sessions.diagnoseWith(request, probe.get()) : sessions.diagnose(request, null);
        } catch (RuntimeException | Error e) {
            mine.complete(Optional.empty());
            throw e;
        } finally {
            gate.release();
        }
    }

    /** @return how many probes ran */
    public long probed() {
        return probed.get();
    }

    /** @return how many accounts used a probe run for another account with the same settings */
    public long shared() {
        return shared.get();
    }

    private static Optional<AccountProbe> await(CompletableFuture<Optional<AccountProbe>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.eclipse.core.runtime.OperationCanceledException();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** The sender shared probes are made as: no customer's address. */
    static final String NEUTRAL_LOCAL_PART = "relaybench-probe";

    private static AccountProfile neutral(AccountProfile a) {
        return new AccountProfile(NEUTRAL_LOCAL_PART + "@" + a.domain(), a.client(), a.incoming(), a.primaryOutgoing(),
                a.otherOutgoing(), a.network(), a.errorText());
    }

    private static Key key(AccountProfile account) {
        Optional<ServerSettings> out = account.effectiveOutgoing().filter(s -> !s.host().isEmpty());
        String host = out.map(s -> s.host().toLowerCase(Locale.ROOT)).orElse("");
        Security security = out.map(ServerSettings::security).orElse(Security.NONE);
        int port = out.map(s -> s.port() > 0 ? s.port() : MailProtocol.SMTP.defaultPort(s.security())).orElse(0);
        return new Key(account.domain().toLowerCase(Locale.ROOT), host, port, security);
    }
}
