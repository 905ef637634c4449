package org.relaybench.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.relaybench.core.Severity;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.session.SupportSessions;
import org.relaybench.session.batch.BatchCheckpoint;
import org.relaybench.session.batch.BatchDiagnosis;
import org.relaybench.session.batch.BatchFormat;
import org.relaybench.session.batch.BatchInputException;
import org.relaybench.session.batch.BatchPipeline;
import org.relaybench.session.batch.BatchReader;
import org.relaybench.session.batch.BatchReaders;
import org.relaybench.session.batch.BatchResult;
import org.relaybench.session.batch.BatchSummary;
import org.relaybench.session.batch.ProbeScheduler;
import org.relaybench.session.batch.Shard;

/**
 * {@code relaybench batch}: diagnoses every account of a CSV or JSON Lines file, streaming, on all
 * cores, and writes one result per record in input order. The work is the session service's
 * ({@code org.relaybench.session.batch}); this reads the options and writes.
 */
public final class BatchCommand implements Command {

    /** Results between two checkpoints, at most. */
    static final int CHECKPOINT_RECORDS = 2_000;
    private static final long CHECKPOINT_NANOS = 1_000_000_000L;
    /**
     * Records a worker diagnoses in one go, offline, at most: the engine's cost per call is paid once
     * for all of them. With probes each record is one, so that the probes run side by side.
     */
    public static final int CHUNK = 16;

    /**
     * @param threads the workers
     * @return how many records may be read ahead of the oldest not yet written: a few chunks per worker
     */
    public static int window(int threads) {
        return Math.max(512, threads * 4 * CHUNK);
    }

    private final ServicesLookup services;
    private final InputStream stdin;
    private final BooleanSupplier terminal;

    BatchCommand(ServicesLookup services, InputStream stdin, BooleanSupplier terminal) {
        this.services = services;
        this.stdin = stdin;
        this.terminal = terminal;
    }

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public String summary() {
        return "diagnose every account of a CSV or JSON Lines file (streaming, all cores)";
    }

