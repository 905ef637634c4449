package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The session log through the headless product on a fresh home folder: the embedded default store
 * needs no set-up (H2, Liquibase and the Service Loader Mediator start inside the product), and an
 * explicit {@code --store} works the same.
 */
class SessionsProductTest {

    @Test
    void diagnoseLogsToTheDefaultStoreAndSessionsFindsIt() throws Exception {
        Product product = Product.copy("sessions");
        Path home = Files.createDirectories(product.root().resolve("fresh-home"));
        // Java takes user.home from the password database, not from HOME: name the fresh one explicitly
        Map<String, String> env = Map.of("RELAYBENCH_VMARGS", "-Duser.home=" + home);

        Product.Run empty = product.run(env, "sessions", "list");
        assertEquals(0, empty.exit(), empty::err);
        assertTrue(empty.out().contains("No sessions found."), empty.out());

        Product.Run diagnose = product.run(env, "diagnose", "--email", "someone@aol.com", "--client", "ios-12",
                "--smtp-host", "smtp.aol.com", "--smtp-port", "587", "--smtp-security", "starttls", "--smtp-auth", "none",
                "--error", "The recipient was rejected by the server because it does not allow relaying.",
                "--customer", "Product Customer", "--ticket", "PT-1");
        assertEquals(0, diagnose.exit(), diagnose::err);
        Matcher m = Pattern.compile("Session ([0-9a-f-]{36}) logged in jdbc:h2:file:(\\S+)").matcher(diagnose.out());
        assertTrue(m.find(), diagnose.out());
        String id = m.group(1);
        assertTrue(m.group(2).startsWith(home.resolve(".relaybench/workspace/relaybench/sessions").toString()), m.group(2));
        assertTrue(Files.isRegularFile(home.resolve(".relaybench/workspace/relaybench/sessions.mv.db")));

        Product.Run list = product.run(env, "sessions", "list", "--json");
        assertEquals(0, list.exit(), list::err);
        JsonObject first = JsonParser.parseString(list.out()).getAsJsonObject().getAsJsonArray("sessions").get(0)
                .getAsJsonObject();
        assertEquals(id, first.get("id").getAsString());
        assertEquals("smtp-auth-missing", first.get("cause").getAsString());

        Product.Run show = product.run(env, "sessions", "show", id);
        assertEquals(0, show.exit(), show::err);
        assertTrue(show.out().contains("Customer: Product Customer    Ticket: PT-1"), show.out());
        assertTrue(show.err().isEmpty(), "nothing on standard error: " + show.err());
    }

    @Test
    void anExplicitStoreIsUsed() throws Exception {
        Product product = Product.copy("sessions-store");
        Path db = product.root().resolve("explicit/sessions");
        Product.Run diagnose = product.run("diagnose", "--email", "a@gmail.com", "--smtp-host", "smtp.gmail.com",
                "--smtp-port", "25", "--store", "jdbc:h2:" + db, "--ticket", "EXPLICIT-7", "--json");
        assertEquals(0, diagnose.exit(), diagnose::err);
        String id = JsonParser.parseString(diagnose.out()).getAsJsonObject().getAsJsonObject("session").get("id")
                .getAsString();
        Product.Run list = product.run("sessions", "list", "--store", "jdbc:h2:" + db, "--ticket", "explicit-7");
        assertEquals(0, list.exit(), list::err);
        assertTrue(list.out().contains(id), list.out());
    }
}
