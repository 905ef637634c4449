package org.relaybench.session.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * How far a batch run got, so that an interrupted run (Ctrl-C, {@code kill -9}, a power cut) can
 * resume without losing or repeating results: the results of the records before {@code nextOrdinal}
 * are the first {@code outputBytes} bytes of the output, written to disk before this checkpoint was.
 * A resumed run cuts the output back to that length, skips those records, and adds the counts.
 * <p>
 * Written beside the output ({@code OUTPUT.checkpoint}) as a small JSON file, replaced atomically:
 * the file on disk is always a whole checkpoint, the last or the one before.
 *
 * @param schema {@value #SCHEMA}
 * @param run what the run was started with (input, shard, formats), to refuse resuming another run
 * @param nextOrdinal the first record not yet committed (its ordinal)
 * @param outputBytes the output's committed length
 * @param diagnosed committed diagnosed records
 * @param invalid committed invalid records
 * @param failed committed failed records
 * @param errors committed records with a finding of severity error
 * @param warnings committed records whose worst finding is a warning
 * @param groups committed diagnosed records by provider and first finding
 * @since 0.1
 */
public record BatchCheckpoint(String schema, String run, long nextOrdinal, long outputBytes, long diagnosed, long invalid,
        long failed, long errors, long warnings, List<BatchSummary.Group> groups) {

    /** The schema of the checkpoint file. */
    public static final String SCHEMA = "relaybench.batch-checkpoint/1";

    private static final Gson GSON = new Gson();

    public BatchCheckpoint {
        Objects.requireNonNull(run, "run");
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * @param run what the run was started with
     * @param nextOrdinal the first record not yet committed
     * @param outputBytes the output's committed length
     * @param summary the committed figures
     * @return the checkpoint
     */
    public static BatchCheckpoint of(String run, long nextOrdinal, long outputBytes, BatchSummary summary) {
        return new BatchCheckpoint(SCHEMA, run, nextOrdinal, outputBytes, summary.diagnosed(), summary.invalid(),
                summary.failed(), summary.errors(), summary.warnings(), new ArrayList<>(summary.groups()));
    }

    /**
     * @param output the run's output file
     * @return where its checkpoint is kept
     */
    public static Path beside(Path output) {
        return output.resolveSibling(output.getFileName() + ".checkpoint");
    }

    /**
     * @param file a checkpoint file
     * @return the checkpoint, or empty when there is none
     * @throws IOException when it cannot be read or is not a checkpoint
     */
    public static Optional<BatchCheckpoint> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            BatchCheckpoint c = GSON.fromJson(text, BatchCheckpoint.class);
            if (c == null || !SCHEMA.equals(c.schema())) {
                throw new IOException(file + " is not a batch checkpoint");
            }
            return Optional.of(new BatchCheckpoint(c.schema(), c.run(), c.nextOrdinal(), c.outputBytes(), c.diagnosed(),
                    c.invalid(), c.failed(), c.errors(), c.warnings(), c.groups()));
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + " is not a batch checkpoint: " + e.getMessage(), e);
        }
    }

    /** Puts the figures of the committed records into a summary. */
    public void addTo(BatchSummary summary) {
        summary.add(diagnosed, invalid, failed, errors, warnings);
        groups.forEach(summary::add);
    }

    /**
     * Writes the checkpoint durably: to a file beside, forced to disk, then moved over the old one.
     *
     * @param file the checkpoint file
     * @throws IOException when it cannot be written; the old checkpoint is then still there
     */
    public void write(Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel c = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            c.write(StandardCharsets.UTF_8.encode(GSON.toJson(this)));
            c.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
