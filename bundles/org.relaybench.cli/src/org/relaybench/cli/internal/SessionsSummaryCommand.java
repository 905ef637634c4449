package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter;
import org.relaybench.store.SessionPage;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionSummary;

/**
 * {@code relaybench sessions summary --format html|pdf --output FILE [filters]}: figures over the
 * sessions the filters select (the same as {@code sessions list}; at most 10,000 sessions).
 */
final class SessionsSummaryCommand implements SessionsCommand.Subcommand {

    private static final int MAX = 10_000;

    private final ServicesLookup services;

    SessionsSummaryCommand(ServicesLookup services) {
        this.services = services;
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
        List<SupportSession> sessions = new ArrayList<>();
        try (SessionStore store = StoreOption.open(services, a.value("store"))) {
            SessionQuery q = SessionsList.query(a, Math.min(limit, SessionQuery.MAX_LIMIT));
            int offset = a.integer("offset", 0, 0, Integer.MAX_VALUE);
            while (sessions.size() < limit) {
                SessionPage page = store.search(q.page(Math.min(SessionQuery.MAX_LIMIT, limit - sessions.size()), offset));
                for (SessionSummary s : page.sessions()) {
                    store.get(s.id()).ifPresent(sessions::add);
                }
                if (!page.more() || page.sessions().isEmpty()) {
                    break;
                }
                offset += page.sessions().size();
            }
        }
        return SessionsExport.summary(services.get(SessionExporter.class), sessions, a, out, err);
    }
}
