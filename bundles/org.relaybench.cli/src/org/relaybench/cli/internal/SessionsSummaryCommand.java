package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.relaybench.core.session.SupportSession;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.SessionQuery;

/**
 * {@code relaybench sessions summary --format html|pdf --output FILE [filters]}: figures over the
 * sessions the filters select (the same as {@code sessions list}; at most 10,000 sessions).
 */
final class SessionsSummaryCommand implements SessionsCommand.Subcommand {

    private static final int MAX = 10_000;

    private final ServicesLookup services;

    private final BooleanSupplier terminal;

    SessionsSummaryCommand(ServicesLookup services, BooleanSupplier terminal) {
        this.services = services;
        this.terminal = terminal;
    }

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String summary() {
        return "figures over many sessions: by provider and cause, procedures' success, time to resolve";
    }

    @Override
    public String help() {
        return """
                Usage: relaybench sessions summary --format html|pdf [--output FILE] [--store URL]
                       [--customer C] [--ticket T] [--provider P] [--cause C] [--status S]
                       [--since DATE] [--until DATE] [--text WORDS] [--limit N]

                Counts by provider and cause, success rate of each fix procedure and time to
                resolve, with charts, over the sessions the filters select (newest first, at most
                --limit, default and maximum 10000). pdf needs --output.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(SessionsList.QUERY_OPTIONS);
        valued.addAll(SessionsExport.OPTIONS);
        Arguments a = Arguments.parse(args, valued, Set.of());
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument: " + a.positional().get(0));
        }
        int limit = a.integer("limit", MAX, 1, MAX);
        List<SupportSession> sessions;
        try (SessionLog store = StoreOption.open(services, a.value("store"), err)) {
            SessionQuery q = SessionsList.query(a, Math.min(limit, SessionQuery.MAX_LIMIT));
            sessions = store.sessions(q.page(q.limit(), a.integer("offset", 0, 0, Integer.MAX_VALUE)), limit);
        }
        return SessionsExport.summary(services.get(SupportSessions.class), sessions, a, terminal.getAsBoolean(), out);
    }
}
