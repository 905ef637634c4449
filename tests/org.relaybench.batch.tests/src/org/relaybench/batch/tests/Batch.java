package org.relaybench.batch.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.relaybench.cli.internal.Cli;
import org.relaybench.tests.common.OsgiServices;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Runs {@code relaybench ...} in this OSGi runtime with its real services, and what it printed. */
record Batch(int exit, String out, String err) {

    static Batch run(byte[] stdin, String... args) {
        return run(new ByteArrayInputStream(stdin), args);
    }

    static Batch run(String... args) {
        return run(new byte[0], args);
    }

    static Batch run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(stdin, out, err, args);
        return new Batch(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static int run(InputStream stdin, OutputStream out, OutputStream err, String... args) {
        return run(new Cli(OsgiServices::service, Map.of(), stdin), out, err, args);
    }

    /** Runs with standard error on a terminal; standard output is discarded. */
    static Batch onTerminal(InputStream stdin, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(new Cli(OsgiServices::service, Map.of(), stdin, () -> true), OutputStream.nullOutputStream(), err, args);
        return new Batch(exit, "", err.toString(StandardCharsets.UTF_8));
    }

    private static int run(Cli cli, OutputStream out, OutputStream err, String... args) {
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = cli.run(List.of(args), o, e);
            o.flush();
            return exit;
        }
    }

    /** @return the output's lines as JSON objects */
    List<JsonObject> results() {
        return lines().stream().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    }

    List<String> lines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    /** A fresh folder for one test. */
    static Path folder(String name) throws IOException {
        Path dir = Path.of(System.getProperty("relaybench.batch.work", "target/batch-work")).toAbsolutePath().resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    static Path example(String name) {
        return Path.of(System.getProperty("relaybench.examples", "../../examples/batch")).resolve(name);
    }
}
