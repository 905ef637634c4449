package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaybench.store.SessionStores;
import org.relaybench.tests.common.servers.PostgresServer;

/**
 * The shared store's database password never has to be on the command line: it comes from
 * {@code RELAYBENCH_STORE_PASSWORD} or a password file, against the test PostgreSQL server where this
 * user must give a password (scram-sha-256). Each writer is a process of its own with its own
 * environment.
 */
class StorePasswordTest {

    @Test
    void withoutAPasswordTheServerRefuses() throws Exception {
        String url = PostgresServer.get().freshPasswordDatabase("pw_none");
        Children.Child writer = Children.start("kill", url, "n");
        try {
            assertFalse(writer.await("READY", 20_000), "connected without a password");
            assertTrue(writer.errors().contains("password"), writer::errors);
        } finally {
            writer.kill();
        }
    }

    @Test
    void thePasswordComesFromTheEnvironment() throws Exception {
        String url = PostgresServer.get().freshPasswordDatabase("pw_env");
        assertFalse(SessionStores.carriesPassword(url));
        Children.Child writer = Children.start(Map.of(SessionStores.PASSWORD_VARIABLE,
                PostgresServer.PASSWORD_USER_PASSWORD), "kill", url, "e");
        try {
            assertTrue(writer.await("COMMITTED", 60_000), writer::errors);
        } finally {
            writer.kill();
        }
    }

    @Test
    void thePasswordComesFromAFile(@TempDir Path dir) throws Exception {
        String url = PostgresServer.get().freshPasswordDatabase("pw_file");
        Path file = dir.resolve("store-password");
        Files.writeString(file, PostgresServer.PASSWORD_USER_PASSWORD + "\n", StandardCharsets.UTF_8);
        Children.Child writer = Children.start(Map.of(SessionStores.PASSWORD_FILE_VARIABLE, file.toString()), "kill", url,
                "f");
        try {
            assertTrue(writer.await("COMMITTED", 60_000), writer::errors);
        } finally {
            writer.kill();
        }
    }

    @Test
    void aUrlThatCarriesAPasswordIsRecognised() {
        assertTrue(SessionStores.carriesPassword("jdbc:postgresql://db/rb?user=u&password=p"));
        assertTrue(SessionStores.carriesPassword("jdbc:postgresql://db/rb?PASSWORD=p"));
        assertTrue(SessionStores.carriesPassword("jdbc:h2:tcp://db/rb;USER=u;PASSWORD=p"));
        assertFalse(SessionStores.carriesPassword("jdbc:postgresql://db/rb?user=u&passwordless=1"));
        assertFalse(SessionStores.carriesPassword("jdbc:h2:/data/password=x/sessions"));
    }
}
