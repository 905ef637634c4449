package org.relaybench.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/** {@code relaybench batch}: CSV and JSON Lines in and out, bad records, bad inputs and exit codes. */
class BatchInputTest {

    @Test
    void csvOfTheExamplesGivesOneResultPerRecordInOrder() throws Exception {
        Path csv = Batch.example("accounts.csv");
        long records = Files.lines(csv).count() - 1;
        Batch b = Batch.run("batch", "--quiet", csv.toString());
        assertEquals(0, b.exit(), b.err());
        List<JsonObject> results = b.results();
        assertEquals(records, results.size());
        for (int i = 0; i < results.size(); i++) {
            JsonObject r = results.get(i);
            assertEquals(i + 2, r.get("line").getAsInt(), "the header is line 1");
            assertEquals(String.format("T-%04d", 1001 + i), r.get("id").getAsString());
            assertEquals("diagnosed", r.get("status").getAsString());
            assertTrue(r.has("findings") && r.has("procedures") && r.has("email"), r.toString());
        }
        assertEquals("aol", results.get(0).getAsJsonObject("provider").get("id").getAsString());
        assertTrue(results.stream().anyMatch(r -> r.getAsJsonArray("findings").size() > 0));
        assertEquals("", b.err(), "--quiet: nothing on standard error");
    }

    @Test
    void eachResultIsTheDiagnoseJsonFormWithLineIdAndStatus() throws Exception {
        Path dir = Batch.folder("same-as-diagnose");
        List<String> accounts = Files.readAllLines(Batch.example("accounts.jsonl"), StandardCharsets.UTF_8);
        Batch batch = Batch.run("batch", "--quiet", Batch.example("accounts.jsonl").toString());
        assertEquals(0, batch.exit(), batch.err());
        List<JsonObject> results = batch.results();
        for (int i : new int[] { 0, 1, 2, 5, 11, accounts.size() - 1 }) { // several providers and clients, shared procedures
            Path one = dir.resolve("account-" + i + ".json");
            Files.writeString(one, accounts.get(i));
            Batch single = Batch.run("diagnose", "--json", "--account", one.toString());
            assertEquals(0, single.exit(), single.err());
            JsonObject expected = com.google.gson.JsonParser.parseString(single.out()).getAsJsonObject();
            JsonObject actual = results.get(i).deepCopy();
            assertEquals(i + 1, actual.remove("line").getAsInt());
            assertEquals(com.google.gson.JsonParser.parseString(accounts.get(i)).getAsJsonObject().get("id"), actual.remove("id"));
            assertEquals("diagnosed", actual.remove("status").getAsString());
            assertEquals(expected, actual, "record " + (i + 1));
        }
    }

