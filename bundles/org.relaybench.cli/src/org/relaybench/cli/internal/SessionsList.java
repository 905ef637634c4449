package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.relaybench.core.session.SessionStatus;
import org.relaybench.session.SessionLog;
import org.relaybench.store.SessionPage;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionSummary;

/** {@code relaybench sessions list}: finds logged sessions, newest first. */
final class SessionsList implements SessionsCommand.Subcommand {

    private final ServicesLookup services;

    SessionsList(ServicesLookup services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "find sessions, newest first";
    }

    @Override
    public String help() {
        return """
                Usage: relaybench sessions list [--store URL] [criteria] [--limit N] [--offset N] [--json]

                Lists the sessions that meet every criterion given, newest first.

                Criteria:
                  --customer C      the customer's name starts with C (any case)
                  --ticket T        the ticket reference is T (any case)
                  --provider P      the latest diagnosis matched provider id P (aol, gmail, ...)
                  --cause C         a diagnosis found cause code C (smtp-auth-missing, ...)
                  --status S        open | resolved | unresolved
                  --since DATE      opened on or after DATE (2026-03-01, or an instant 2026-03-01T09:00:00Z)
                  --until DATE      opened before the end of DATE (or before the instant)
                  --text WORDS      every word occurs in the session; word* matches words starting so

                Options:
                  --store URL       jdbc:h2:/path/db or jdbc:postgresql://host/db (default: the workspace's)
                  --limit N         at most N sessions (default 50, at most 1000)
                  --offset N        skip the first N
                  --json            print {"store", "sessions": [{"id", "opened", "updated", "agent",
                                    "customer", "ticket", "status", "email", "provider", "cause",
                                    "diagnoses", "probes", "changes"}], "offset", "more"}
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = Arguments.parse(args, QUERY_OPTIONS, Set.of("json"));
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument: " + a.positional().get(0));
        }
        SessionQuery q = query(a, 50);
        try (SessionLog store = StoreOption.open(services, a.value("store"), err)) {
            SessionPage page = store.search(q);
            if (a.flag("json")) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("store", store.description());
                root.put("sessions", page.sessions().stream().map(SessionsList::tree).toList());
                root.put("offset", page.offset());
                root.put("more", page.more());
                out.println(Json.write(root));
            } else {
                print(page, q, out);
            }
        }
        return ExitCode.OK;
    }

    /** The options that select sessions, shared with {@code sessions summary}. */
    static final Set<String> QUERY_OPTIONS = Set.of("store", "customer", "ticket", "provider", "cause", "status", "since",
            "until", "text", "limit", "offset");

    /**
     * @param a parsed arguments allowing {@link #QUERY_OPTIONS}
     * @param defaultLimit how many sessions when --limit is not given
     * @return the query they describe
     * @throws UsageException for values that are not valid
     */
    static SessionQuery query(Arguments a, int defaultLimit) throws UsageException {
        SessionQuery q = SessionQuery.all().withCustomer(a.value("customer").orElse(null))
                .withTicket(a.value("ticket").orElse(null)).withProvider(a.value("provider").orElse(null))
                .withCause(a.value("cause").orElse(null)).withText(a.value("text").orElse(""))
                .page(a.integer("limit", defaultLimit, 1, SessionQuery.MAX_LIMIT), a.integer("offset", 0, 0, Integer.MAX_VALUE));
        if (a.value("status").isPresent()) {
            String s = a.value("status").get();
            q = q.withStatus(SessionStatus.parse(s)
                    .orElseThrow(() -> new UsageException("--status must be open, resolved or unresolved: " + s)));
        }
        q = q.withSince(time(a, "since", false).orElse(null)).withUntil(time(a, "until", true).orElse(null));
        return q;
    }

    private static void print(SessionPage page, SessionQuery q, PrintStream out) {
        if (page.sessions().isEmpty()) {
            out.println("No sessions found.");
            return;
        }
        String format = "%-36s  %-16s  %-10s  %-20s  %-12s  %-28s  %-10s  %s%n";
        out.printf(format, "ID", "OPENED (UTC)", "STATUS", "CUSTOMER", "TICKET", "ACCOUNT", "PROVIDER", "CAUSE");
        for (SessionSummary s : page.sessions()) {
            out.printf(format, s.id(), SessionText.minute(s.opened()), s.status().id(), cut(s.customer(), 20),
                    cut(s.ticket(), 12), cut(s.email(), 28), s.provider(), s.cause());
        }
        if (page.more()) {
            out.println("More sessions match: add --offset " + (q.offset() + q.limit()) + ".");
        }
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }

    static Map<String, Object> tree(SessionSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("opened", s.opened().toString());
        m.put("updated", s.updated().toString());
        m.put("agent", s.agent());
        m.put("customer", s.customer());
        m.put("ticket", s.ticket());
        m.put("status", s.status().id());
        m.put("email", s.email());
        m.put("provider", s.provider().isEmpty() ? null : s.provider());
        m.put("cause", s.cause().isEmpty() ? null : s.cause());
        m.put("diagnoses", s.diagnoses());
        m.put("probes", s.probes());
        m.put("changes", s.changes());
        return m;
    }

    /** A date means its start (UTC) for --since and its end for --until; an instant means itself. */
    private static Optional<Instant> time(Arguments a, String name, boolean endOfDay) throws UsageException {
        Optional<String> v = a.value(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String text = v.get().trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " is not a date (2026-03-01) or an instant (2026-03-01T09:00:00Z): "
                    + text);
        }
    }
}
