package org.relaybench.batch.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.relaybench.cli.internal.DiagnosisJson;
import org.relaybench.cli.internal.Json;
import org.relaybench.cli.internal.JsonLineWriter;
import org.relaybench.session.SupportSessions;
import org.relaybench.session.batch.BatchDiagnosis;
import org.relaybench.session.batch.BatchFormat;
import org.relaybench.session.batch.BatchReader;
import org.relaybench.session.batch.BatchReaders;
import org.relaybench.session.batch.BatchRecord;
import org.relaybench.session.batch.BatchResult;
import org.relaybench.tests.common.OsgiServices;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The batch writes its JSON Lines straight into bytes, with the procedures copied in as written once
 * per run: the lines must stay byte for byte what Gson writes for the tree of {@code diagnose --json}
 * (the form before), whatever the characters, numbers, providers and clients.
 */
class JsonLinesOutputTest {

    private static byte[] gson(Object tree) {
        return Json.line(tree).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] written(String value) {
        return new JsonLineWriter().reset().value(value).toByteArray();
    }

    @Test
    void everyCharacterIsWrittenAsGsonWritesIt() {
        for (int c = 0; c <= 0xffff; c++) {
            String s = "a" + (char) c + "b";
            assertArrayEquals(gson(s), written(s), () -> "U+" + Integer.toHexString(s.charAt(1)));
        }
        for (String s : List.of("", "\u2028\u2029", "\"quoted\" \\ back\tslash\r\n\f\b\u0000\u001f\u007f",
                "pair \ud83d\udce7 mail", "lone high \ud83d", "\ud83d lone high first", "lone low \udce7 here",
                "\udce7\ud83d reversed pair", "\ud83d\ud83d\udce7 high, then a pair", "é — “quotes” ✓ 日本",
                "x".repeat(70_000) + "\u2028")) {
            assertArrayEquals(gson(s), written(s), s.length() > 80 ? s.substring(0, 80) : s);
        }
    }

