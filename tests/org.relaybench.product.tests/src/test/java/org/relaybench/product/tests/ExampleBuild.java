package org.relaybench.product.tests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the example provider plugin (examples/org.example.relaybench.provider) as its author would:
 * its own Maven/Tycho reactor, run with the Maven Wrapper of these sources, against the p2
 * repository this build just made, its update site signed with PGP by a key generated for this run
 * ({@link SigningKey}). Built once per test JVM.
 */
final class ExampleBuild {

    /** The feature the example's repository offers. */
    static final String FEATURE = "org.example.relaybench.provider.feature";
    /** The example's provider bundle. */
    static final String BUNDLE = "org.example.relaybench.provider";

    private static ExampleBuild built;

    private final Path repository;
    private final Duration took;
    private final SigningKey key;

    private ExampleBuild(Path repository, Duration took, SigningKey key) {
        this.repository = repository;
        this.took = took;
        this.key = key;
    }

    /** @return the built example, building it first when this JVM has not yet */
    static synchronized ExampleBuild get() throws IOException, InterruptedException {
        if (built == null) {
            built = build();
        }
        return built;
    }

    private static ExampleBuild build() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("relaybench.root"));
        Path example = root.resolve("examples/org.example.relaybench.provider");
        Path relaybenchRepository = Path.of(System.getProperty("relaybench.repository"));
        if (!Files.isRegularFile(relaybenchRepository.resolve("content.jar"))
                && !Files.isRegularFile(relaybenchRepository.resolve("content.xml"))) {
            throw new IllegalStateException("no Relaybench p2 repository at " + relaybenchRepository + " (build releng first)");
        }
        Path work = Files.createDirectories(Path.of(System.getProperty("relaybench.work")));
        SigningKey key = SigningKey.generate(work.resolve("example-key"), "Example Net plugins (test key) <plugins@examplenet.example>");
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-f",
                example.resolve("pom.xml").toString(), "clean", "verify",
                "-Drelaybench.repository=" + relaybenchRepository.toUri(),
                "-Dtycho.pgp.signer.bc.secretKeys=" + key.secretKey()));
        String localRepository = System.getProperty("relaybench.maven.repo.local", "");
        if (!localRepository.isBlank() && !localRepository.contains("${")) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        if ("offline=true".equals(System.getProperty("relaybench.maven.offline"))) {
            command.add("-o");
        }
        Path log = work.resolve("example-build.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(example.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the outer Maven's settings for its own reactor must not leak into this one
        pb.environment().remove("MAVEN_PROJECTBASEDIR");
        pb.environment().remove("MAVEN_BASEDIR");
        pb.environment().remove("MAVEN_ARGS");
        pb.environment().put("MAVEN_GPG_PASSPHRASE", key.passphrase()); // not on the command line, not in the log
        long start = System.nanoTime();
        Process process = pb.start();
        process.getOutputStream().close();
        long timeout = Long.getLong("relaybench.example.timeout", 1500);
        if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the example's build did not end within " + timeout + " s; see " + log);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (process.exitValue() != 0) {
            throw new AssertionError("the example's build failed (exit " + process.exitValue() + "); its end:\n"
                    + tail(log, 60));
        }
        Path repository = example.resolve("org.example.relaybench.provider.repository/target/repository");
        System.out.println("Example plugin built in " + took.toSeconds() + " s: " + repository);
        return new ExampleBuild(repository, took, key);
    }

    private static String tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** @return the example's p2 repository (update site) */
    Path repository() {
        return repository;
    }

    /** @return the key its update site is signed with */
    SigningKey key() {
        return key;
    }

    /** @return how long its build took */
    Duration took() {
        return took;
    }

    /** @return the provider bundle's jar in the repository */
    Path bundleJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(repository.resolve("plugins"), BUNDLE + "_*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new AssertionError("no " + BUNDLE + " jar in " + repository);
    }
}
