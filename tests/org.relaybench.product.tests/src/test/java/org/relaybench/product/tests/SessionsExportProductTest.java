package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

/** {@code relaybench sessions export} and {@code summary} through the product: reports and the fix kit. */
class SessionsExportProductTest {

    private static final String SECRET = "Ex9ort-Secret-Never-Written";

    private static Product product;
    private static String store;
    private static String id;

    @BeforeAll
    static void logASession() throws Exception {
        product = Product.copy("sessions-export");
        store = "jdbc:h2:" + product.root().resolve("export/sessions");
        Product.Run diagnose = product.run(Map.of("CUSTOMER_PW", SECRET), "diagnose", "--email", "pat.lee@aol.com",
                "--client", "ios-12", "--smtp-host", "smtp.aol.com", "--smtp-port", "587", "--smtp-security", "starttls",
                "--smtp-auth", "none", "--incoming-host", "imap.aol.com", "--incoming-port", "993", "--incoming-security",
                "tls", "--password-env", "CUSTOMER_PW", "--error", "The recipient was rejected by the server because it"
                        + " does not allow relaying.",
                "--store", store, "--customer", "Pat Lee", "--ticket", "EXP-1", "--json");
        assertEquals(0, diagnose.exit(), diagnose::err);
        id = JsonParser.parseString(diagnose.out()).getAsJsonObject().getAsJsonObject("session").get("id").getAsString();
    }

    @Test
    void fixKitProfileCarriesTheCorrectedSettingsAndNoPassword() throws Exception {
        Product.Run profile = product.run("sessions", "export", id, "--format", "mobileconfig", "--store", store);
        assertEquals(0, profile.exit(), profile::err);
        String plist = profile.out();
        assertTrue(plist.contains("<string>com.apple.mail.managed</string>"), plist);
        assertTrue(plist.contains("<string>smtp.aol.com</string>"), plist);
        assertTrue(plist.contains("<key>OutgoingPasswordSameAsIncomingPassword</key>"), plist);
        assertFalse(plist.contains("OutgoingPassword</key>") || plist.contains(SECRET), "no password in the profile");

        Product.Run autoconfig = product.run("sessions", "export", id, "--format", "autoconfig", "--store", store);
        assertEquals(0, autoconfig.exit(), autoconfig::err);
        assertTrue(autoconfig.out().contains("<outgoingServer type=\"smtp\">"), autoconfig.out());
    }

    @Test
    void reportsInEveryFormat() throws Exception {
        Path pdf = product.root().resolve("export/report.pdf");
        Product.Run run = product.run("sessions", "export", id, "--format", "pdf", "--output", pdf.toString(), "--store",
                store);
        assertEquals(0, run.exit(), run::err);
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.US_ASCII));
        for (String format : new String[] { "html", "json", "csv", "md" }) {
            Product.Run text = product.run("sessions", "export", id, "--format", format, "--store", store);
            assertEquals(0, text.exit(), format + ": " + text.err());
            assertTrue(text.out().contains("smtp-auth-missing") || text.out().contains("authentication"), format);
            assertFalse(text.out().contains(SECRET), format + " holds the password");
        }
        Path summary = product.root().resolve("export/summary.html");
        Product.Run figures = product.run("sessions", "summary", "--format", "html", "--output", summary.toString(),
                "--store", store);
        assertEquals(0, figures.exit(), figures::err);
        assertTrue(Files.readString(summary).contains("<svg"), "charts as inline SVG");
    }

    @Test
    void unknownSessionIsAUsageError() throws Exception {
        Product.Run run = product.run("sessions", "export", "00000000-0000-0000-0000-000000000000", "--format", "json",
                "--store", store);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no session"), run.err());
    }
}
