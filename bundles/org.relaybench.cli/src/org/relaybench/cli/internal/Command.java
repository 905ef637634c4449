package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.List;

/** One command of the headless product. */
public interface Command {

    /** @return the command's name, e.g. {@code providers} */
    String name();

    /** @return one line for {@code relaybench --help} */
    String summary();

    /** @return the full text of {@code relaybench <command> --help} */
    String help();

    /**
     * Runs the command.
     *
     * @param args the words after the command name
     * @param out standard output
     * @param err standard error
     * @return the exit code
     * @throws UsageException for bad usage or input
     * @throws Exception anything else, reported as an internal error
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
