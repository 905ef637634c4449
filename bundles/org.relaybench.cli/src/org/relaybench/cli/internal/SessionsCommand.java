package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code relaybench sessions <subcommand>}: the session log. Each subcommand ({@code list},
 * {@code show}, ...) is a {@link Subcommand}; another one is added by {@link #register(Subcommand)},
 * e.g. {@code register(new SessionsExport(services))} beside the two registered here.
 */
final class SessionsCommand implements Command {

    /** One subcommand of {@code sessions}. */
    interface Subcommand {

        /** @return its name, e.g. {@code list} */
        String name();

        /** @return one line for {@code relaybench sessions --help} */
        String summary();

        /** @return its usage and options, printed within {@code relaybench sessions --help} */
        String help();

        /**
         * @param args the words after the subcommand's name
         * @param out standard output
         * @param err standard error
         * @return the exit code
         * @throws UsageException for bad usage or input
         * @throws Exception anything else, reported as an internal error
         */
        int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
    }

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    SessionsCommand(ServicesLookup services, java.util.function.BooleanSupplier terminal) {
        register(new SessionsList(services));
        register(new SessionsShow(services));
        register(new SessionsExportCommand(services, terminal));
        register(new SessionsSummaryCommand(services, terminal));
    }

    /**
     * @param subcommand a subcommand to offer; replaces one of the same name
     * @return this command
     */
    SessionsCommand register(Subcommand subcommand) {
        subcommands.put(subcommand.name(), subcommand);
        return this;
    }

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public String summary() {
        return "list, show and export logged support sessions";
    }

    @Override
    public String help() {
        StringBuilder b = new StringBuilder("Usage: relaybench sessions <subcommand> [options] [--store URL]\n\n");
        b.append("The session log: every support session with its diagnoses, probes, fix procedure walk\n");
        b.append("and notes. --store names it by JDBC URL (jdbc:h2:/path/db embedded, or\n");
        b.append("jdbc:postgresql://host/db shared); without it, the default store in the workspace.\n\n");
        b.append("Subcommands:\n");
        subcommands.values().forEach(s -> b.append(String.format("  %-8s %s%n", s.name(), s.summary())));
        subcommands.values().forEach(s -> b.append('\n').append(s.help()));
        return b.toString();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new UsageException("name a subcommand: " + String.join(", ", subcommands.keySet()));
        }
        Subcommand sub = subcommands.get(args.get(0));
        if (sub == null) {
            throw new UsageException("unknown subcommand '" + args.get(0) + "' (" + String.join(", ", subcommands.keySet())
                    + ")");
        }
        return sub.run(args.subList(1, args.size()), out, err);
    }
}
