package org.relaybench.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.eclipse.core.runtime.IProgressMonitor;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.session.SupportSession;
import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.DnsQuery;
import org.relaybench.probe.LoginRequest;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.report.FixKit;
import org.relaybench.report.SessionExporter.Format;

/**
 * The support-session service: everything a face of Relaybench (command line, workbench, batch) does
 * with an account and its session, so that each face only reads its input, calls this and shows the
 * result. An OSGi service (Declarative Services); thread-safe.
 * <p>
 * Long operations take an {@link IProgressMonitor}: they report progress and stop with
 * {@link org.eclipse.core.runtime.OperationCanceledException} when it is cancelled, so the workbench
 * can run them as a {@code Job} and a batch run can show a progress bar. A {@code null} monitor is
 * allowed.
 *
 * @since 0.1
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface SupportSessions {

    /**
     * Builds and validates an account from its fields, with the same messages for every face.
     *
     * @param fields the fields as typed or read
     * @return the account, or every problem found
     */
    AccountCheck check(AccountFields fields);

    /**
     * Recognises the provider of an address (and MX hosts) as a diagnosis would, without running any
     * rule; cheap enough to call as an agent types.
     *
     * @param email the address, possibly incomplete
     * @param mxHosts the domain's MX hosts, when known
     * @return the provider, or empty
     */
    Optional<ProviderDescriptor> recognise(String email, List<String> mxHosts);

    /**
     * Diagnoses an account; with a probe, its real servers are asked first (the outgoing server with
     * and without the password, the incoming login, MX and submission SRV records) and what they say
     * confirms, adds or refutes findings.
     *
     * @param request the account and how to diagnose it
     * @param monitor progress and cancellation; may be null
     * @return the diagnosis and the probe
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled
     */
    DiagnosisResult diagnose(DiagnosisRequest request, IProgressMonitor monitor);

    /**
     * Diagnoses an account with the evidence of a probe that already ran, for an account with the same
     * servers: a batch probes identical server settings once and diagnoses each of their accounts
     * with that probe. The request's own probe settings are ignored.
     *
     * @param request the account and how to diagnose it
     * @param probe what the servers said
     * @return the diagnosis, with that probe
     * @since 0.1
     */
    DiagnosisResult diagnoseWith(DiagnosisRequest request, AccountProbe probe);

    /**
     * Diagnoses many accounts without probing, as a batch run does: the same results as one
     * {@link #diagnose} each, faster per account, because the engine takes the accounts that are
     * diagnosed the same way (same MX hosts, provider and error-text reading) in one call.
     *
     * @param requests the accounts and how to diagnose them; none may ask for a probe
     * @return one result per request, in the same order
     * @throws IllegalArgumentException when a request asks for a probe
     * @since 0.1
     */
    List<DiagnosisResult> diagnoseAll(List<DiagnosisRequest> requests);

    /**
     * Diagnoses many accounts as {@link #diagnoseAll(List)} does, and hands each result to {@code then}
     * as soon as it is made, on the engine's thread that made it (see
     * {@link org.relaybench.core.diagnosis.DiagnosisEngine#diagnoseAll(List, org.relaybench.core.diagnosis.DiagnosisOptions, BiFunction)}):
     * quick work of the caller's on each result, without its fetching the result from another core.
     *
     * @param <R> what the caller makes of a result
     * @param requests the accounts and how to diagnose them; none may ask for a probe
     * @param then makes the result of the request at an index (in {@code requests}) from its diagnosis;
     *        quick, not blocking, without effects beyond its result (it may see a diagnosis that is
     *        dropped), not null
     * @return one result per request, in the same order
     * @throws IllegalArgumentException when a request asks for a probe
     * @since 0.2
     */
    <R> List<R> diagnoseAll(List<DiagnosisRequest> requests,
            BiFunction<Integer, ? super DiagnosisResult, ? extends R> then);

    /**
     * Probes one SMTP server, and optionally an incoming server's login and DNS, without an account.
     *
     * @param smtp the SMTP probe
     * @param login the incoming login check, if wanted
     * @param dns the DNS lookups, if wanted
     * @param monitor progress and cancellation; may be null
     * @return what the servers said
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled
     */
    AccountProbe probe(ProbeRequest smtp, Optional<LoginRequest> login, Optional<DnsQuery> dns, IProgressMonitor monitor);

    /** @return the JDBC URL of the default session log (preference, else the embedded store) */
    String defaultStoreUrl();

    /**
     * Opens a session log.
     *
     * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql://...}; empty for the default
     * @return the open log; close it when done
     * @throws IllegalArgumentException when the URL is not a store URL
     * @throws org.relaybench.store.StoreException when the database cannot be opened
     */
    SessionLog openLog(Optional<String> jdbcUrl);

    /**
     * Writes one session in a format to a stream. The stream is flushed, not closed.
     *
     * @param session the session
     * @param format the format
     * @param out where to write
     * @throws IOException when writing fails
     * @throws IllegalArgumentException for a fix-kit format when the session has no fix kit
     */
    void export(SupportSession session, Format format, OutputStream out) throws IOException;

    /**
     * Writes one session to a file, completely or not at all: the file is written beside its final
     * name and moved into place when complete.
     *
     * @param session the session
     * @param format the format
     * @param file the file; its folder must exist
     * @return the file's size in bytes
     * @throws IOException when writing fails; the file is then untouched
     * @throws IllegalArgumentException for a fix-kit format when the session has no fix kit
     */
    long export(SupportSession session, Format format, Path file) throws IOException;

    /**
     * Writes the summary report (figures and charts) of many sessions to a stream.
     *
     * @param sessions the sessions
     * @param format {@link Format#HTML} or {@link Format#PDF}
     * @param out where to write
     * @throws IOException when writing fails
     */
    void exportSummary(List<SupportSession> sessions, Format format, OutputStream out) throws IOException;

    /**
     * Writes the summary report of many sessions to a file, completely or not at all.
     *
     * @param sessions the sessions
     * @param format {@link Format#HTML} or {@link Format#PDF}
     * @param file the file; its folder must exist
     * @return the file's size in bytes
     * @throws IOException when writing fails
     */
    long exportSummary(List<SupportSession> sessions, Format format, Path file) throws IOException;

    /**
     * @param session a session
     * @return the settings the customer should use, or empty when not enough is known
     */
    Optional<FixKit> fixKit(SupportSession session);
}
