package org.relaybench.store.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The tests' scratch folder, {@code target/store-work}. */
final class Work {

    private Work() {
    }

    /** @return a fresh, empty folder of that name under the scratch folder */
    static Path fresh(String name) throws IOException {
        Path dir = dir(name);
        delete(dir);
        Files.createDirectories(dir);
        return dir;
    }

    static Path dir(String name) {
        return Path.of(System.getProperty("relaybench.store.work", "target/store-work")).toAbsolutePath().resolve(name);
    }

    static void delete(Path dir) throws IOException {
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
