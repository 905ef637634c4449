package org.relaybench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaybench.tests.common.db.Backend;

/**
 * {@code relaybench sessions export ID --format F [--output FILE]} and {@code sessions summary}, on
 * sessions that {@code diagnose --store} logged in an H2 store.
 */
class SessionsExportCommandTest {

    private static final String RELAYING = "The recipient \"friend@example.org\" was rejected by the server because it"
            + " does not allow relaying.";

    private static String store;
    /** The classic: iPhone on iOS 12, AOL, outgoing server without authentication. */
    private static String aol;
    /** An address of no known provider, without servers: no fix kit can be made for it. */
    private static String bare;

    @BeforeAll
    static void logSessions() throws Exception {
        store = Backend.H2.freshStore("export");
        aol = logged("diagnose", "--email", "zoe.mueller@aol.com", "--client", "ios-12", "--incoming-host", "imap.aol.com",
                "--incoming-port", "993", "--incoming-security", "tls", "--incoming-user", "zoe.mueller@aol.com",
                "--smtp-host", "smtp.aol.com", "--smtp-port", "587", "--smtp-security", "starttls", "--smtp-auth", "none",
                "--network", "wifi", "--network-operator", "Comcast", "--error", RELAYING, "--customer",
                "Zoë Müller-Łukasiewicz");
        bare = logged("diagnose", "--email", "x@unknown.example", "--customer", "Nobody Known");
    }

    private static String logged(String... diagnose) {
        String[] args = CliRun.concat(diagnose, new String[] { "--store", store, "--json" });
        CliRun run = CliRun.run(null, args);
        assertEquals(0, run.exit(), run::err);
        return run.json().getAsJsonObject("session").get("id").getAsString();
    }

    private static CliRun export(String id, String... options) {
        return CliRun.run(null, CliRun.concat(new String[] { "sessions", "export", id, "--store", store }, options));
    }

    private static CliRun summary(String... options) {
        return CliRun.run(null, CliRun.concat(new String[] { "sessions", "summary", "--store", store }, options));
    }

    @Test
    void textFormatsGoToStandardOutput() {
        CliRun run = export(aol, "--format", "md");
        assertEquals(0, run.exit(), run::err);
        assertTrue(run.out().startsWith("# Mail sending support report\n"), run::out);
        assertEquals("", run.err());
    }

    @Test
    void binaryFormatNeedsAFileOrARedirectionAndIsWrittenWhole(@TempDir Path dir) throws Exception {
        CliRun refused = CliRun.onTerminal("sessions", "export", aol, "--store", store, "--format", "pdf");
        assertEquals(2, refused.exit(), refused::out);
        assertTrue(refused.err().contains("--output"), refused::err);
        assertEquals("", refused.out(), "nothing binary reaches the terminal");
        CliRun redirected = export(aol, "--format", "pdf"); // relaybench sessions export ... > report.pdf
        assertEquals(0, redirected.exit(), redirected::err);
        assertTrue(redirected.out().startsWith("%PDF-"), "a PDF on standard output");
        Path file = dir.resolve("report.pdf");
        CliRun run = export(aol, "--format", "pdf", "--output", file.toString());
        assertEquals(0, run.exit(), run::err);
        byte[] pdf = Files.readAllBytes(file);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        assertTrue(run.out().startsWith("Wrote pdf to " + file), run::out);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void fixKitFormats(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("zoe.mobileconfig");
        CliRun mobileconfig = export(aol, "--format", "mobileconfig", "--output", profile.toString());
        assertEquals(0, mobileconfig.exit(), mobileconfig::err);
        assertTrue(Files.readString(profile).contains("com.apple.mail.managed"));
        CliRun autoconfig = export(aol, "--format", "autoconfig");
        assertEquals(0, autoconfig.exit(), autoconfig::err);
        assertTrue(autoconfig.out().contains("<clientConfig version=\"1.1\">"), autoconfig::out);
    }

    @Test
    void noFixKitIsBadInput() {
        CliRun run = export(bare, "--format", "mobileconfig");
        assertEquals(2, run.exit(), run::out);
        assertTrue(run.err().contains("no fix kit"), run::err);
        assertEquals("", run.out());
    }

    @Test
    void badUsage(@TempDir Path dir) {
        for (String[] options : List.of(new String[] { "--output", "x.html" }, new String[] { "--format", "docx" },
                new String[] { "--format", "html", "--output", dir.resolve("missing/x.html").toString() })) {
            CliRun run = export(aol, options);
            assertEquals(2, run.exit(), () -> String.join(" ", options) + ": " + run.out() + run.err());
            assertTrue(run.err().contains("Try 'relaybench sessions --help'."), run::err);
        }
    }

    @Test
    void summaryOverSessions() {
        CliRun csv = summary("--format", "csv");
        assertEquals(2, csv.exit(), csv::out);
        CliRun html = summary("--format", "html");
        assertEquals(0, html.exit(), html::err);
        assertTrue(html.out().contains("<svg "), html::out);
        assertFalse(html.out().contains("<script"), html::out);
    }
}
