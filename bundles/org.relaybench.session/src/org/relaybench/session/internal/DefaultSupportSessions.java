package org.relaybench.session.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.session.SupportSession;
import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.AccountProber;
import org.relaybench.probe.DnsQuery;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.LoginProber;
import org.relaybench.probe.LoginRequest;
import org.relaybench.probe.LoginReport;
import org.relaybench.probe.MailDns;
import org.relaybench.probe.ProbeEvidence;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.SmtpProber;
import org.relaybench.report.FixKit;
import org.relaybench.report.SessionExporter;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.session.AccountCheck;
import org.relaybench.session.AccountFields;
import org.relaybench.session.DiagnosisRequest;
import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.SessionStoreFactory;

/**
 * The support-session service on the engine, the probes, the store and the exporters.
 * <p>
 * Probes run on their own daemon threads while the caller's thread watches the monitor, so a
 * cancellation is honoured within a tenth of a second; a cancelled probe is interrupted and still ends
 * by its own deadlines, never sending anything.
 */
@Component(service = SupportSessions.class)
public final class DefaultSupportSessions implements SupportSessions {

    private static final long POLL_MILLIS = 100;

    @Reference
    private DiagnosisEngine engine;

    @Reference
    private AccountProber accountProber;

    @Reference
    private SmtpProber smtpProber;

    @Reference
    private LoginProber loginProber;

    @Reference
    private MailDns dns;

    @Reference
    private SessionStoreFactory stores;

    @Reference
    private SessionExporter exporter;

    private final ExecutorService probes = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "relaybench-session-probe-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    @Deactivate
    void deactivate() {
        probes.shutdownNow();
    }

    @Override
    public AccountCheck check(AccountFields fields) {
        return Objects.requireNonNull(fields, "fields").check();
    }

    @Override
    public Optional<ProviderDescriptor> recognise(String email, List<String> mxHosts) {
        return engine.recognise(email, mxHosts == null ? List.of() : mxHosts);
    }

    @Override
    public DiagnosisResult diagnose(DiagnosisRequest request, IProgressMonitor monitor) {
        Objects.requireNonNull(request, "request");
        SubMonitor sub = SubMonitor.convert(monitor, "Diagnosing " + request.account().email(),
                request.probe().isPresent() ? 10 : 1);
        DiagnosisOptions options = offline(request);
        Optional<AccountProbe> probe = Optional.empty();
        if (request.probe().isPresent()) {
            sub.subTask("Asking the account's servers");
            AccountProbe p = watched(() -> accountProber.probe(request.account(), request.password(),
                    request.probe().get()), sub.split(9));
            probe = Optional.of(p);
            options = withEvidence(options, request, p);
        }
        sub.subTask("Weighing the evidence");
        sub.checkCanceled();
        Diagnosis diagnosis = engine.diagnose(request.account(), options);
        sub.split(1);
        return new DiagnosisResult(Instant.now(), diagnosis, probe);
    }

