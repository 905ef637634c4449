package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java runtime that jlink makes for the Linux products has every JDK module the products' bundles
 * use, as jdeps finds them in the bundles' classes, and the modules they find as services.
 */
class RuntimeModulesTest {

    /**
     * Modules jdeps reports that the runtime leaves out, with the only bundles allowed to need them: ICU's
     * doclets (javadoc tooling) and H2's Java-source functions ({@code CREATE ALIAS ... AS $$ code $$},
     * compiled at run time; the session store defines none). Neither runs in the products.
     */
    private static final Map<String, Set<String>> LEFT_OUT = Map.of("jdk.javadoc", Set.of("com.ibm.icu_"),
            "jdk.compiler", Set.of("com.ibm.icu_"), "java.compiler", Set.of("com.ibm.icu_", "com.h2database_"));

    /** Found through ServiceLoader or by name, so jdeps cannot see them (see the repository's pom.xml). */
    private static final Set<String> SERVICES = Set.of("jdk.crypto.ec", "jdk.charsets", "jdk.localedata", "jdk.zipfs",
            "jdk.unsupported");

    private static Path classes;

    @BeforeAll
    static void extractClasses() throws IOException {
        classes = Files.createTempDirectory(Path.of(System.getProperty("relaybench.work")).toAbsolutePath().getParent(),
                "jdeps");
        // the bundles' classes without module descriptors: jdeps would otherwise resolve the modular
        // jars as modules and fail on their requirements that are plain bundles (slf4j for dnsjava)
        for (String product : List.of("relaybench.headless", "relaybench.workbench")) {
            try (Stream<Path> jars = Files.list(Path.of(System.getProperty(product), "plugins"))) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    String name = jar.getFileName().toString();
                    Path into = classes.resolve(name.substring(0, name.length() - ".jar".length()));
                    if (!Files.exists(into)) {
                        extract(jar, into);
                    }
                }
            }
        }
    }

    @AfterAll
    static void deleteClasses() throws IOException {
        Product.deleteTree(classes);
    }

    @Test
    void theRuntimeHasEveryModuleJdepsFindsInTheBundles() throws Exception {
        Map<String, Set<String>> usedBy = jdepsSummary();
        assertTrue(usedBy.containsKey("java.sql") && usedBy.containsKey("java.desktop"), usedBy::toString);
        Set<String> runtime = runtimeModules();
        Map<String, Set<String>> missing = new TreeMap<>();
        usedBy.forEach((module, bundles) -> {
            if (!runtime.contains(module)) {
                Set<String> allowed = LEFT_OUT.getOrDefault(module, Set.of());
                if (bundles.stream().anyMatch(b -> allowed.stream().noneMatch(b::startsWith))) {
                    missing.put(module, bundles);
                }
            }
        });
        assertEquals(Map.of(), missing, "modules the products use that are not in jre/ (runtime.modules in "
                + "releng/org.relaybench.repository/pom.xml)");
    }

    @Test
    void theRuntimeHasTheModulesFoundAsServices() throws Exception {
        Set<String> runtime = runtimeModules();
        assertTrue(runtime.containsAll(SERVICES), runtime::toString);
        assertTrue(LEFT_OUT.keySet().stream().noneMatch(runtime::contains), runtime::toString);
    }

    /** The modules of the runtime in the Linux headless product, from its {@code release} file. */
    private static Set<String> runtimeModules() throws IOException {
        Path release = Path.of(System.getProperty("relaybench.headless"), "jre", "release");
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            if (line.startsWith("MODULES=")) {
                return new TreeSet<>(List.of(line.substring("MODULES=".length()).replace("\"", "").split(" ")));
            }
        }
        throw new AssertionError("no MODULES in " + release);
    }

    /** jdeps' summary: each JDK module the bundles depend on, with the bundles that do. */
    private static Map<String, Set<String>> jdepsSummary() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jdeps").toString(),
                "-summary", "--ignore-missing-deps"));
        try (Stream<Path> dirs = Files.list(classes)) {
            dirs.sorted().forEach(d -> command.add(d.toString()));
        }
        Process jdeps = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jdeps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jdeps.waitFor(300, TimeUnit.SECONDS), "jdeps did not finish");
        assertEquals(0, jdeps.exitValue(), out);
        Map<String, Set<String>> usedBy = new TreeMap<>();
        for (String line : out.split("\n")) {
            // "com.h2database_2.3.232 -> java.sql"
            String[] parts = line.strip().split(" -> ");
            if (parts.length == 2 && (parts[1].startsWith("java.") || parts[1].startsWith("jdk."))) {
                usedBy.computeIfAbsent(parts[1], m -> new TreeSet<>()).add(parts[0]);
            }
        }
        return usedBy;
    }

    private static void extract(Path jar, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")
                        || name.endsWith("module-info.class") || name.contains("..")) {
                    continue;
                }
                Path target = into.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
    }
}
