package org.relaybench.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A private copy of the materialized headless product, run through its launch script. */
final class Product {

    record Run(int exit, String out, String err) {
    }

    /** The copies made so far by this JVM, deleted by {@link #deleteCopies()}. */
    private static final List<Path> COPIES = new ArrayList<>();

    private final Path root;

    private Product(Path root) {
        this.root = root;
    }

    /**
     * Copies the built product into a fresh folder, so a test may add dropins without touching others.
     * The product's Java runtime ({@code jre/}, some 80 MB that no test changes) is linked, not copied:
     * the launch script runs it all the same.
     */
    static Product copy(String name) throws IOException {
        Path source = Path.of(System.getProperty("relaybench.headless"));
        if (!Files.isExecutable(source.resolve("relaybench"))) {
            throw new IllegalStateException("no headless product at " + source + " (build releng first)");
        }
        Path target = Path.of(System.getProperty("relaybench.work"), name);
        deleteTree(target);
        synchronized (COPIES) {
            COPIES.add(target);
        }
        Path runtime = source.resolve("jre");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (p.startsWith(runtime)) {
                    if (p.equals(runtime)) {
                        Files.createSymbolicLink(t, runtime.toAbsolutePath());
                    }
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new Product(target);
    }

    /** A product already at {@code root} (for example a copy moved there); deleted with the copies. */
    static Product at(Path root) {
        synchronized (COPIES) {
            COPIES.add(root);
        }
        return new Product(root);
    }

    Path root() {
        return root;
    }

    /**
     * Lets this copy load dropped-in bundles no trusted key signed ({@code relaybench.dropins.allowUnsigned}
     * in its config.ini), for tests of what a faulty plugin does, not of whom to trust.
     *
     * @return this
     */
    Product allowUnsignedDropins() throws IOException {
        Files.writeString(root.resolve("configuration/config.ini"), "\nrelaybench.dropins.allowUnsigned=true\n",
                java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("relaybench").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().put("HOME", root.resolve("home").toString());
        Process process = pb.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("relaybench " + String.join(" ", args) + " did not end within 120 s");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    /** @return the whole stream as UTF-8 text, read on another thread (so that a full pipe never blocks the child) */
    static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Deletes the copies made so far (each is some 20 MB), unless {@code -Drelaybench.keepProducts=true}
     * asks to keep them for a look after a failure.
     */
    static void deleteCopies() throws IOException {
        if (Boolean.getBoolean("relaybench.keepProducts")) {
            return;
        }
        synchronized (COPIES) {
            for (Path copy : COPIES) {
                deleteTree(copy);
            }
            COPIES.clear();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