    @Override
    public DiagnosisResult diagnoseWith(DiagnosisRequest request, AccountProbe probe) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(probe, "probe");
        DiagnosisOptions options = withEvidence(offline(request), request, probe);
        return new DiagnosisResult(Instant.now(), engine.diagnose(request.account(), options), Optional.of(probe));
    }

    @Override
    public List<DiagnosisResult> diagnoseAll(List<DiagnosisRequest> requests) {
        return diagnoseAll(requests, (i, r) -> r);
    }

    @Override
    public <R> List<R> diagnoseAll(List<DiagnosisRequest> requests,
            BiFunction<Integer, ? super DiagnosisResult, ? extends R> then) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(then, "then");
        // the requests of a batch differ in few options (MX hosts, provider): one engine call per kind
        Map<DiagnosisOptions, List<Integer>> kinds = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            DiagnosisRequest r = Objects.requireNonNull(requests.get(i), "request");
            if (r.probe().isPresent()) {
                throw new IllegalArgumentException("diagnoseAll does not probe: diagnose " + r.account().email() + " alone");
            }
            kinds.computeIfAbsent(offline(r), k -> new ArrayList<>()).add(i);
        }
        Object[] results = new Object[requests.size()];
        kinds.forEach((options, indexes) -> {
            Instant now = Instant.now();
            List<R> made = engine.diagnoseAll(indexes.stream().map(i -> requests.get(i).account()).toList(), options,
                    (k, d) -> then.apply(indexes.get(k), new DiagnosisResult(now, d, Optional.empty())));
            for (int k = 0; k < indexes.size(); k++) {
                results[indexes.get(k)] = made.get(k);
            }
        });
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) List.of(results);
        return list;
    }

    private static DiagnosisOptions offline(DiagnosisRequest request) {
        return DiagnosisOptions.DEFAULTS.withClassifyErrorText(request.classifyErrorText())
                .withMxHosts(request.mxHosts()).withProviderId(request.providerId());
    }

    private static DiagnosisOptions withEvidence(DiagnosisOptions options, DiagnosisRequest request, AccountProbe p) {
        DiagnosisOptions o = options.withEvidence(ProbeEvidence.findings(request.account(), p))
                .withRefutations(ProbeEvidence.refutations(request.account(), p));
        List<String> mx = p.dns().map(DnsReport::mxHosts).orElse(List.of());
        if (request.mxHosts().isEmpty() && !mx.isEmpty()) { // the agent's MX hosts win over DNS
            o = o.withMxHosts(mx);
        }
        return o;
    }

    @Override
    public AccountProbe probe(ProbeRequest smtp, Optional<LoginRequest> login, Optional<DnsQuery> query,
            IProgressMonitor monitor) {
        Objects.requireNonNull(smtp, "smtp");
        SubMonitor sub = SubMonitor.convert(monitor, "Probing " + smtp.host() + ":" + smtp.port(), 3);
        Optional<LoginReport> loginReport = Optional.empty();
        if (login.isPresent()) {
            sub.subTask("Checking the login on " + login.get().host());
            loginReport = Optional.of(watched(() -> loginProber.check(login.get()), sub.split(1)));
        }
        sub.setWorkRemaining(2);
        Optional<DnsReport> dnsReport = Optional.empty();
        if (query.isPresent()) {
            sub.subTask("Looking up DNS records of " + query.get().domain());
            dnsReport = Optional.of(watched(() -> dns.lookup(query.get()), sub.split(1)));
        }
        sub.setWorkRemaining(1);
        sub.subTask("Asking " + smtp.host());
        ProbeReport report = watched(() -> smtpProber.probe(smtp), sub.split(1));
        return new AccountProbe(Optional.of(report), loginReport, dnsReport);
    }

    @Override
    public String defaultStoreUrl() {
        return stores.defaultUrl();
    }

    @Override
    public SessionLog openLog(Optional<String> jdbcUrl) {
        return new StoreSessionLog(stores.open(jdbcUrl.orElseGet(stores::defaultUrl)));
    }

    @Override
    public void export(SupportSession session, Format format, OutputStream out) throws IOException {
        exporter.export(session, format, out);
    }

    @Override
    public long export(SupportSession session, Format format, Path file) throws IOException {
        if (format.fixKit() && exporter.fixKit(session).isEmpty()) {
            throw new IllegalArgumentException("no fix kit for session " + session.id()
                    + ": its incoming or outgoing server is not known");
        }
        return AtomicFiles.write(file, o -> exporter.export(session, format, o));
    }

    @Override
    public void exportSummary(List<SupportSession> sessions, Format format, OutputStream out) throws IOException {
        exporter.exportSummary(sessions, format, out);
    }

    @Override
    public long exportSummary(List<SupportSession> sessions, Format format, Path file) throws IOException {
        if (!format.summary()) {
            throw new IllegalArgumentException("a summary cannot be written as " + format.id());
        }
        return AtomicFiles.write(file, o -> exporter.exportSummary(sessions, format, o));
    }

    @Override
    public Optional<FixKit> fixKit(SupportSession session) {
        return exporter.fixKit(session);
    }

    /** Runs work on a probe thread while watching the monitor for cancellation. */
    private <T> T watched(Callable<T> work, IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor);
        sub.checkCanceled();
        Future<T> future = probes.submit(work);
        try {
            while (true) {
                try {
                    return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (sub.isCanceled()) {
                        future.cancel(true);
                        throw new OperationCanceledException();
                    }
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            sub.done();
        }
    }
}
