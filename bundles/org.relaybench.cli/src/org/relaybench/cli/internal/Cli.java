package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.relaybench.store.StoreException;

/**
 * The command-line face: dispatches {@code relaybench <command> ...} to a {@link Command}, prints
 * help, and maps failures to the documented exit codes (2 bad usage or input, 3 internal error).
 */
public final class Cli {

    private static final ILog LOG = ILog.of(Cli.class);

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /**
     * @param services how commands find their services
     */
    public Cli(ServicesLookup services) {
        this(services, System.getenv(), System.in, () -> System.console() != null);
    }

    /**
     * @param services how commands find their services
     * @param env the environment, for {@code --password-env}
     * @param stdin standard input, for {@code --password-stdin}
     */
    public Cli(ServicesLookup services, java.util.Map<String, String> env, java.io.InputStream stdin) {
        this(services, env, stdin, () -> false);
    }

    /**
     * @param services how commands find their services
     * @param env the environment, for {@code --password-env}
     * @param stdin standard input, for {@code --password-stdin}
     * @param terminal whether standard output is a terminal (binary reports are not written to one)
     */
    public Cli(ServicesLookup services, java.util.Map<String, String> env, java.io.InputStream stdin,
            java.util.function.BooleanSupplier terminal) {
        register(new ProvidersCommand(services));
        register(new DiagnoseCommand(services, env, stdin));
        register(new SessionsCommand(services, terminal));
        register(new PluginsCommand(services));
        register(new ProbeCommand(services, env, stdin));
        register(new BatchCommand(services, stdin, terminal));
    }

    private void register(Command command) {
        commands.put(command.name(), command);
    }

    /**
     * @param args all words after {@code relaybench}
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(help());
            return ExitCode.USAGE;
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (args.size() > 1 && commands.containsKey(args.get(1))) {
                out.print(commands.get(args.get(1)).help());
            } else {
                out.print(help());
            }
            return ExitCode.OK;
        }
        Command command = commands.get(first);
        if (command == null) {
            err.println("relaybench: unknown command '" + first + "'");
            err.print(help());
            return ExitCode.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.help());
            return ExitCode.OK;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("relaybench " + first + ": " + e.getMessage());
            err.println("Try 'relaybench " + first + " --help'.");
            return ExitCode.USAGE;
        } catch (StoreException e) {
            // the session log cannot be used: say why and what to do, not "internal error"
            err.println("relaybench " + first + ": " + e.getMessage());
            return ExitCode.INTERNAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("relaybench " + first + ": interrupted");
            return ExitCode.INTERNAL;
        } catch (Exception | LinkageError e) {
            LOG.error("relaybench " + first + " failed", e);
            err.println("relaybench " + first + ": internal error: " + e);
            return ExitCode.INTERNAL;
        }
    }

    /** @return the text of {@code relaybench --help} */
    public String help() {
        StringBuilder b = new StringBuilder();
        b.append("Relaybench: diagnose mail accounts that cannot send.\n\n");
        b.append("Usage: relaybench <command> [options]\n\nCommands:\n");
        commands.values().forEach(c -> b.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        b.append("\nRun 'relaybench <command> --help' for a command's options.\n");
        b.append("Exit codes: 0 done, 1 findings at or above --fail-on, 2 bad usage or input, 3 internal error,\n"
                + "4 plugins refused (unsigned, untrusted or changed after signing).\n");
        return b.toString();
    }
}
