package org.relaybench.tests.common.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server process started by a fixture. It is stopped by its own PID ({@link Process#destroy()}
 * sends SIGTERM to exactly that process; the server then stops its children), never by name.
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param name for messages
     * @param command the command, staying in the foreground
     * @param log where its output goes
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static ServerProcess start(String name, List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new ServerProcess(name, pb.start(), log);
    }

    /**
     * Runs a command to its end.
     *
     * @param command the command
     * @param log where its output goes
     * @throws IOException when it fails or takes longer than a minute
     * @throws InterruptedException when interrupted
     */
    public static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit " + p.exitValue() + ":\n" + tail(log));
        }
    }

    /**
     * Stops a process that an earlier, interrupted run of the same fixture left behind: the PID comes
     * from the server's own PID file in the fixture's folder, and it is stopped only when its command
     * line names that folder, so nothing else is ever touched.
     *
     * @param pidFile the server's PID file
     * @param marker a path that the process's command line must contain
     */
    public static void stopStale(Path pidFile, String marker) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isPresent() && h.get().info().commandLine().map(c -> c.contains(marker)).orElse(false)) {
                h.get().destroy();
                h.get().onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // nothing to stop, or it went away by itself
        }
    }

    /**
     * Fails when something already listens on a port, so a test never talks to a stranger (another
     * run's server, or a system service) believing it is its own.
     *
     * @param host the address
     * @param ports the ports the server will use
     * @throws IOException when one is taken
     */
    public static void requireFree(String host, int... ports) throws IOException {
        for (int port : ports) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
            } catch (IOException e) {
                continue; // nothing listens: free
            }
            throw new IOException("port " + host + ":" + port + " is already in use by another process");
        }
    }

    /**
     * Waits until the server accepts connections on a port.
     *
     * @param host the address
     * @param port the port
     * @param timeout how long to wait
     * @throws IOException when the process died or the port did not open in time
     * @throws InterruptedException when interrupted
     */
    public void awaitPort(String host, int port, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IOException(name + " exited with " + process.exitValue() + ":\n" + tail(log));
                }
                if (System.nanoTime() > end) {
                    throw new IOException(name + " did not open port " + port + " within " + timeout.toSeconds()
                            + " s:\n" + tail(log));
                }
                Thread.sleep(50); // polling the condition "port open"; the server gives no other signal
            }
        }
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    /** @return whether it still runs */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }

    /**
     * @param log a log file
     * @return its last lines
     */
    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
