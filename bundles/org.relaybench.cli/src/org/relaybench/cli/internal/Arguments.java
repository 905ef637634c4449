package org.relaybench.cli.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one command: {@code --name value}, {@code --name=value} and {@code --flag}, plus
 * positional words. Options are checked against what the command declares, so a typo is a usage
 * error rather than silently ignored.
 */
public final class Arguments {

    private final Map<String, String> options;
    private final List<String> positional;

    private Arguments(Map<String, String> options, List<String> positional) {
        this.options = options;
        this.positional = positional;
    }

    /**
     * @param args the words after the command name
     * @param valued options that take a value
     * @param flags options that take none
     * @return the parsed arguments
     * @throws UsageException for unknown options, missing values and repeated options
     */
    public static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                value = "true";
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
            if (options.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice");
            }
        }
        return new Arguments(Collections.unmodifiableMap(options), List.copyOf(positional));
    }

    /**
     * @param name option name without dashes
     * @return its value
     */
    public Optional<String> value(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /**
     * @param name a flag's name
     * @return whether it was given
     */
    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /**
     * @param name option name
     * @param fallback value when absent
     * @param min smallest accepted
     * @param max largest accepted
     * @return the value as an integer
     * @throws UsageException when it is not a number in range
     */
    public int integer(String name, int fallback, int min, int max) throws UsageException {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get().trim());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must lie between " + min + " and " + max + ": " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " is not a whole number: " + v.get());
        }
    }

    /** @return words that are not options, in order */
    public List<String> positional() {
        return positional;
    }
}