    @Override
    public String help() {
        return """
                Usage: relaybench batch [options] FILE.csv|FILE.jsonl|-

                Diagnoses every account of a file and writes one result per record, in input
                order, as JSON Lines (the 'diagnose --json' form with "line", "id" and "status")
                or CSV. Streaming: memory stays flat whatever the input's size.

                Input ('-' reads standard input):
                  CSV with a header row naming its columns: id, email, client, network,
                  network-operator, error, mx, smtp-host, smtp-port, smtp-security, smtp-auth,
                  smtp-user, smtp-password-set, smtp-enabled, incoming-protocol, incoming-host,
                  incoming-port, incoming-security, incoming-auth, incoming-user,
                  incoming-password-set, other-smtp (only email is required);
                  or JSON Lines: one 'diagnose --account' object per line, with an optional "id".
                  --format csv|jsonl        the input's format (default: by extension; for '-', by
                                            its first character)

                Output:
                  --output FILE|-           where to write the results (default: standard output)
                  --output-format jsonl|csv (default: by the output's extension, else jsonl)
                  --report FILE.html|pdf    also write the summary report of the run
                  --store URL               log every record as a support session (customer: its
                                            id, else its email; ticket: FILE:LINE) in a session
                                            log: jdbc:h2:/path/db or jdbc:postgresql://host/db
                                            (in bulk: 500 sessions a transaction)
                  --agent NAME              who logs the sessions (default: the user name)
                  --quiet                   no progress and no summary on standard error

                Running:
                  --threads N               diagnosing threads (default: the number of cores)
                  --no-classify             ignore the error texts
                  --fail-on error|warning   exit 1 when a record has a finding at least that severe
                  --shard I/N               diagnose only record k with k mod N = I (k counts every
                                            record from 0): N processes share one input
                  --resume                  continue an interrupted run: the output (a file) is cut
                                            back to the last checkpoint and the rest is added

                Live probe (asks the real servers, never sends; no passwords in a batch):
                  --probe                   probe each account's outgoing server and DNS; identical
                                            settings are probed once per run
                  --concurrency N           probes at once (default 16)
                  --per-host N              probes of one server at once (default 2)
                  --to, --timeout, --trust-cert, --insecure, --dns   as for 'diagnose --probe'

                Exit codes: 0 done; 1 a record was invalid or failed, or has a finding at or above
                --fail-on; 2 bad usage, or the input is not CSV or JSON Lines at all (nothing is
                written); 3 internal error (output or store failed).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(Set.of("format", "output", "output-format", "report", "store", "agent",
                "threads", "fail-on", "shard", "concurrency", "per-host"));
        valued.addAll(ProbeOptions.VALUED);
        Set<String> flags = new HashSet<>(Set.of("quiet", "no-classify", "resume", "probe"));
        flags.addAll(ProbeOptions.FLAGS);
        Arguments a = Arguments.parse(args, valued, flags);
        if (a.positional().size() != 1) {
            throw new UsageException(a.positional().isEmpty() ? "give the input FILE, or - for standard input"
                    : "give one input FILE: " + String.join(" ", a.positional()));
        }
        String input = a.positional().get(0);
        Optional<BatchFormat> inFormat = format(a, "format");
        if (inFormat.isEmpty() && !input.equals("-")) {
            inFormat = Optional.of(BatchFormat.ofFileName(input).orElseThrow(() -> new UsageException(
                    "cannot tell the format of " + input + " from its name: give --format csv|jsonl")));
        }
        String output = a.value("output").orElse("-");
        BatchFormat outFormat = format(a, "output-format")
                .orElse(output.equals("-") ? BatchFormat.JSONL : BatchFormat.ofFileName(output).orElse(BatchFormat.JSONL));
        if (a.flag("resume") && output.equals("-")) {
            throw new UsageException("--resume needs --output FILE: standard output cannot be cut back");
        }
        Optional<Format> report = report(a);
        Optional<Severity> failOn = DiagnoseCommand.failOn(a);
        Shard shard = Shard.ALL;
        if (a.value("shard").isPresent()) {
            try {
                shard = Shard.parse(a.value("shard").get());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--shard: " + e.getMessage());
            }
        }
        if (!a.flag("probe") && (ProbeOptions.any(a) || a.value("concurrency").isPresent()
                || a.value("per-host").isPresent())) {
            throw new UsageException("--concurrency, --per-host, --to, --timeout, --trust-cert, --insecure and --dns "
                    + "go with --probe");
        }
        if (a.value("agent").isPresent() && a.value("store").isEmpty()) {
            throw new UsageException("--agent names who logs the sessions: give --store too");
        }
        int threads = a.flag("probe") ? a.integer("concurrency", 16, 1, 1024)
                : a.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        int perHost = a.integer("per-host", 2, 1, 64);
        SupportSessions sessions = services.get(SupportSessions.class);
        Optional<ProbeScheduler> probes = a.flag("probe")
                ? Optional.of(new ProbeScheduler(sessions, ProbeOptions.settings(a), perHost))
                : Optional.empty();

        CountingInputStream counted = new CountingInputStream(open(input));
        long size = input.equals("-") ? -1 : Files.size(Path.of(input));
        BatchReader reader;
        try {
            reader = BatchReaders.open(counted, inFormat);
        } catch (BatchInputException e) {
            counted.close();
            throw new UsageException(input + ": " + e.getMessage());
        }
        String run = String.join(" ", "input=" + Path.of(input).getFileName(), "format=" + reader.format().id(),
                "output-format=" + outFormat.id(), "shard=" + shard);
        try (reader; BatchStore store = BatchStore.open(services, a, input, err)) {
            BatchOutputFile sink = BatchOutputFile.open(output, out, a.flag("resume"), run);
            BatchSummary summary = new BatchSummary();
            sink.checkpoint().ifPresent(c -> c.addTo(summary));
            long skip = sink.checkpoint().map(BatchCheckpoint::nextOrdinal).orElse(0L);
            if (skip == 0) {
                sink.write(new BatchOutput(outFormat).header().getBytes(StandardCharsets.UTF_8));
            }
            int window = window(threads);
            // a run killed before its first checkpoint has none, and may still have logged records
            store.resumeAfter(skip, a.flag("resume"), window + CHECKPOINT_RECORDS + 2L);
            BatchDiagnosis diagnosis = new BatchDiagnosis(sessions, reader.format(), !a.flag("no-classify"), probes);
            BatchOutput lines = new BatchOutput(outFormat);
            BatchProgress progress = a.flag("quiet") ? null : new BatchProgress(err, terminal.getAsBoolean(), size);
            Instant started = Instant.now();
            long t0 = System.nanoTime();
            Shard selected = shard;
            long[] sinceCheckpoint = { 0, System.nanoTime() };
            long thisRun;
            try {
                thisRun = BatchPipeline.run(reader, r -> selected.includes(r) && r.ordinal() >= skip, records -> {
                    if (!store.logging()) {
                        // encoded on the engine's thread that diagnosed the record, while the diagnosis is in
                        // its cache; the one writing thread only copies bytes
                        return diagnosis.diagnoseAll(records,
                                result -> new Done(result, lines.line(result, Optional.empty()), BatchStore.Session.NONE));
                    }
                    List<BatchResult> results = diagnosis.diagnoseAll(records);
                    List<Done> done = new ArrayList<>(results.size());
                    for (int i = 0; i < results.size(); i++) {
                        BatchResult result = results.get(i);
                        BatchStore.Session session = store.session(records.get(i), result);
                        // encoded here, on the workers: the one writing thread only copies bytes
                        done.add(new Done(result, lines.line(result, session.id()), session));
                    }
                    return done;
                }, probes.isPresent() ? 1 : CHUNK, (r, done) -> {
                    summary.add(done.result());
                    store.write(done.line(), r, done.session(), sink::write);
                    if (++sinceCheckpoint[0] >= CHECKPOINT_RECORDS
                            || System.nanoTime() - sinceCheckpoint[1] > CHECKPOINT_NANOS) {
                        // the sessions of the records before the checkpoint are stored first
                        store.flush(sink::write);
                        if (store.logging()) {
                            // at once: a resumed run looks for sessions logged past its checkpoint only
                            // within a checkpoint's worth of records
                            sink.commit(r.ordinal() + 1, summary);
                        } else {
                            sink.checkpoint(r.ordinal() + 1, summary);
                        }
                        sinceCheckpoint[0] = 0;
                        sinceCheckpoint[1] = System.nanoTime();
                    }
                    if (progress != null) {
                        progress.tick(summary.records(), counted.count());
                    }
                }, threads, window);
                store.flush(sink::write);
                sink.commit(Long.MAX_VALUE, summary);
            } finally {
                sink.close();
                if (progress != null) {
                    progress.done(summary.records(), counted.count());
                }
            }
            if (report.isPresent()) {
                Path file = Path.of(a.value("report").get());
                sessions.exportSummary(summary.sessions(started), report.get(), file);
            }
            if (!a.flag("quiet")) {
                double seconds = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
                err.println(String.format(Locale.ROOT,
                        "relaybench batch: %,d records: %,d diagnosed (%,d with errors, %,d with warnings), %,d invalid, "
                                + "%,d failed%s; %.1f s, %,.0f records/s in this run",
                        summary.records(), summary.diagnosed(), summary.errors(), summary.warnings(), summary.invalid(),
                        summary.failed(), probes.map(p -> String.format(Locale.ROOT, "; %,d probes, %,d shared",
                                p.probed(), p.shared())).orElse(""),
                        seconds, thisRun / seconds)
                        + (store.description().isEmpty() ? ""
                                : String.format(Locale.ROOT, "; %,d sessions logged in %s (%,.0f/s)", store.logged(),
                                        store.description(), store.logged() / seconds)));
            }
            boolean bad = summary.invalid() > 0 || summary.failed() > 0;
            return bad || failOn.isPresent() && failing(summary, failOn.get()) ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    /** @return whether a record (of this run or of the one it resumes) has a finding at least that severe */
    private static boolean failing(BatchSummary summary, Severity level) {
        return level == Severity.ERROR ? summary.errors() > 0 : summary.errors() + summary.warnings() > 0;
    }

    private record Done(BatchResult result, byte[] line, BatchStore.Session session) {
    }

    private InputStream open(String input) throws UsageException {
        if (input.equals("-")) {
            return stdin;
        }
        try {
            return Files.newInputStream(Path.of(input));
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + input);
        } catch (InvalidPathException | IOException e) {
            throw new UsageException("cannot read " + input + ": " + e.getMessage());
        }
    }

    private static Optional<BatchFormat> format(Arguments a, String option) throws UsageException {
        if (a.value(option).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BatchFormat.parse(a.value(option).get())
                .orElseThrow(() -> new UsageException("--" + option + " must be csv or jsonl: " + a.value(option).get())));
    }

    private static Optional<Format> report(Arguments a) throws UsageException {
        if (a.value("report").isEmpty()) {
            return Optional.empty();
        }
        String name = a.value("report").get().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(Format.HTML);
        }
        if (name.endsWith(".pdf")) {
            return Optional.of(Format.PDF);
        }
        throw new UsageException("--report must name a .html or .pdf file: " + a.value("report").get());
    }
}
