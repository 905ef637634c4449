package org.relaybench.session.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/** The databases the session service is tested on: H2 embedded, and the test run's PostgreSQL. */
enum Stores {
    /** H2 embedded, a file under the module's scratch folder. */
    H2,
    /** The test run's own PostgreSQL server. */
    POSTGRESQL;

    /** @return the JDBC URL of a new, empty store named after the test */
    String fresh(String name) throws IOException, InterruptedException {
        if (this == POSTGRESQL) {
            return PostgresStores.fresh(name);
        }
        Path dir = Path.of(System.getProperty("relaybench.store.work", "target/session-work")).toAbsolutePath()
                .resolve("h2-" + name);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return "jdbc:h2:file:" + dir.resolve("sessions");
    }

    /** Runs SQL on a store directly, as a fault injection (a constraint that refuses one write, say). */
    static void sql(String url, String sql) throws SQLException {
        Properties p = new Properties();
        java.sql.Driver driver = url.startsWith("jdbc:h2:") ? new org.h2.Driver() : new org.postgresql.Driver();
        try (Connection c = driver.connect(url, p); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** @return how many rows a query's first column counts */
    static long count(String url, String sql) throws SQLException {
        java.sql.Driver driver = url.startsWith("jdbc:h2:") ? new org.h2.Driver() : new org.postgresql.Driver();
        try (Connection c = driver.connect(url, new Properties()); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
