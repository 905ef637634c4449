package org.relaybench.probe.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.relaybench.cli.internal.Cli;
import org.relaybench.tests.servers.DnsServer;
import org.relaybench.tests.servers.MailServers;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Runs the command line in this OSGi runtime, with its real services, and captures what it prints. */
record CliRun(int exit, String out, String err) {

    static final String PASSWORD_VAR = "RB_TEST_PASSWORD";

    static CliRun run(String password, String... args) {
        Map<String, String> env = password == null ? Map.of() : Map.of(PASSWORD_VAR, password);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(Osgi::service, env, new ByteArrayInputStream(new byte[0]));
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = cli.run(List.of(args), o, e);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

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

    static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
