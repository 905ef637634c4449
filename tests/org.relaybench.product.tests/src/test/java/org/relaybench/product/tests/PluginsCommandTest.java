package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code relaybench plugins}: what it says, and its exit codes, when something is wrong. */
class PluginsCommandTest {

    private static Product product;

    @BeforeAll
    static void copyProduct() throws Exception {
        product = Product.copy("plugins-command");
    }

    @AfterAll
    static void deleteCopies() throws Exception {
        Product.deleteCopies();
    }

    @Test
    void aFreshProductHasNoPlugins() throws Exception {
        Product.Run list = product.run("plugins", "list");
        assertEquals(0, list.exit(), list::err);
        assertEquals("Plugins (0)", list.out().strip());
        assertTrue(product.run("--help").out().contains("plugins"));
        assertTrue(product.run("plugins", "--help").out().startsWith("Usage: relaybench plugins install [--trust-key FILE|FINGERPRINT"));
    }

    @Test
    void unreachableRepositoriesAreBadInput() throws Exception {
        Product.Run missing = product.run("plugins", "install", "file:/nonexistent/relaybench-repository", "x");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("cannot load the p2 repository file:/nonexistent/relaybench-repository"),
                missing.err());
        Product.Run refused = product.run("plugins", "install", "http://127.0.0.1:1/updates/", "x");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("cannot load the p2 repository http://127.0.0.1:1/updates/"), refused.err());
    }

    @Test
    void unknownUnitsAreBadInputAndTheRepositorySaysWhatItOffers() throws Exception {
        Path relaybench = Path.of(System.getProperty("relaybench.repository"));
        Product.Run run = product.run("plugins", "install", relaybench.toUri().toString(), "org.example.nothing");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("has no org.example.nothing; it offers: "), run.err());
        assertTrue(run.err().contains("org.relaybench.sdk.feature.feature.group"), run.err());
    }

    @Test
    void unmetRequirementsAreReportedAndChangeNothing() throws Exception {
        Path repository = conflictingRepository(Files.createTempDirectory("relaybench-conflict"));
        Product.Run run = product.run("plugins", "install", repository.toUri().toString(), "org.example.conflicting");
        assertEquals(2, run.exit(), run::out);
        assertTrue(run.err().contains("cannot install org.example.conflicting.feature.group 1.0.0 into this Relaybench"),
                run.err());
        assertTrue(run.err().contains("org.relaybench.core"), "names what is missing: " + run.err());
        assertEquals("Plugins (0)", product.run("plugins", "list").out().strip());
    }

    @Test
    void removingWhatIsNoPluginIsBadInput() throws Exception {
        Product.Run unknown = product.run("plugins", "remove", "org.example.never.installed");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no plugin org.example.never.installed is installed"), unknown.err());
        Product.Run builtIn = product.run("plugins", "remove", "org.relaybench.core");
        assertEquals(2, builtIn.exit());
        assertTrue(builtIn.err().contains("org.relaybench.core is part of Relaybench itself, not a plugin"), builtIn.err());
        assertEquals(2, product.run("plugins").exit());
        assertEquals(2, product.run("plugins", "remove").exit());
        assertEquals(2, product.run("plugins", "frob").exit());
    }

    /** A p2 repository with one feature that needs a Relaybench 9 core, which no installation has. */
    private static Path conflictingRepository(Path folder) throws Exception {
        Files.writeString(folder.resolve("content.xml"), """
                <?xml version='1.0' encoding='UTF-8'?>
                <?metadataRepository version='1.2.0'?>
                <repository name='conflicting' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository' version='1'>
                  <properties size='1'><property name='p2.timestamp' value='1'/></properties>
                  <units size='1'>
                    <unit id='org.example.conflicting.feature.group' version='1.0.0'>
                      <properties size='2'>
                        <property name='org.eclipse.equinox.p2.name' value='Conflicting plugin'/>
                        <property name='org.eclipse.equinox.p2.type.group' value='true'/>
                      </properties>
                      <provides size='1'>
                        <provided namespace='org.eclipse.equinox.p2.iu' name='org.example.conflicting.feature.group' version='1.0.0'/>
                      </provides>
                      <requires size='1'>
                        <required namespace='org.eclipse.equinox.p2.iu' name='org.relaybench.core' range='[9.0.0,10.0.0)'/>
                      </requires>
                      <touchpoint id='null' version='0.0.0'/>
                    </unit>
                  </units>
                </repository>
                """);
        Files.writeString(folder.resolve("artifacts.xml"), """
                <?xml version='1.0' encoding='UTF-8'?>
                <?artifactRepository version='1.1.0'?>
                <repository name='conflicting' type='org.eclipse.equinox.p2.artifact.repository.simpleRepository' version='1'>
                  <properties size='1'><property name='p2.timestamp' value='1'/></properties>
                  <artifacts size='0'/>
                </repository>
                """);
        return folder;
    }
}