    @Test
    void jsonLinesAndCsvOfTheSameAccountsAgree() throws Exception {
        Batch fromCsv = Batch.run("batch", "--quiet", "--output-format", "csv", Batch.example("accounts.csv").toString());
        Batch fromJsonl = Batch.run("batch", "--quiet", "--output-format", "csv", Batch.example("accounts.jsonl").toString());
        assertEquals(0, fromCsv.exit(), fromCsv.err());
        assertEquals(0, fromJsonl.exit(), fromJsonl.err());
        List<CSVRecord> a = csv(fromCsv.out());
        List<CSVRecord> j = csv(fromJsonl.out());
        assertEquals(a.size(), j.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).get("id"), j.get(i).get("id"));
            assertEquals(a.get(i).get("findings"), j.get(i).get("findings"), a.get(i).get("id"));
            assertEquals(a.get(i).get("provider"), j.get(i).get("provider"));
            assertEquals(Long.parseLong(a.get(i).get("line")) - 1, Long.parseLong(j.get(i).get("line")),
                    "JSON Lines has no header line");
        }
    }

    @Test
    void standardInputIsReadWithDashAndItsFormatToldFromTheFirstCharacter() throws Exception {
        byte[] jsonl = Files.readAllBytes(Batch.example("accounts.jsonl"));
        Batch b = Batch.run(jsonl, "batch", "--quiet", "-");
        assertEquals(0, b.exit(), b.err());
        assertEquals(Files.lines(Batch.example("accounts.jsonl")).count(), b.results().size());
        Batch c = Batch.run(Files.readAllBytes(Batch.example("accounts.csv")), "batch", "--quiet", "--output-format", "csv",
                "-");
        assertEquals(0, c.exit(), c.err());
        assertEquals("line,id,status,email,provider,severity,findings,top,error,session", c.lines().get(0));
    }

    @Test
    void everyKindOfBadCsvRecordIsAnInvalidResultAndTheRunGoesOn() throws Exception {
        String good = "g1,pat@aol.com,ios-12,smtp.aol.com,587,starttls,none,\n";
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(("id,email,client,smtp-host,smtp-port,smtp-security,smtp-auth,smtp-password-set\n" + good)
                .getBytes(StandardCharsets.UTF_8));
        in.writeBytes("w1,pat@aol.com,ios-12\n".getBytes(StandardCharsets.UTF_8)); // line 3: wrong column count
        in.writeBytes("e1,p".getBytes(StandardCharsets.UTF_8)); // line 4: bad encoding
        in.writeBytes(new byte[] { (byte) 0xc3, (byte) 0x28 });
        in.writeBytes("t@aol.com,ios-12,smtp.aol.com,587,starttls,none,\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("u1,pat@aol.com,ios-12,smtp.aol.com,587,ssl3,none,\n".getBytes(StandardCharsets.UTF_8)); // 5: enum
        in.writeBytes(("b1,pat@aol.com,ios-12," + "h".repeat(1_000_000) + ",587,starttls,none,\n")
                .getBytes(StandardCharsets.UTF_8)); // 6: a 1 MB field
        in.writeBytes("\n".getBytes(StandardCharsets.UTF_8)); // 7: empty line
        in.writeBytes("q1,pat@aol.com,\"ios\"12,smtp.aol.com,587,starttls,none,\n".getBytes(StandardCharsets.UTF_8)); // 8
        in.writeBytes("y1,pat@aol.com,ios-12,smtp.aol.com,587,starttls,none,maybe\n".getBytes(StandardCharsets.UTF_8)); // 9
        in.writeBytes(good.replace("g1", "g2").getBytes(StandardCharsets.UTF_8)); // 10
        Path file = Batch.folder("bad-csv").resolve("bad.csv");
        Files.write(file, in.toByteArray());
        Batch b = Batch.run("batch", file.toString());
        assertEquals(1, b.exit(), "invalid records make the exit code 1: " + b.err());
        List<JsonObject> r = b.results();
        assertEquals(9, r.size(), b.out());
        Map<Integer, String> errors = new HashMap<>();
        r.stream().filter(o -> o.get("status").getAsString().equals("invalid"))
                .forEach(o -> errors.put(o.get("line").getAsInt(), o.get("error").getAsString()));
        assertEquals("diagnosed", r.get(0).get("status").getAsString());
        assertEquals(2, r.get(0).get("line").getAsInt());
        assertTrue(errors.get(3).startsWith("wrong column count: 3 values, the header row has 8"), errors.get(3));
        assertEquals("w1", r.get(1).get("id").getAsString(), "an invalid record keeps its id");
        assertTrue(errors.get(4).startsWith("bad encoding"), errors.get(4));
        assertTrue(errors.get(5).startsWith("smtp-security: must be none, starttls or tls: ssl3"), errors.get(5));
        assertTrue(errors.get(6).startsWith("column smtp-host is longer than 65536 characters"), errors.get(6));
        assertEquals("empty line", errors.get(7));
        assertTrue(errors.get(8).startsWith("not valid CSV"), errors.get(8));
        assertTrue(errors.get(9).startsWith("smtp-password-set: must be true or false: maybe"), errors.get(9));
        assertEquals("diagnosed", r.get(8).get("status").getAsString());
        assertEquals("g2", r.get(8).get("id").getAsString());
        assertEquals(10, r.get(8).get("line").getAsInt());
        assertTrue(b.err().contains("9 records: 2 diagnosed") && b.err().contains("7 invalid"), b.err());
        assertTrue(b.out().length() < 20_000, "a bad record's value is not echoed whole");
    }

    @Test
    void everyKindOfBadJsonLineIsAnInvalidResultAndTheRunGoesOn() throws Exception {
        String good = "{\"id\":\"g1\",\"email\":\"pat@aol.com\",\"client\":\"ios-12\",\"outgoing\":{\"host\":\"smtp.aol.com\","
                + "\"port\":587,\"security\":\"starttls\",\"auth\":\"none\"}}\n";
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(good.getBytes(StandardCharsets.UTF_8)); // 1
        in.writeBytes("{\"id\":\"j1\",\"email\":\"pat@aol.com\",\n".getBytes(StandardCharsets.UTF_8)); // 2: invalid JSON
        in.writeBytes("\n".getBytes(StandardCharsets.UTF_8)); // 3: empty line
        in.writeBytes("{\"email\":\"p".getBytes(StandardCharsets.UTF_8)); // 4: bad encoding
        in.writeBytes(new byte[] { (byte) 0xff });
        in.writeBytes("@aol.com\"}\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes(good.replace("starttls", "ssl3").replace("g1", "u1").getBytes(StandardCharsets.UTF_8)); // 5
        in.writeBytes(("{\"id\":\"b1\",\"email\":\"pat@aol.com\",\"error\":\"" + "x".repeat(1_000_000) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8)); // 6: a 1 MB field
        in.writeBytes("[1,2]\n".getBytes(StandardCharsets.UTF_8)); // 7: not an object
        in.writeBytes(good.replace("g1", "g2").getBytes(StandardCharsets.UTF_8)); // 8
        Path file = Batch.folder("bad-jsonl").resolve("bad.jsonl");
        Files.write(file, in.toByteArray());
        Batch b = Batch.run("batch", "--output-format", "csv", file.toString());
        assertEquals(1, b.exit(), b.err());
        List<CSVRecord> r = csv(b.out());
        assertEquals(8, r.size(), b.out());
        List<String> statuses = new ArrayList<>();
        r.forEach(x -> statuses.add(x.get("line") + " " + x.get("status")));
        assertEquals(List.of("1 diagnosed", "2 invalid", "3 invalid", "4 invalid", "5 invalid", "6 invalid", "7 invalid",
                "8 diagnosed"), statuses);
        assertTrue(r.get(1).get("error").startsWith("not valid JSON"), r.get(1).get("error"));
        assertEquals("empty line", r.get(2).get("error"));
        assertTrue(r.get(3).get("error").startsWith("bad encoding"), r.get(3).get("error"));
        assertEquals("u1", r.get(4).get("id"));
        assertTrue(r.get(4).get("error").startsWith("$.outgoing.security: must be none, starttls or tls: ssl3"),
                r.get(4).get("error"));
        assertTrue(r.get(5).get("error").contains("longer than"), r.get(5).get("error"));
        assertEquals("an account must be a JSON object", r.get(6).get("error"));
        assertTrue(b.err().contains("8 records: 2 diagnosed") && b.err().contains("6 invalid"), b.err());
    }

    @Test
    void aQuoteLeftOpenBeforeMegabytesOfInputEndsTheRecordsInsteadOfFillingTheHeap() throws Exception {
        Path file = Batch.folder("open-quote").resolve("open.csv");
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < 250_000; i++) { // 8 MB of good-looking lines after the open quote
            rest.append("r").append(i).append(",user").append(i).append("@aol.com,ios-12\n");
        }
        Files.writeString(file, "id,email,client\ng1,pat@aol.com,ios-12\no1,\"pat@aol.com,ios-12\n" + rest);
        Batch b = Batch.run("batch", "--output-format", "csv", file.toString());
        assertEquals(1, b.exit(), b.err());
        List<CSVRecord> r = csv(b.out());
        assertEquals(2, r.size(), b.out());
        assertEquals("diagnosed", r.get(0).get("status"));
        assertEquals("3", r.get(1).get("line"));
        assertTrue(r.get(1).get("error").startsWith("a record longer than 4 MiB (a quote left open?)"), r.get(1).get("error"));
    }

    @Test
    void aFileThatIsNotCsvOrJsonLinesIsAUsageErrorBeforeAnyOutput() throws Exception {
        Path dir = Batch.folder("not-csv");
        Path binary = dir.resolve("image.csv");
        byte[] png = new byte[4096];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[2] = 'N';
        png[3] = 'G';
        Files.write(binary, png);
        Path unknown = dir.resolve("tickets.csv");
        Files.writeString(unknown, "ticket,subject,body\n1,help,cannot send\n");
        Path notJson = dir.resolve("accounts.jsonl");
        Files.writeString(notJson, "email,client\npat@aol.com,ios-12\n");
        for (Path p : List.of(binary, unknown, notJson)) {
            Batch b = Batch.run("batch", p.toString());
            assertEquals(2, b.exit(), p + ": " + b.err());
            assertEquals("", b.out(), "nothing written");
        }
        assertTrue(Batch.run("batch", binary.toString()).err().contains("not a text file"));
        assertTrue(Batch.run("batch", unknown.toString()).err().contains("unknown column 'ticket'"));
        assertTrue(Batch.run("batch", notJson.toString()).err().contains("not JSON Lines"));
        assertEquals(2, Batch.run("batch", dir.resolve("missing.csv").toString()).exit());
        assertEquals(2, Batch.run("batch", dir.resolve("accounts.txt").toString()).exit(), "format unknown");
        assertEquals(2, Batch.run("batch", "--shard", "4/4", unknown.toString()).exit());
        assertEquals(2, Batch.run("batch", "--resume", unknown.toString()).exit(), "--resume needs --output");
    }

    @Test
    void exitCodesFollowFailOn() throws Exception {
        Path dir = Batch.folder("exit");
        Path relay = dir.resolve("relay.csv");
        Files.writeString(relay, "email,client,error,smtp-host,smtp-port,smtp-security,smtp-auth\n"
                + "pat@aol.com,ios-12,\"The recipient \"\"sam@example.org\"\" was rejected by the server because it does not allow relaying.\",smtp.aol.com,587,starttls,none\n");
        Batch plain = Batch.run("batch", "--quiet", relay.toString());
        assertEquals(0, plain.exit(), "findings alone do not fail without --fail-on");
        String severity = plain.results().get(0).getAsJsonArray("findings").get(0).getAsJsonObject().get("severity")
                .getAsString();
        assertEquals("error", severity);
        assertEquals(1, Batch.run("batch", "--quiet", "--fail-on", "error", relay.toString()).exit());
        assertEquals(1, Batch.run("batch", "--quiet", "--fail-on", "warning", relay.toString()).exit());
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        Batch none = Batch.run("batch", "--fail-on", "error", empty.toString());
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.err().contains("0 records"), none.err());
        assertEquals(2, Batch.run("batch", "--fail-on", "info", relay.toString()).exit());
        assertEquals(2, Batch.run("batch", "--threads", "0", relay.toString()).exit());
        assertEquals(2, Batch.run("batch", "--timeout", "5", relay.toString()).exit(), "probe options need --probe");
    }

    @Test
    void manyThreadsKeepInputOrder() throws Exception {
        int n = 20_000;
        Batch b = Batch.run(new Generated(n), "batch", "--quiet", "--threads", "8", "--output-format", "csv", "--format",
                "csv", "-");
        assertEquals(0, b.exit(), b.err());
        List<CSVRecord> r = csv(b.out());
        assertEquals(n, r.size());
        for (int i = 0; i < n; i++) {
            assertEquals("R" + i, r.get(i).get("id"));
            assertEquals(Integer.toString(i + 2), r.get(i).get("line"));
        }
        assertFalse(r.stream().anyMatch(x -> !x.get("status").equals("diagnosed")));
    }

    @Test
    void progressIsABarOnATerminalAndPlainLinesElsewhereAndQuietSilencesIt() throws Exception {
        Batch bar = Batch.onTerminal(new Generated(300_000), "batch", "--format", "csv", "--output-format", "csv", "-");
        assertEquals(0, bar.exit(), bar.err());
        assertTrue(bar.err().contains("\r["), "a bar redrawn in place: " + bar.err());
        assertTrue(bar.err().matches("(?s).*\\] [0-9,]+ records, [0-9,]+/s, \\dm\\d\\ds.*"), bar.err());
        assertTrue(bar.err().contains("300,000 records: 300,000 diagnosed"), "then the summary: " + bar.err());
        Batch plain = Batch.run(new Generated(3_000), "batch", "--format", "csv", "--output-format", "csv", "-");
        assertFalse(plain.err().contains("\r"), "no bar in a log: " + plain.err());
        assertTrue(plain.err().startsWith("relaybench batch: 3,000 records: 3,000 diagnosed"), plain.err());
        Batch quiet = Batch.onTerminal(new Generated(20_000), "batch", "--quiet", "--format", "csv", "-");
        assertEquals("", quiet.err());
    }

    static List<CSVRecord> csv(String text) throws java.io.IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }
}
