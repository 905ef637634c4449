package org.relaybench.tests.common.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A server's runtime folder with a short name directly under {@code /tmp}, made anew for each run:
 * Unix-domain sockets live there, whose paths are limited to 107 bytes (PostgreSQL, Dovecot and
 * Postfix all refuse a longer one), and so do files that the servers' unprivileged users must reach.
 * The server's configuration and logs stay in the test module's {@code target/}, however deep the
 * checkout; only this folder's path goes into the configuration.
 *
 * <p>The folder's path is noted in a breadcrumb file in the server's own folder, so that the next
 * run can stop what an interrupted run left running there ({@link ServerProcess#stopStale}) and
 * delete the folder.
 */
final class ShortDir {

    private ShortDir() {
    }

    /**
     * Makes a new folder {@code /tmp/<prefix>NNNN} (readable and searchable by everyone, for the
     * servers' own users) and notes it in {@code breadcrumb}.
     *
     * @param prefix a short prefix, e.g. {@code rb-pg}
     * @param breadcrumb the file in the server's folder that names the folder
     * @return the new folder
     * @throws IOException when it cannot be made
     */
    static Path create(String prefix, Path breadcrumb) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(breadcrumb.getParent());
        Files.writeString(breadcrumb, dir.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * @param breadcrumb the file a previous {@link #create} wrote
     * @return the folder a previous run made, if it is still there
     */
    static Optional<Path> previous(Path breadcrumb) {
        try {
            if (!Files.isRegularFile(breadcrumb)) {
                return Optional.empty();
            }
            Path dir = Path.of(Files.readString(breadcrumb, StandardCharsets.UTF_8).trim());
            return dir.startsWith("/tmp") && Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + breadcrumb, e);
        }
    }

    /**
     * Deletes a folder and everything in it, and the breadcrumb that names it.
     *
     * @param dir the folder
     * @param breadcrumb its breadcrumb
     * @throws IOException when something cannot be deleted
     */
    static void delete(Path dir, Path breadcrumb) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Files.deleteIfExists(breadcrumb);
    }
}
