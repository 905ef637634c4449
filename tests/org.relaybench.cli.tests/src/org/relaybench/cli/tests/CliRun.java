package org.relaybench.cli.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.relaybench.cli.internal.Cli;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.servers.DnsServer;
import org.relaybench.tests.common.servers.MailServers;
import org.relaybench.tests.common.servers.RealServers;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs {@code relaybench <args>} in this OSGi runtime, with its real services, and captures what it
 * prints. Only {@link Cli}, the command line's entry, is used: the tests hold the command line to
 * its text and JSON output, not to how it is built inside.
 */
record CliRun(int exit, String out, String err) {

    /** The environment variable {@link #run(String, String...)} puts the password in, for {@code --password-env}. */
    static final String PASSWORD_VAR = "RB_TEST_PASSWORD";

    /**
     * @param password the value of {@link #PASSWORD_VAR}, or null for an empty environment
     * @param args the words after {@code relaybench}
     * @return what the command returned and printed
     */
    static CliRun run(String password, String... args) {
        return withEnv(password == null ? Map.of() : Map.of(PASSWORD_VAR, password), args);
    }

    /**
     * @param env the environment the command sees
     * @param args the words after {@code relaybench}
     * @return what the command returned and printed
     */
    static CliRun withEnv(Map<String, String> env, String... args) {
        return run(env, false, args);
    }

    /**
     * @param args the words after {@code relaybench}
     * @return what the command returned and printed when its standard output is a terminal
     */
    static CliRun onTerminal(String... args) {
        return run(Map.of(), true, args);
    }

    private static CliRun run(Map<String, String> env, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(OsgiServices::service, env, new ByteArrayInputStream(new byte[0]), () -> terminal);
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = cli.run(List.of(args), o, e);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return standard output read as one JSON object */
    JsonObject json() {
        return JsonParser.parseString(out).getAsJsonObject();
    }

    /** The probe options every test against the real servers uses. */
    static String[] probeOptions() {
        return new String[] { "--probe", "--trust-cert", RealServers.mail().certificate().toString(), "--dns",
                DnsServer.address(), "--timeout", "20" };
    }

    /** {@code diagnose} of an account on the test servers' outgoing server, as configured on the device. */
    static String[] account(String email, int port, String security, String auth, String user) {
        return user == null
                ? new String[] { "diagnose", "--email", email, "--client", "ios-17", "--smtp-host", MailServers.HOST, "--smtp-port",
                        Integer.toString(port), "--smtp-security", security, "--smtp-auth", auth }
                : new String[] { "diagnose", "--email", email, "--client", "ios-17", "--smtp-host", MailServers.HOST, "--smtp-port",
                        Integer.toString(port), "--smtp-security", security, "--smtp-auth", auth, "--smtp-user", user };
    }

    /** @return the words of all parts, in order */
    static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
