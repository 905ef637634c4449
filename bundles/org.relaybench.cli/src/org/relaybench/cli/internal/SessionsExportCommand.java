package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.relaybench.core.session.SupportSession;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;

/** {@code relaybench sessions export ID --format F [--output FILE]}: one session as a report or a fix kit. */
final class SessionsExportCommand implements SessionsCommand.Subcommand {

    private final ServicesLookup services;

    private final BooleanSupplier terminal;

    SessionsExportCommand(ServicesLookup services, BooleanSupplier terminal) {
        this.services = services;
        this.terminal = terminal;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write one session as html, pdf, json, csv, md, or the fix kit (mobileconfig, autoconfig)";
    }

    @Override
    public String help() {
        return "Usage: relaybench sessions export ID --format FORMAT [--output FILE] [--store URL]\n\n"
                + SessionsExport.HELP.lines().limit(7).reduce("", (x, y) -> x + y + "\n");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(SessionsExport.OPTIONS);
        valued.add("store");
        Arguments a = Arguments.parse(args, valued, Set.of());
        if (a.positional().size() != 1) {
            throw new UsageException("name the session: sessions export ID --format FORMAT");
        }
        String id = a.positional().get(0);
        try (SessionLog store = StoreOption.open(services, a.value("store"), err)) {
            SupportSession session = store.get(id)
                    .orElseThrow(() -> new UsageException("no session " + id + " in " + store.description()));
            return SessionsExport.run(services.get(SupportSessions.class), session, a, terminal.getAsBoolean(), out, err);
        }
    }
}
