package org.relaybench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.store.RememberedPasswords;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.tests.common.Scratch;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.tests.common.db.Raw;
import org.relaybench.tests.common.servers.PostgresServer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Sessions written through the real inputs with a known password (the command line's
 * {@code --password-env}, a probe transcript in which the prober redacted one AUTH exchange and, as a
 * slip, not the next, a password the agent asked to remember) leave that password nowhere: not in
 * the database's files, not in the logs, not in what the command line prints, in plain text nor in
 * the base64 forms of SMTP AUTH PLAIN and LOGIN. A marker written the same way is found, so the scan
 * does read what is stored.
 */
class SecretScanTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aKnownPasswordIsNowhereOnDisk(Backend backend) throws Exception {
        String name = "secrets";
        String url = backend.freshStore(name);
        String marker = "marker" + UUID.randomUUID().toString().replace("-", "");
        String user = "scan.user@aol.com";
        String password = "Pw-" + UUID.randomUUID();
        if (backend == Backend.POSTGRESQL) {
            // store the payloads uncompressed, so that the scan below could see a password in them
            try (SessionStore migrate = SessionStores.open(url); Connection c = Raw.connect(url);
                    Statement s = c.createStatement()) {
                s.execute("alter table rb_event alter column payload set storage external");
                c.commit();
            }
        }

        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("RB_SCAN_PASSWORD", password);
        CliRun diagnose = CliRun.withEnv(env, "diagnose", "--email", user, "--client", "ios-17", "--smtp-host",
                "smtp.aol.com", "--smtp-port", "587", "--smtp-security", "starttls", "--smtp-auth", "password",
                "--smtp-user", user, "--password-env", "RB_SCAN_PASSWORD", "--error", SessionsCommandTest.RELAYING, "--store", url,
                "--customer", "Customer " + marker, "--ticket", "SCAN-1", "--json");
        assertEquals(0, diagnose.exit(), diagnose::err);
        String id = JsonParser.parseString(diagnose.out()).getAsJsonObject().getAsJsonObject("session").get("id")
                .getAsString();

        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        String login = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
        try (SessionStore store = SessionStores.open(url)) {
            store.recordProbe(id, "agent", new ProbeRecord(Instant.now(), "smtp.aol.com", 587, "starttls",
                    Optional.empty(), "authenticated", List.of("S: 220 smtp.aol.com ESMTP", "C: EHLO relaybench",
                            "S: 250 AUTH PLAIN LOGIN", "C: AUTH PLAIN [redacted]", "S: 535 5.7.8 try again",
                            "C: AUTH PLAIN " + plain, "S: 535 5.7.8 once more", "C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6",
                            "C: " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)),
                            "S: 334 UGFzc3dvcmQ6", "C: " + login, "S: 235 2.7.0 Authentication successful")));
            store.addNote(id, "agent", "note " + marker);
        }
        Path secure = Scratch.fresh("secure-" + backend).resolve("secure_storage");
        Map<String, Object> options = new HashMap<>();
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test-master-password".toCharArray()));
        new RememberedPasswords(SecurePreferencesFactory.open(secure.toUri().toURL(), options)).remember(user,
                password.toCharArray());

        List<String> printed = new ArrayList<>(List.of(diagnose.out(), diagnose.err()));
        for (String[] args : new String[][] { { "sessions", "show", id, "--store", url, "--json" },
                { "sessions", "show", id, "--store", url }, { "sessions", "list", "--store", url, "--json" } }) {
            CliRun run = CliRun.run(null, args);
            assertEquals(0, run.exit(), run::err);
            printed.add(run.out());
            printed.add(run.err());
        }
        JsonObject shown = JsonParser.parseString(printed.get(2)).getAsJsonObject();
        assertTrue(shown.getAsJsonObject("account").getAsJsonObject("outgoing").get("passwordSet").getAsBoolean(),
                "the password was given, and only its presence kept");

        if (backend == Backend.POSTGRESQL) {
            try (Connection c = PostgresServer.get().connect("postgres"); Statement s = c.createStatement()) {
                s.execute("checkpoint"); // write every change into the data files, not only the WAL
            }
        }
        List<Path> places = List.of(backend.files(name), secure.getParent(),
                Platform.getLogFileLocation().toFile().toPath().getParent());
        List<String> secrets = List.of(password, plain, login);
        for (String secret : secrets) {
            for (String text : printed) {
                assertTrue(!text.contains(secret), "a password form was printed: " + text);
            }
            List<Path> found = Scan.filesContaining(places, secret.getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), found, "a password form is on disk");
        }
        assertTrue(!Scan.filesContaining(List.of(backend.files(name)), ("note " + marker).getBytes(StandardCharsets.UTF_8))
                .isEmpty(), "the scan finds what the store wrote");
        assertTrue(Files.exists(secure), "the remembered password went to secure storage");
    }

    /** Byte search through every regular file under some folders. */
    static final class Scan {

        private Scan() {
        }

        static List<Path> filesContaining(List<Path> roots, byte[] needle) throws IOException {
            List<Path> found = new ArrayList<>();
            for (Path root : roots) {
                if (!Files.exists(root)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : files.filter(Files::isRegularFile).toList()) {
                        try {
                            if (contains(Files.readAllBytes(p), needle)) {
                                found.add(p);
                            }
                        } catch (java.nio.file.NoSuchFileException e) {
                            // a temporary file of the running database, gone meanwhile
                        }
                    }
                }
            }
            return found;
        }

        private static boolean contains(byte[] hay, byte[] needle) {
            outer: for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
