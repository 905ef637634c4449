package org.relaybench.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * {@code --resume} after {@code kill -9}, SIGTERM (as Ctrl-C) and a torn write, and {@code --shard I/N}: checked line by line
 * against an uninterrupted run of the same input.
 */
class ResumeAndShardTest {

    private static Path input(Path dir, int records) throws Exception {
        Path file = dir.resolve("accounts.csv");
        try (InputStream in = new Generated(records)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void aRunKilledAgainAndAgainResumesWithoutLosingOrRepeatingAResult() throws Exception {
        Path dir = Batch.folder("kill9");
        Path input = input(dir, 300_000);
        Path reference = dir.resolve("reference.csv");
        Batch whole = Batch.run("batch", "--quiet", "--output", reference.toString(), input.toString());
        assertEquals(0, whole.exit(), whole.err());
        Path output = dir.resolve("results.csv");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int kills = 0;
        List<Long> sizesAtKill = new ArrayList<>();
        for (int run = 0; run < 6; run++) {
            Child child = Child.start(dir, "batch", "--quiet", "--resume", "--threads", "2", "--output", output.toString(),
                    input.toString());
            long before = Files.exists(output) ? Files.size(output) : 0;
            long deadline = System.currentTimeMillis() + 60_000;
            // kill it once it has written something past where it started, at a random moment
            while (child.alive() && System.currentTimeMillis() < deadline
                    && (!Files.exists(output) || Files.size(output) <= before)) {
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(1500));
            if (!child.alive()) {
                assertEquals(0, child.waitFor(10), child.errors());
                break;
            }
            sizesAtKill.add(Files.size(output));
            if (run % 3 == 2) { // every third one stopped as by Ctrl-C, the others killed
                int exit = child.terminate();
                assertTrue(exit == 143 || exit == 130, "stopped by SIGTERM: " + exit + " " + child.errors());
            } else {
                assertEquals(137, child.kill(), "killed by SIGKILL: " + child.errors());
            }
            kills++;
        }
        Batch last = Batch.run("batch", "--resume", "--output", output.toString(), input.toString());
        assertEquals(0, last.exit(), last.err());
        String context = "seed " + seed + ", " + kills + " stops (every third by SIGTERM, the others by SIGKILL) at output sizes " + sizesAtKill;
        assertTrue(kills >= 2, context);
        long lines = 0;
        try (BufferedReader expected = Files.newBufferedReader(reference, StandardCharsets.UTF_8);
                BufferedReader actual = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            for (String e = expected.readLine(); e != null; e = expected.readLine()) {
                lines++;
                assertEquals(e, actual.readLine(), "line " + lines + "; " + context);
            }
            assertEquals(null, actual.readLine(), "no more lines than an uninterrupted run; " + context);
        }
        assertEquals(300_001, lines, "the header and one line per record");
        assertTrue(last.err().contains("300,000 records: 300,000 diagnosed"), "the counts of every part add up: " + last.err());
        System.out.println("kill -9 and SIGTERM: " + context + "; " + lines + " lines, all equal to an uninterrupted run's");
    }

    @Test
    void aTornTailBeyondTheCheckpointIsCutOffOnResume() throws Exception {
        Path dir = Batch.folder("torn");
        Path input = input(dir, 5_000);
        Path output = dir.resolve("results.csv");
        Batch first = Batch.run("batch", "--quiet", "--output", output.toString(), input.toString());
        assertEquals(0, first.exit(), first.err());
        List<String> expected = Files.readAllLines(output, StandardCharsets.UTF_8);
        // a power cut: the checkpoint of an earlier moment, and half a line written after it
        Path checkpoint = dir.resolve("results.csv.checkpoint");
        String text = Files.readString(checkpoint);
        long cut = 0;
        for (int i = 0; i < 2_001; i++) {
            cut += (expected.get(i) + "\n").getBytes(StandardCharsets.UTF_8).length;
        }
        Files.writeString(checkpoint, text.replaceAll("\"nextOrdinal\":\\d+", "\"nextOrdinal\":2000")
                .replaceAll("\"outputBytes\":\\d+", "\"outputBytes\":" + cut)
                .replaceAll("\"diagnosed\":\\d+", "\"diagnosed\":2000").replaceAll("\"groups\":\\[.*\\]", "\"groups\":[]"));
        byte[] all = Files.readAllBytes(output);
        byte[] torn = java.util.Arrays.copyOf(all, (int) cut + 3000 + 17);
        Files.write(output, torn);
        Batch resumed = Batch.run("batch", "--resume", "--output", output.toString(), input.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(expected, Files.readAllLines(output, StandardCharsets.UTF_8));
        assertTrue(resumed.err().contains("5,000 records: 5,000 diagnosed"), resumed.err());
        Batch again = Batch.run("batch", "--resume", "--output", output.toString(), input.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(expected, Files.readAllLines(output, StandardCharsets.UTF_8), "resuming a finished run adds nothing");
        Batch other = Batch.run("batch", "--resume", "--shard", "1/2", "--output", output.toString(), input.toString());
        assertEquals(2, other.exit(), "a checkpoint of another run is refused: " + other.err());
    }

    @Test
    void shardsCoverTheInputExactlyOnce() throws Exception {
        Path dir = Batch.folder("shards");
        Path input = input(dir, 3_001);
        Batch whole = Batch.run("batch", "--quiet", "--output-format", "csv", input.toString());
        List<String> all = whole.lines().subList(1, whole.lines().size());
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int i = 0; i < 4; i++) {
            Batch part = Batch.run("batch", "--quiet", "--output-format", "csv", "--shard", i + "/4", input.toString());
            assertEquals(0, part.exit(), part.err());
            List<String> lines = part.lines().subList(1, part.lines().size());
            total += lines.size();
            union.addAll(lines);
            Batch again = Batch.run("batch", "--quiet", "--output-format", "csv", "--shard", i + "/4", input.toString());
            assertEquals(part.out(), again.out(), "a shard is the same on every run");
            for (int k = 1; k < lines.size(); k++) {
                assertTrue(Long.parseLong(lines.get(k).split(",")[0]) > Long.parseLong(lines.get(k - 1).split(",")[0]),
                        "in input order");
            }
        }
        assertEquals(all.size(), total, "no record in two shards");
        assertEquals(new HashSet<>(all), union, "every record in one");
    }
}
