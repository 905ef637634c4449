package org.relaybench.tests.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A test bundle's scratch folder: the system property {@code relaybench.scratch} (each test module's
 * pom points it under its {@code target/}), else {@code target/scratch}.
 */
public final class Scratch {

    private Scratch() {
    }

    /**
     * @param name a folder name
     * @return a fresh, empty folder of that name under the scratch folder
     * @throws IOException when it cannot be emptied or made
     */
    public static Path fresh(String name) throws IOException {
        Path dir = dir(name);
        delete(dir);
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * @param name a folder name
     * @return that folder under the scratch folder, absolute, whether it exists or not
     */
    public static Path dir(String name) {
        return Path.of(System.getProperty("relaybench.scratch", "target/scratch")).toAbsolutePath().resolve(name);
    }

    /**
     * Deletes a folder with everything in it; nothing happens when it does not exist.
     *
     * @param dir the folder
     * @throws IOException when something in it cannot be deleted
     */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
