package org.relaybench.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.core.session.SupportSession;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.SessionQuery;

import com.google.gson.JsonObject;

/** {@code batch --store} logs every diagnosed record once, also across a resume; {@code --report} writes the summary. */
class StoreAndReportTest {

    private static List<SupportSession> sessions(String url) throws Exception {
        try (SessionLog log = OsgiServices.service(SupportSessions.class).openLog(Optional.of(url))) {
            return log.sessions(SessionQuery.all(), 10_000);
        }
    }

    @Test
    void everyDiagnosedRecordIsLoggedAsASessionOnceEvenAfterAResume() throws Exception {
        Path dir = Batch.folder("store");
        String url = "jdbc:h2:file:" + dir.resolve("sessions");
        Path csv = Batch.example("accounts.csv");
        Path output = dir.resolve("results.jsonl");
        Batch b = Batch.run("batch", "--quiet", "--store", url, "--agent", "batch-bot", "--output", output.toString(),
                csv.toString());
        assertEquals(0, b.exit(), b.err());
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        List<SupportSession> logged = sessions(url);
        assertEquals(lines.size(), logged.size());
        SupportSession first = logged.stream().filter(s -> s.customer().equals("T-1001")).findFirst().orElseThrow();
        assertEquals("accounts.csv:2", first.ticket());
        assertEquals("batch-bot", first.agent());
        assertEquals(1, first.diagnoses().size());
        JsonObject r = com.google.gson.JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals(first.id(), r.get("session").getAsString());
        assertEquals(first.diagnoses().get(0).findings().get(0).code(),
                r.getAsJsonArray("findings").get(0).getAsJsonObject().get("code").getAsString());

        // killed after logging records 10.. but before their checkpoint: the checkpoint says 10 records are done
        Path checkpoint = dir.resolve("results.jsonl.checkpoint");
        long cut = 0;
        for (int i = 0; i < 10; i++) {
            cut += (lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8).length;
        }
        Files.writeString(checkpoint, Files.readString(checkpoint).replaceAll("\"nextOrdinal\":\\d+", "\"nextOrdinal\":10")
                .replaceAll("\"outputBytes\":\\d+", "\"outputBytes\":" + cut).replaceAll("\"diagnosed\":\\d+", "\"diagnosed\":10")
                .replaceAll("\"groups\":\\[.*\\]", "\"groups\":[]"));
        Batch resumed = Batch.run("batch", "--quiet", "--resume", "--store", url, "--agent", "batch-bot", "--output",
                output.toString(), csv.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(lines, Files.readAllLines(output, StandardCharsets.UTF_8), "the same results, the same session ids");
        assertEquals(lines.size(), sessions(url).size(), "no record logged twice");
    }

    @Test
    void theSummaryReportCountsTheRunsRecordsByProviderAndCause() throws Exception {
        Path dir = Batch.folder("report");
        Path html = dir.resolve("summary.html");
        Path pdf = dir.resolve("summary.pdf");
        Batch b = Batch.run("batch", "--quiet", "--output-format", "csv", "--report", html.toString(),
                Batch.example("accounts.jsonl").toString());
        assertEquals(0, b.exit(), b.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        long records = Files.lines(Batch.example("accounts.jsonl")).count();
        assertTrue(page.contains(">" + records + "<"), "the total of sessions: " + records);
        for (String provider : List.of("AOL", "Yahoo", "iCloud")) {
            assertTrue(page.contains(provider), provider);
        }
        long aol = b.lines().stream().skip(1).filter(l -> l.contains(",aol,")).count();
        assertTrue(aol > 0);
        assertEquals(0, Batch.run("batch", "--quiet", "--report", pdf.toString(), Batch.example("accounts.csv").toString())
                .exit());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(head, StandardCharsets.US_ASCII));
        assertEquals(2, Batch.run("batch", "--report", dir.resolve("summary.txt").toString(),
                Batch.example("accounts.csv").toString()).exit(), "a report is html or pdf");
    }
}
