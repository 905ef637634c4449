package org.relaybench.cli.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.relaybench.session.batch.BatchCheckpoint;
import org.relaybench.session.batch.BatchSummary;

/**
 * Where results go: standard output, or a file with a checkpoint beside it. A checkpoint is
 * written only after the output before it is on disk, so the output's first
 * {@code outputBytes} bytes are always whole results.
 * <p>
 * Forcing the output to disk takes as long as the disk needs (a second or more for the megabytes of
 * 2,000 JSON results on a busy disk), so {@link #checkpoint(long, BatchSummary)} leaves it to a thread
 * of its own while results go on being written: one checkpoint at a time; one asked for while another
 * is being written waits, and a newer one replaces it. {@link #commit} waits for all of it.
 */
final class BatchOutputFile implements AutoCloseable {

    private final OutputStream stream;
    private final FileChannel channel;
    private final Path checkpointFile;
    private final String run;
    private final Optional<BatchCheckpoint> checkpoint;
    private long written;
    /** Forces the output and writes checkpoints, one at a time; only with a channel. */
    private final ExecutorService committer;
    /** The newest checkpoint not yet written; the committer takes it. */
    private final AtomicReference<BatchCheckpoint> waiting = new AtomicReference<>();
    private volatile IOException failure;

    private BatchOutputFile(OutputStream stream, FileChannel channel, Path checkpointFile, String run,
            Optional<BatchCheckpoint> checkpoint, long written) {
        this.stream = stream;
        this.channel = channel;
        this.checkpointFile = checkpointFile;
        this.run = run;
        this.checkpoint = checkpoint;
        this.written = written;
        this.committer = channel == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "relaybench-batch-checkpoint");
            t.setDaemon(true);
            return t;
        });
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

    /**
     * Makes what was written durable and records it, in the background: the records before
     * nextOrdinal are done.
     *
     * @throws IOException when an earlier checkpoint failed
     */
    void checkpoint(long nextOrdinal, BatchSummary summary) throws IOException {
        stream.flush(); // into the channel: what the committer forces
        if (channel == null) {
            return;
        }
        rethrow();
        waiting.set(BatchCheckpoint.of(run, nextOrdinal, written, summary));
        committer.execute(() -> {
            BatchCheckpoint c = waiting.getAndSet(null);
            if (c != null && failure == null) {
                try {
                    write(c);
                } catch (IOException e) {
                    failure = e;
                }
            }
        });
    }

    /** Makes what was written durable and records it, now: the records before nextOrdinal are done. */
    void commit(long nextOrdinal, BatchSummary summary) throws IOException {
        stream.flush();
        if (channel != null) {
            awaitCheckpoints();
            write(BatchCheckpoint.of(run, nextOrdinal, written, summary));
        }
    }

    private void write(BatchCheckpoint c) throws IOException {
        channel.force(false);
        c.write(checkpointFile);
    }

    private void awaitCheckpoints() throws IOException {
        try {
            committer.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a checkpoint was written");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw new IOException("cannot write the checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (committer != null) {
            // not interrupted: an interrupt in FileChannel.force would close the channel under the output
            committer.shutdown();
            try {
                committer.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stream.flush();
        if (channel != null) {
            stream.close();
        }
    }
}
