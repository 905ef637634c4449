package org.relaybench.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter;
import org.relaybench.report.SessionExporter.Format;

/**
 * The report-writing part of {@code relaybench sessions}: {@code export ID --format F [--output FILE]}
 * for one session and {@code summary --format html|pdf --output FILE} over many. The sessions command
 * finds the sessions in the store and calls {@link #run} or {@link #summary} with its parsed
 * arguments, which must allow the options {@link #OPTIONS}.
 * <p>
 * Text formats go to standard output unless {@code --output} is given; PDF always needs
 * {@code --output}. A file is written next to its final name first and moved into place when
 * complete, so a failed export never leaves half a file behind.
 */
public final class SessionsExport {

    /** The options {@link #run} and {@link #summary} read; both take a value. */
    public static final Set<String> OPTIONS = Set.of("format", "output");

    /** The lines of {@code relaybench sessions --help} about exporting. */
    public static final String HELP = """
              export ID --format FORMAT [--output FILE]
                        write one session: html (printable report), pdf, json (schema
                        relaybench.session/1), csv (one row per finding), md (Markdown for a
                        ticket), or the customer's fix kit: mobileconfig (Apple configuration
                        profile) or autoconfig (Thunderbird clientConfig). Text formats go to
                        standard output without --output; pdf needs --output.
              summary --format html|pdf --output FILE
                        figures over the sessions: counts by provider and cause, success rate
                        of each fix procedure, time to resolve, with charts
            """;

    private SessionsExport() {
    }

    /**
     * Exports one session.
     *
     * @param exporter the exporter service
     * @param session the session
     * @param args the parsed arguments, with {@code --format} and optionally {@code --output}
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 written, 2 when the session has no fix kit to give
     * @throws UsageException for a missing or unknown format, or a binary format without a file
     * @throws IOException when writing fails
     */
    public static int run(SessionExporter exporter, SupportSession session, Arguments args, PrintStream out,
            PrintStream err) throws UsageException, IOException {
        Format format = format(args, List.of(Format.values()));
        if (format.fixKit() && exporter.fixKit(session).isEmpty()) {
            err.println("relaybench sessions export: no fix kit for session " + session.id()
                    + ": its incoming or outgoing server is not known");
            return ExitCode.USAGE;
        }
        write(args, format, out, o -> exporter.export(session, format, o));
        return ExitCode.OK;
    }

    /**
     * Writes the summary report over many sessions.
     *
     * @param exporter the exporter service
     * @param sessions the sessions
     * @param args the parsed arguments, with {@code --format html|pdf} and optionally {@code --output}
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 written
     * @throws UsageException for a missing or unsuitable format, or PDF without a file
     * @throws IOException when writing fails
     */
    public static int summary(SessionExporter exporter, List<SupportSession> sessions, Arguments args,
            PrintStream out, PrintStream err) throws UsageException, IOException {
        Format format = format(args, Arrays.stream(Format.values()).filter(Format::summary).toList());
        write(args, format, out, o -> exporter.exportSummary(sessions, format, o));
        return ExitCode.OK;
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Format format(Arguments args, List<Format> allowed) throws UsageException {
        String names = allowed.stream().map(Format::id).collect(Collectors.joining(", "));
        String given = args.value("format").orElseThrow(() -> new UsageException("--format is required: " + names));
        Format f = Format.parse(given).filter(allowed::contains)
                .orElseThrow(() -> new UsageException("--format must be one of " + names + ": " + given));
        if (f.binary() && args.value("output").isEmpty()) {
            throw new UsageException("--format " + f.id() + " writes a binary file: give --output FILE");
        }
        return f;
    }

    private static void write(Arguments args, Format format, PrintStream out, Body body)
            throws UsageException, IOException {
        if (args.value("output").isEmpty()) {
            body.writeTo(out);
            out.flush();
            return;
        }
        Path target;
        try {
            target = Path.of(args.value("output").get()).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new UsageException("--output is not a file name: " + e.getMessage());
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException("--output: no such folder: " + dir);
        }
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream o = Files.newOutputStream(temp)) {
                body.writeTo(o);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        out.println("Wrote " + format.id() + " to " + target + " (" + Files.size(target) + " bytes)");
    }
}
