package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;

/** {@code relaybench sessions show ID}: one session whole, as its changes made it. */
final class SessionsShow implements SessionsCommand.Subcommand {

    private final ServicesLookup services;

    SessionsShow(ServicesLookup services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String summary() {
        return "show one session: account, diagnoses, probes, steps, notes, audit trail";
    }

    @Override
    public String help() {
        return """
                Usage: relaybench sessions show ID [--store URL] [--json]

                Shows one session whole: who opened it for whom, the account as configured (passwords
                are never stored), every diagnosis with its findings, every probe with its redacted
                transcript, the state of each fix procedure step tried, the notes, and the audit trail
                of every change.

                Options:
                  --store URL       jdbc:h2:/path/db or jdbc:postgresql://host/db (default: the workspace's)
                  --json            print the session as JSON, schema relaybench.session/1 (the same as
                                    sessions export --format json; docs/session-export-schema.md); its
                                    "account" can be diagnosed again with diagnose --account
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = Arguments.parse(args, Set.of("store"), Set.of("json"));
        if (a.positional().size() != 1) {
            throw new UsageException(a.positional().isEmpty() ? "name the session: sessions show ID"
                    : "one session at a time: " + String.join(" ", a.positional()));
        }
        String id = a.positional().get(0);
        try (SessionLog store = StoreOption.open(services, a.value("store"), err)) {
            SupportSession session = store.get(id)
                    .orElseThrow(() -> new UsageException("no session " + id + " in " + store.description()));
            if (a.flag("json")) {
                services.get(SupportSessions.class).export(session, Format.JSON, out);
                out.flush();
            } else {
                SessionText.print(session, out);
            }
        }
        return ExitCode.OK;
    }
}