    /**
     * A writer keeps the bytes of long texts it wrote (by identity) and of numbers: a text or number
     * written again, by the same writer, in other lines, among others that take its place, is written as
     * Gson writes it; so is a text of the same characters that is another object, and a text changed
     * in place is impossible (strings are immutable) so identity is enough.
     */
    @Test
    void textsAndNumbersWrittenAgainAreWrittenAsGsonWritesThem() {
        java.util.Random random = new java.util.Random(20261205L);
        String alphabet = "abc XYZ 019 \"\\\t\n\u0001\u007f é — “” ✓ 日 \u2028 \ud83d\udce7";
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // around the lengths from which and up to which texts are kept
            int length = i % 10 == 0 ? 990 + random.nextInt(70) : i % 3 == 0 ? 1 + random.nextInt(30) : 30 + random.nextInt(300);
            StringBuilder b = new StringBuilder(length);
            for (int k = 0; k < length; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        List<Double> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            numbers.add(switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> Math.round(random.nextDouble() * 100) / 100.0;
                case 2 -> random.nextGaussian() * 1e12;
                default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            });
        }
        JsonLineWriter w = new JsonLineWriter();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 2_000; i++) {
                int t = random.nextInt(round < 3 ? 40 : texts.size()); // a few texts often, then all of them
                String text = round % 2 == 0 ? texts.get(t) : new String(texts.get(t).toCharArray());
                double number = numbers.get(random.nextInt(round < 3 ? 8 : numbers.size()));
                byte[] line = w.reset().beginArray().value(text).value(number).value(text).endArray().toByteArray();
                assertArrayEquals(gson(List.of(text, number, text)), line, text);
            }
        }
    }

    @Test
    void numbersNullsAndNestingAreWrittenAsGsonWritesThem() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("line", 12_345_678_901L);
        tree.put("negative", -1L);
        tree.put("code", 550);
        tree.put("doubles", List.of(0.0, -0.0, 0.1, 1.0, 0.99, 0.35, 1e-5, 1.5e21, 123456789.125, Double.MIN_VALUE,
                Double.MAX_VALUE));
        tree.put("nothing", null);
        tree.put("yes", true);
        tree.put("no", false);
        tree.put("empty", Map.of());
        tree.put("none", List.of());
        tree.put("nested", List.of(Map.of("a", List.of(List.of(), "b")), "c"));
        tree.put("name \"with\" quotes\n", "value");

        JsonLineWriter w = new JsonLineWriter().reset().beginObject();
        w.name(JsonLineWriter.Name.of("line")).value(12_345_678_901L);
        w.name("negative").value(-1L);
        w.name("code").value(550);
        w.name("doubles").beginArray();
        for (double d : new double[] { 0.0, -0.0, 0.1, 1.0, 0.99, 0.35, 1e-5, 1.5e21, 123456789.125, Double.MIN_VALUE,
                Double.MAX_VALUE }) {
            w.value(d);
        }
        w.endArray();
        w.name("nothing").value((String) null);
        w.name("yes").value(true);
        w.name("no").value(false);
        w.name("empty").beginObject().endObject();
        w.name("none").beginArray().endArray();
        w.name("nested").beginArray().beginObject().name("a").beginArray().beginArray().endArray().value("b").endArray()
                .endObject().value("c").endArray();
        w.name(JsonLineWriter.Name.of("name \"with\" quotes\n")).raw(JsonLineWriter.fragment(Json.line("value")));
        w.endObject();
        assertEquals(new String(gson(tree), StandardCharsets.UTF_8), w.toString());
        assertArrayEquals(gson(tree), w.toByteArray());
        assertArrayEquals((Json.line(tree) + "\n").getBytes(StandardCharsets.UTF_8), w.newline().toByteArray());
        assertThrows(IllegalArgumentException.class, () -> new JsonLineWriter().value(Double.NaN));
        assertThrows(IllegalStateException.class, () -> new JsonLineWriter().reset().beginObject().newline());
    }

    /**
     * Every line of a run is compared with the tree of its own diagnosis written by Gson: the sample
     * accounts (seven providers, many clients, bad records) and generated accounts (six providers, five
     * clients, four settings, five error texts, in every combination). A procedure copied in from the
     * wrong provider or client would differ.
     */
    @Test
    void eachLineIsByteForByteTheDiagnoseJsonTree() throws Exception {
        byte[] generated = new Generated(2_100).readAllBytes();
        int lines = 0;
        Set<String> procedures = new HashSet<>();
        lines += compare(Files.readAllBytes(Batch.example("accounts.csv")), BatchFormat.CSV, procedures);
        lines += compare(Files.readAllBytes(Batch.example("accounts.jsonl")), BatchFormat.JSONL, procedures);
        byte[] bad = ("id,email,client,smtp-port,error\n" + "B1,someone@aol.com,ios-12,0,x\n\n"
                + "B2,no-at-sign,outlook,587,\"quote \"\"in\"\" it \u2028 \ud83d\udce7\"\n" + "B3,a@b.c,,25,\"open\n")
                .getBytes(StandardCharsets.UTF_8);
        lines += compare(bad, BatchFormat.CSV, procedures);
        lines += compare(generated, BatchFormat.CSV, procedures);
        assertTrue(lines >= 2 * 37 + 4 + 2_100, "lines compared: " + lines);
        // procedures of several providers were shared, and one procedure worded for several clients
        Map<String, Long> wordings = procedures.stream()
                .collect(Collectors.groupingBy(p -> p.substring(0, p.indexOf(' ')), Collectors.counting()));
        assertTrue(wordings.size() >= 10, "distinct procedures: " + wordings.keySet());
        assertTrue(wordings.values().stream().anyMatch(n -> n >= 2), "a procedure in two wordings: " + wordings);
    }

    /** @return how many lines were compared */
    private static int compare(byte[] input, BatchFormat format, Set<String> procedures) throws Exception {
        Batch run = Batch.run(input, "batch", "--quiet", "--format", format.id(), "-");
        assertTrue(run.exit() == 0 || run.exit() == 1, run.err());
        List<String> actual = run.lines();
        List<String> expected = expected(new ByteArrayInputStream(input), format);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < actual.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "result " + (i + 1));
            JsonObject procs = JsonParser.parseString(actual.get(i)).getAsJsonObject().getAsJsonObject("procedures");
            if (procs != null) {
                procs.entrySet().forEach(e -> procedures.add(e.getKey() + " " + e.getValue()));
            }
        }
        return actual.size();
    }

    /** The lines as the batch wrote them before: the tree of each record's own diagnosis, by Gson. */
    private static List<String> expected(InputStream input, BatchFormat format) throws Exception {
        SupportSessions sessions = OsgiServices.service(SupportSessions.class);
        BatchDiagnosis diagnosis = new BatchDiagnosis(sessions, format, true, Optional.empty());
        List<String> lines = new ArrayList<>();
        try (BatchReader reader = BatchReaders.open(input, Optional.of(format))) {
            for (Optional<BatchRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
                BatchResult result = diagnosis.diagnose(r.get());
                Map<String, Object> tree = new LinkedHashMap<>();
                tree.put("line", result.line());
                tree.put("id", result.id().isEmpty() ? null : result.id());
                tree.put("status", result.status().id());
                if (result.diagnosis().isPresent()) {
                    tree.putAll(DiagnosisJson.tree(result.diagnosis().get().diagnosis(), null));
                } else {
                    tree.put("error", result.reason());
                }
                lines.add(Json.line(tree));
            }
        }
        assertNotEquals(0, lines.size());
        return lines;
    }
}
