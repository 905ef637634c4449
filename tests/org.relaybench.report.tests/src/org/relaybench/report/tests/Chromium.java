package org.relaybench.report.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Debian's headless Chromium on a local file, by process id and with a deadline: the DOM after
 * loading ({@code --dump-dom}) or a PNG screenshot. Chromium is the Debian package {@code chromium},
 * installed by {@code .ci/run}; {@code RELAYBENCH_CHROMIUM} names another binary.
 */
final class Chromium {

    private static final long TIMEOUT_SECONDS = 120;

    private Chromium() {
    }

    static Path binary() {
        String configured = System.getenv("RELAYBENCH_CHROMIUM");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        candidates.add(Path.of("/usr/bin/chromium-browser"));
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("Chromium not found (tried " + candidates + "): install the "
                        + "Debian package chromium (.ci/run does) or set RELAYBENCH_CHROMIUM"));
    }

    /** @return the serialized DOM of the page after it loaded */
    static String dumpDom(Path html) throws IOException, InterruptedException {
        return new String(run(html, List.of("--dump-dom")), StandardCharsets.UTF_8);
    }

    /** Takes a screenshot of the page, {@code width} by {@code height} pixels. */
    static void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(html, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars"));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError("Chromium wrote no screenshot to " + png);
        }
    }

    private static byte[] run(Path html, List<String> mode) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("relaybench-chromium");
        Path stderr = Files.createTempFile("relaybench-chromium", ".log");
        Path stdout = Files.createTempFile("relaybench-chromium", ".out");
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile));
        command.addAll(mode);
        command.add(html.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("Chromium (pid " + p.pid() + ") did not finish within " + TIMEOUT_SECONDS
                        + " s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("Chromium exited with " + p.exitValue() + ": " + Files.readString(stderr));
            }
            return Files.readAllBytes(stdout);
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            delete(profile);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Chromium's helper processes may still be writing their last file: the folder is in /tmp
        }
    }
}
