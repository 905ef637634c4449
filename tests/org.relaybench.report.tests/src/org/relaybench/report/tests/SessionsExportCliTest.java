package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaybench.cli.internal.Arguments;
import org.relaybench.cli.internal.SessionsExport;
import org.relaybench.cli.internal.UsageException;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.session.SupportSession;

/** {@code relaybench sessions export ID --format F [--output FILE]} and {@code sessions summary}. */
class SessionsExportCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void textFormatsGoToStandardOutput() throws Exception {
        assertEquals(0, export(aol(), "--format", "md"));
        assertTrue(stdout().startsWith("# Mail sending support report\n"));
        assertEquals("", stderr());
    }

    @Test
    void binaryFormatNeedsAFileAndIsWrittenWhole(@TempDir Path dir) throws Exception {
        UsageException e = assertThrows(UsageException.class, () -> export(aol(), "--format", "pdf"));
        assertTrue(e.getMessage().contains("--output"));
        Path file = dir.resolve("report.pdf");
        assertEquals(0, export(aol(), "--format", "pdf", "--output", file.toString()));
        byte[] pdf = Files.readAllBytes(file);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        assertTrue(stdout().startsWith("Wrote pdf to " + file), stdout());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void fixKitFormats(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("zoe.mobileconfig");
        assertEquals(0, export(aol(), "--format", "mobileconfig", "--output", profile.toString()));
        assertTrue(Files.readString(profile).contains("com.apple.mail.managed"));
        assertEquals(0, export(aol(), "--format", "autoconfig"));
        assertTrue(stdout().contains("<clientConfig version=\"1.1\">"));
    }

    @Test
    void noFixKitIsBadInput() throws Exception {
        SupportSession bare = FixKitTest.session(AccountProfile.builder("x@unknown.example").build());
        assertEquals(2, export(bare, "--format", "mobileconfig"));
        assertTrue(stderr().contains("no fix kit"), stderr());
        assertEquals("", stdout());
    }

    @Test
    void badUsage(@TempDir Path dir) {
        assertThrows(UsageException.class, () -> export(aol(), "--output", "x.html"));
        assertThrows(UsageException.class, () -> export(aol(), "--format", "docx"));
        assertThrows(UsageException.class, () -> export(aol(), "--format", "html", "--output",
                dir.resolve("missing/x.html").toString()));
    }

    @Test
    void summaryOverSessions() throws Exception {
        assertThrows(UsageException.class, () -> summary("--format", "csv"));
        assertEquals(0, summary("--format", "html"));
        assertTrue(stdout().contains("<svg "));
        assertFalse(stdout().contains("<script"));
    }

    private static SupportSession aol() throws InterruptedException {
        return Fixtures.aolIphone(Osgi.service(DiagnosisEngine.class));
    }

    private int export(SupportSession session, String... args) throws Exception {
        out.reset();
        err.reset();
        return SessionsExport.run(Osgi.exporter(), session, parse(args), new PrintStream(out, true, "UTF-8"),
                new PrintStream(err, true, "UTF-8"));
    }

    private int summary(String... args) throws Exception {
        out.reset();
        err.reset();
        return SessionsExport.summary(Osgi.exporter(), SummaryReportTest.sessions(), parse(args),
                new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"));
    }

    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(List.of(args), SessionsExport.OPTIONS, Set.of());
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
