package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What the launch script and the product do to start fast (README, "Start-up time"): the class data
 * sharing archive written at the first start, used after it, renewed for a moved installation and
 * left out on request; and the p2 plugin bundles kept by profile timestamp.
 */
class StartupTest {

    @AfterAll
    static void deleteCopies() throws Exception {
        Product.deleteCopies();
    }

    @Test
    void theFirstStartWritesAnArchiveThatLaterStartsUseWithTheSameOutput() throws Exception {
        Product product = Product.copy("startup-cds");
        assertEquals(List.of(), archives(product));

        Product.Run first = product.run("providers", "--json");
        assertEquals(0, first.exit(), first::err);
        assertEquals("", first.err(), "the archive is written without a word on standard error");
        List<Path> written = archives(product);
        assertEquals(1, written.size(), written::toString);
        assertTrue(Files.size(written.get(0)) > 1_000_000, "an archive of the classes loaded");
        try (Stream<Path> files = Files.list(written.get(0).getParent())) {
            assertEquals(1, files.count(), "no partial archive left beside it");
        }

        Product.Run later = product.run(Map.of("RELAYBENCH_VMARGS", "-Xlog:class+load=info"), "providers", "--json");
        assertEquals(0, later.exit(), later::err);
        assertTrue(later.out().contains("source: shared objects file (top)"), "classes come from the archive");
        assertTrue(later.out().contains("org.relaybench.core.providers.ProviderCatalog source: shared objects file (top)"),
                "bundle classes too, defined by Equinox's class loaders");
        assertEquals(written, archives(product), "the same archive, not a new one");
        Product.Run again = product.run("providers", "--json");
        assertEquals(first.out(), again.out());
        assertEquals(1, product.run("diagnose", "--email", "someone@aol.com", "--client", "ios-12",
                "--smtp-host", "smtp.aol.com", "--smtp-port", "587", "--smtp-security", "starttls", "--smtp-auth",
                "none", "--fail-on", "error").exit(), "exit codes pass through");
    }

    @Test
    void aMovedInstallationWritesItsOwnArchive() throws Exception {
        Product product = Product.copy("startup-moved-from");
        assertEquals(0, product.run("providers").exit());
        List<Path> before = archives(product);
        assertEquals(1, before.size());

        Path moved = product.root().resolveSibling("startup-moved-to");
        Product.deleteTree(moved);
        Files.move(product.root(), moved);
        Product copy = Product.at(moved);
        Product.Run run = copy.run("providers", "--json");
        assertEquals(0, run.exit(), run::err);
        List<Path> after = archives(copy);
        assertEquals(1, after.size(), "the archive of the old path is replaced: " + after);
        assertNotEquals(before.get(0).getFileName(), after.get(0).getFileName());
    }

    @Test
    void relaybenchCdsOffWritesNoArchive() throws Exception {
        Product product = Product.copy("startup-no-cds");
        Product.Run run = product.run(Map.of("RELAYBENCH_CDS", "off"), "providers", "--json");
        assertEquals(0, run.exit(), run::err);
        assertEquals(List.of(), archives(product));
    }

    @Test
    void theP2PluginBundlesAreKeptByProfileTimestamp() throws Exception {
        Product product = Product.copy("startup-p2-cache");
        // the first start's dropins reconciliation writes a new profile after the cache was made; from the
        // second start on the profile stays as it is, and the cache names it
        assertEquals(0, product.run("providers").exit());
        assertEquals(0, product.run("providers").exit());
        List<Path> caches;
        try (Stream<Path> files = Files.walk(product.root().resolve("configuration"))) {
            caches = files.filter(p -> p.getFileName().toString().equals("p2-plugin-bundles.txt")).toList();
        }
        assertEquals(1, caches.size(), caches::toString);
        List<String> lines = Files.readAllLines(caches.get(0), StandardCharsets.UTF_8);
        long newest;
        try (Stream<Path> profiles = Files.list(product.root()
                .resolve("p2/org.eclipse.equinox.p2.engine/profileRegistry/DefaultProfile.profile"))) {
            newest = profiles.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".profile.gz"))
                    .mapToLong(n -> Long.parseLong(n.substring(0, n.indexOf('.')))).max().orElseThrow();
        }
        assertEquals(Long.toString(newest), lines.get(1), "the newest profile's timestamp");
        assertEquals(2, lines.size(), "a fresh product has no plugin bundles: " + lines);
        assertFalse(lines.get(0).isBlank());
    }

    private static List<Path> archives(Product product) throws IOException {
        Path cds = product.root().resolve("configuration/cds");
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cds)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }
}
