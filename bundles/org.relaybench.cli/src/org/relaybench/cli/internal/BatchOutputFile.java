package org.relaybench.cli.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.relaybench.session.batch.BatchCheckpoint;
import org.relaybench.session.batch.BatchSummary;

/**
 * Where results go: standard output, or a file with a checkpoint beside it. A checkpoint is
 * written only after the output before it is on disk, so the output's first
 * {@code outputBytes} bytes are always whole results.
 */
final class BatchOutputFile implements AutoCloseable {

    private final OutputStream stream;
    private final FileChannel channel;
    private final Path checkpointFile;
    private final String run;
    private final Optional<BatchCheckpoint> checkpoint;
    private long written;

    private BatchOutputFile(OutputStream stream, FileChannel channel, Path checkpointFile, String run,
            Optional<BatchCheckpoint> checkpoint, long written) {
        this.stream = stream;
        this.channel = channel;
        this.checkpointFile = checkpointFile;
        this.run = run;
        this.checkpoint = checkpoint;
        this.written = written;
    }

    static BatchOutputFile open(String output, PrintStream out, boolean resume, String run) throws IOException, UsageException {
        if (output.equals("-")) {
            return new BatchOutputFile(out, null, null, run, Optional.empty(), 0);
        }
        Path file = Path.of(output);
        Path checkpointFile = BatchCheckpoint.beside(file);
        Optional<BatchCheckpoint> checkpoint = Optional.empty();
        if (resume) {
            try {
                checkpoint = BatchCheckpoint.read(checkpointFile);
            } catch (IOException e) {
                throw new UsageException("--resume: " + e.getMessage());
            }
            if (checkpoint.isPresent() && !checkpoint.get().run().equals(run)) {
                throw new UsageException("--resume: " + output + " is the output of another run (" + checkpoint.get().run()
                        + "), not of this one (" + run + ")");
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long keep = checkpoint.map(BatchCheckpoint::outputBytes).orElse(0L);
        if (channel.size() < keep) {
            channel.close();
            throw new UsageException("--resume: " + output + " is shorter than its checkpoint says: it was changed");
        }
        channel.truncate(keep);
        channel.position(keep);
        if (checkpoint.isEmpty()) {
            Files.deleteIfExists(checkpointFile);
        }
        return new BatchOutputFile(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), channel,
                checkpointFile, run, checkpoint, keep);
    }

    Optional<BatchCheckpoint> checkpoint() {
        return checkpoint;
    }

    void write(byte[] bytes) throws IOException {
        stream.write(bytes);
        written += bytes.length;
    }

    /** Makes what was written durable and records it: the records before nextOrdinal are done. */
    void commit(long nextOrdinal, BatchSummary summary) throws IOException {
        stream.flush();
        if (channel != null) {
            channel.force(false);
            BatchCheckpoint.of(run, nextOrdinal, written, summary).write(checkpointFile);
        }
    }

    @Override
    public void close() throws IOException {
        stream.flush();
        if (channel != null) {
            stream.close();
        }
    }
}
