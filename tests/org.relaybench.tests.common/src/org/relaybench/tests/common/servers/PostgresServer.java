package org.relaybench.tests.common.servers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for the tests, started once per test run from Debian's {@code postgresql}
 * package ({@code initdb}, {@code pg_ctl} under {@code /usr/lib/postgresql/<version>/bin}, or the
 * folder named by {@code RELAYBENCH_PG_BIN}): a fresh cluster listening on 127.0.0.1 only, port
 * {@code relaybench.postgres.port} (25432), trust authentication for the {@code relaybench} superuser.
 * PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} system user. It is
 * stopped at the end of the run through its PID file.
 *
 * <p>The cluster, its Unix-domain socket and the server log live in a {@link ShortDir} under /tmp made
 * for the run, never in the checkout: PostgreSQL refuses socket paths longer than 107 bytes, and the
 * {@code postgres} user may not even be allowed into a checkout under a private folder. The folder
 * named by the system property {@code relaybench.postgres.dir} (else {@code target/postgres}) keeps
 * the breadcrumb to that folder while the server runs, and a copy of the server log once it stopped.
 */
public final class PostgresServer {

    /** The superuser the tests connect as (trust authentication, no password). */
    public static final String USER = "relaybench";

    /** A user who may log in with its password only (scram-sha-256): the store's password tests. */
    public static final String PASSWORD_USER = "relaybench_pw";

    /** {@link #PASSWORD_USER}'s password. */
    public static final String PASSWORD_USER_PASSWORD = "Store-Pw-4-tests";

    private static PostgresServer instance;

    private final Path dir;
    private final int port;
    private final Path bin;
    private final boolean root;
    private Path runtime;

    private PostgresServer(Path dir, int port, Path bin, boolean root) {
        this.dir = dir;
        this.port = port;
        this.bin = bin;
        this.root = root;
    }

    /**
     * @return the running server, started on first use
     * @throws IOException when it does not start
     * @throws InterruptedException when interrupted
     */
    public static synchronized PostgresServer get() throws IOException, InterruptedException {
        if (instance == null) {
            int port = Integer.getInteger("relaybench.postgres.port", 25432);
            Path dir = Path.of(System.getProperty("relaybench.postgres.dir", "target/postgres")).toAbsolutePath();
            PostgresServer s = new PostgresServer(dir, port, findBin(), "root".equals(System.getProperty("user.name")));
            s.start();
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "stop PostgreSQL"));
            instance = s;
        }
        return instance;
    }

    /** @return the folder under /tmp holding the cluster's files ({@code data/}), its socket and the server log */
    public Path files() {
        return runtime;
    }

    /**
     * @param name a database name (letters, digits, underscores)
     * @return the JDBC URL of a new, empty database of that name, dropped first if it existed
     * @throws SQLException when the server refuses
     */
    public String freshDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return url(name);
    }

    /**
     * @param name a database name (letters, digits, underscores)
     * @return the JDBC URL, without password, of a new, empty database owned by {@link #PASSWORD_USER},
     *         who must give {@link #PASSWORD_USER_PASSWORD} to connect
     * @throws SQLException when the server refuses
     */
    public String freshPasswordDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + PASSWORD_USER + "') then"
                    + " create role " + PASSWORD_USER + " login password '" + PASSWORD_USER_PASSWORD + "'; end if; end $$");
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + " owner " + PASSWORD_USER);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + PASSWORD_USER;
    }

    /**
     * @param database a database name
     * @return its JDBC URL, over TCP on loopback
     */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /**
     * @param database a database name
     * @return a new connection to it, as the superuser
     * @throws SQLException when the server refuses
     */
    public Connection connect(String database) throws SQLException {
        return new org.postgresql.Driver().connect(url(database), new Properties());
    }

    private void start() throws IOException, InterruptedException {
        Optional<Path> stale = ShortDir.previous(breadcrumb());
        if (stale.isPresent()) {
            // an interrupted run left it: stop its server (by the PID in its PID file) and remove it
            Path staleData = stale.get().resolve("data");
            if (Files.exists(staleData.resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", staleData.toString(), "-m", "immediate", "-w",
                        "stop"), false);
            }
            ShortDir.delete(stale.get(), breadcrumb());
        }
        Files.createDirectories(dir);
        runtime = ShortDir.create("rb-pg-", breadcrumb());
        if (root) {
            UserPrincipal postgres = runtime.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(runtime, postgres);
        }
        Path data = runtime.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--no-locale"), true);
        // the password user logs in with its password only; everyone else by trust, as initdb set up
        Path hba = data.resolve("pg_hba.conf");
        Files.writeString(hba, "host all " + PASSWORD_USER + " 127.0.0.1/32 scram-sha-256\n"
                + Files.readString(hba, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", runtime.resolve("server.log")
                .toString(), "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + runtime
                        + " -c max_connections=200", "-w", "-t", "60", "start"), true);
    }

    private Path breadcrumb() {
        return dir.resolve("runtime-dir");
    }

    /**
     * Stops the server by the PID in its PID file (pg_ctl's fast shutdown, else SIGKILL), keeps its log
     * and removes its folder under /tmp. Runs in a shutdown hook, where nothing is left to report a
     * failure to: it goes to standard error.
     */
    void stop() {
        Path data = runtime.resolve("data");
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).trim());
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "30",
                            "stop"), true);
                } finally {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            Path log = runtime.resolve("server.log");
            if (Files.exists(log)) {
                Files.copy(log, dir.resolve("server.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            ShortDir.delete(runtime, breadcrumb());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop PostgreSQL in " + runtime + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs a PostgreSQL tool to its end, as the {@code postgres} user when this is root. It starts in
     * /tmp: initdb returns to its starting folder, which that user may not be allowed to enter.
     */
    private void run(List<String> command, boolean check) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(new File("/tmp")).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", full));
        }
        if (check && p.exitValue() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", full) + "\n" + output);
        }
    }

    private static Path findBin() throws IOException {
        String env = System.getenv("RELAYBENCH_PG_BIN");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (var versions = Files.list(lib)) {
                List<Path> bins = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted(Comparator.comparing(PostgresServer::version)).toList();
                if (!bins.isEmpty()) {
                    return bins.get(bins.size() - 1);
                }
            }
        }
        throw new IOException("PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb (apt-get install"
                + " postgresql, or set RELAYBENCH_PG_BIN)");
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
