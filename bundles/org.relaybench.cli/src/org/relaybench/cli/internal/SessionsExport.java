package org.relaybench.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.session.SupportSessions;

/**
 * The options of {@code relaybench sessions export} and {@code summary}: {@code --format} and
 * {@code --output}, read here and handed to the session service, which writes the file completely or
 * not at all. Text formats go to standard output unless {@code --output} is given; a binary format
 * (PDF) goes to standard output only when it is not a terminal ({@code > report.pdf}).
 */
final class SessionsExport {

    /** The options {@link #run} and {@link #summary} read; both take a value. */
    static final Set<String> OPTIONS = Set.of("format", "output");

    /** The lines of {@code relaybench sessions --help} about exporting. */
    static final String HELP = """
              export ID --format FORMAT [--output FILE]
                        write one session: html (printable report), pdf, json (schema
                        relaybench.session/1), csv (one row per finding), md (Markdown for a
                        ticket), or the customer's fix kit: mobileconfig (Apple configuration
                        profile) or autoconfig (Thunderbird clientConfig). Without --output the
                        report goes to standard output; pdf only when that is not a terminal.
              summary --format html|pdf --output FILE
                        figures over the sessions: counts by provider and cause, success rate
                        of each fix procedure, time to resolve, with charts
            """;

    private SessionsExport() {
    }

    /** Writes one session as the options say; returns the exit code (2 when there is no fix kit). */
    static int run(SupportSessions service, SupportSession session, Arguments args, boolean terminal, PrintStream out,
            PrintStream err) throws UsageException, IOException {
        Format format = format(args, List.of(Format.values()), terminal);
        if (format.fixKit() && service.fixKit(session).isEmpty()) {
            err.println("relaybench sessions export: no fix kit for session " + session.id()
                    + ": its incoming or outgoing server is not known");
            return ExitCode.USAGE;
        }
        write(args, format, out, o -> service.export(session, format, o), f -> service.export(session, format, f));
        return ExitCode.OK;
    }

    /** Writes the summary report of the sessions as the options say; returns the exit code. */
    static int summary(SupportSessions service, List<SupportSession> sessions, Arguments args, boolean terminal,
            PrintStream out) throws UsageException, IOException {
        Format format = format(args, Arrays.stream(Format.values()).filter(Format::summary).toList(), terminal);
        write(args, format, out, o -> service.exportSummary(sessions, format, o),
                f -> service.exportSummary(sessions, format, f));
        return ExitCode.OK;
    }

    private interface ToStream {
        void write(PrintStream out) throws IOException;
    }

    private interface ToFile {
        long write(Path file) throws IOException;
    }

    /** Writes to standard output, or with {@code --output} to the file, and says what was written. */
    private static void write(Arguments args, Format format, PrintStream out, ToStream toStream, ToFile toFile)
            throws UsageException, IOException {
        if (args.value("output").isEmpty()) {
            toStream.write(out);
            out.flush();
            return;
        }
        Path file = output(args);
        long size;
        try {
            size = toFile.write(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("--output: no such folder: " + file.getParent());
        }
        out.println("Wrote " + format.id() + " to " + file + " (" + size + " bytes)");
    }

    private static Format format(Arguments args, List<Format> allowed, boolean terminal) throws UsageException {
        String names = allowed.stream().map(Format::id).collect(Collectors.joining(", "));
        String given = args.value("format").orElseThrow(() -> new UsageException("--format is required: " + names));
        Format f = Format.parse(given).filter(allowed::contains)
                .orElseThrow(() -> new UsageException("--format must be one of " + names + ": " + given));
        if (f.binary() && args.value("output").isEmpty() && terminal) {
            throw new UsageException("--format " + f.id() + " writes a binary file, not for a terminal: give --output FILE"
                    + " or redirect standard output");
        }
        return f;
    }

    private static Path output(Arguments args) throws UsageException {
        try {
            return Path.of(args.value("output").get()).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new UsageException("--output is not a file name: " + e.getMessage());
        }
    }
}
