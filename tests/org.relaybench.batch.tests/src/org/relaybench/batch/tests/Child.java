package org.relaybench.batch.tests;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code relaybench ...} in a JVM of its own (-Xmx256m), to be killed: the test runtime's own OSGi
 * configuration (the same bundles, the reactor's classes) copied to a fresh configuration area and
 * started with the command line's application, as the headless product starts it.
 */
final class Child {

    private final Process process;
    private final Path errors;

    private Child(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
    }

    static Child start(Path dir, String... args) throws IOException {
        BundleContext context = FrameworkUtil.getBundle(Child.class).getBundleContext();
        Path configuration = Path.of(URI.create(context.getProperty("osgi.configuration.area")));
        Path area = Files.createTempDirectory(dir, "configuration");
        Files.copy(configuration.resolve("config.ini"), area.resolve("config.ini"));
        Path framework = Path.of(URI.create(context.getProperty("osgi.framework")));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Dosgi.noShutdown=false", "-Dosgi.compatibility.bootdelegation=true","-Dosgi.install.area=" + context.getProperty("osgi.install.area"), "-cp",
                framework.toString(), "org.eclipse.core.runtime.adaptor.EclipseStarter", "-configuration",
                area.toUri().toString(), "-data", dir.resolve("workspace").toUri().toString(), "-application",
                "org.relaybench.cli.app"));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile()).redirectInput(new File("/dev/null")).start();
        return new Child(p, errors);
    }

    /** Stops it with SIGTERM, as Ctrl-C does with SIGINT (both run the JVM's shutdown); returns its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return waitFor(60);
    }

    /** Kills it with SIGKILL; returns its exit code (137). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return waitFor(60);
    }

    int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("relaybench did not end within " + seconds + " s: " + errors());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String errors() {
        try {
            return Files.readString(errors, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
