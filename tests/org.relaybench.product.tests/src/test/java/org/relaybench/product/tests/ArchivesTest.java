package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The product archives IT hands out unpack with GNU tar, quietly, into a product that starts. */
class ArchivesTest {

    @ParameterizedTest
    @CsvSource({ "org.relaybench.headless-linux.gtk.x86_64.tar.gz, relaybench, relaybench",
            "org.relaybench.workbench-linux.gtk.x86_64.tar.gz, relaybench-workbench, relaybench-workbench" })
    void gnuTarUnpacksTheArchiveWithoutAWord(String archive, String folder, String script) throws Exception {
        Path file = Path.of(System.getProperty("relaybench.archives")).resolve(archive);
        assertTrue(Files.isRegularFile(file), "no archive " + file);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("relaybench.work")).toAbsolutePath().getParent(),
                "unpacked");
        try {
            Process tar = new ProcessBuilder("tar", "xzf", file.toString(), "-C", dir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(tar.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(tar.waitFor(120, TimeUnit.SECONDS), "tar did not finish");
            assertEquals(0, tar.exitValue(), err);
            assertEquals("", err, "tar's complaints");
            Path root = dir.resolve(folder);
            Path launcher = root.resolve(script);
            assertTrue(Files.isExecutable(launcher), "no executable " + folder + "/" + script + " in the archive: "
                    + list(dir));
            try (Stream<Path> plugins = Files.list(root.resolve("plugins"))) {
                assertTrue(plugins.anyMatch(p -> p.getFileName().toString().startsWith("org.relaybench.session_")),
                        "the support-session service is in the product");
            }
        } finally {
            Product.deleteTree(dir);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
