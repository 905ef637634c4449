package org.relaybench.providers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaybench.providers.imap.internal.IspdbConfig;
import org.relaybench.providers.imap.internal.IspdbDirectory;
import org.relaybench.providers.imap.internal.IspdbException;
import org.relaybench.providers.imap.internal.IspdbIndex;
import org.relaybench.providers.imap.internal.IspdbParser;

/** The configured ISPDB folder: indexing, broken files, configuration and reloading. */
class IspdbDirectoryTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path temp;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);

    private IspdbDirectory directory(Path folder) {
        return new IspdbDirectory(() -> Optional.of(folder), clock::get);
    }

    @Test
    void sharedSamplesAreIndexedByEveryDomain() throws Exception {
        IspdbIndex index = directory(Fixtures.ispdbFolder()).index();
        assertEquals(9, index.configs().size(), index::toString);
        assertEquals(List.of(), index.problems());
        assertEquals("att.net", index.lookup("sbcglobal.net").orElseThrow().id());
        assertEquals("googlemail.com", index.lookup("gmail.com").orElseThrow().id());
        assertEquals("yahoo.com", index.lookup("cox.net").orElseThrow().id());
        assertEquals("comcast.net", index.lookup("COMCAST.NET.").orElseThrow().id(), "case and trailing dot ignored");
        assertTrue(index.lookup("comcast.net").orElseThrow().source().endsWith("comcast.net.xml"));
        assertEquals(Optional.empty(), index.lookup("example.org"));
        assertEquals(Optional.empty(), index.lookup(""));
    }

    @Test
    void notConfiguredMeansEmpty() {
        IspdbDirectory none = new IspdbDirectory(Optional::empty, clock::get);
        assertSame(IspdbIndex.EMPTY, none.index());
        assertEquals(Optional.empty(), none.lookup("comcast.net"));
        assertEquals(List.of(), none.index().problems());
    }

    @Test
    void configurationComesFromPropertyThenEnvironment() {
        assertEquals(Optional.of(Path.of("/p")), IspdbDirectory.configuredFolder("/p", "/e"));
        assertEquals(Optional.of(Path.of("/e")), IspdbDirectory.configuredFolder(null, "/e"));
        assertEquals(Optional.of(Path.of("/e")), IspdbDirectory.configuredFolder("  ", "/e"));
        assertEquals(Optional.empty(), IspdbDirectory.configuredFolder(null, null));
        assertEquals(Optional.empty(), IspdbDirectory.configuredFolder("", " "));
        String before = System.getProperty(IspdbDirectory.PROPERTY);
        try {
            System.setProperty(IspdbDirectory.PROPERTY, temp.toString());
            assertEquals(Optional.of(temp), IspdbDirectory.configuredFolder());
        } finally {
            restore(before);
        }
    }

    @Test
    void brokenFilesAreReportedAndTheRestLoads() throws Exception {
        copySamples();
        Files.writeString(temp.resolve("malformed.example.xml"), """
                <clientConfig version="1.1">
                  <emailProvider id="malformed.example">
                    <domain>malformed.example</domain>
                  </emailProvider
                </clientConfig>
                """);
        Files.writeString(temp.resolve("xxe.example.xml"), """
                <!DOCTYPE clientConfig [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <clientConfig><emailProvider id="xxe.example"><domain>xxe.example</domain>
                <displayName>&xxe;</displayName></emailProvider></clientConfig>
                """);
        Files.write(temp.resolve("huge.example.xml"), new byte[IspdbParser.MAX_BYTES + 1]);
        Files.writeString(temp.resolve("README.txt"), "not an ISPDB file, not read");
        Files.createDirectory(temp.resolve("subfolder.xml"));

        IspdbIndex index = directory(temp).index();

        assertEquals(9, index.configs().size(), "every good sample loads: " + index);
        assertEquals("comcast.net", index.lookup("comcast.net").orElseThrow().id());
        List<IspdbException> problems = index.problems();
        assertEquals(3, problems.size(), problems::toString);
        IspdbException huge = problem(problems, "huge.example.xml");
        assertTrue(huge.reason().contains("larger than 1 MiB"), huge.getMessage());
        IspdbException malformed = problem(problems, "malformed.example.xml");
        assertEquals(5, malformed.line(), malformed.getMessage());
        assertTrue(malformed.getMessage().startsWith(temp.resolve("malformed.example.xml") + ":5: "),
                malformed.getMessage());
        IspdbException xxe = problem(problems, "xxe.example.xml");
        assertTrue(xxe.reason().contains("DOCTYPE"), xxe.getMessage());
        assertEquals(Optional.empty(), index.lookup("xxe.example"));
        assertEquals(Optional.empty(), index.lookup("malformed.example"));
    }

    @Test
    void missingFolderIsAProblemNotAFailure() {
        Path missing = temp.resolve("no-such-folder");
        IspdbIndex index = directory(missing).index();
        assertEquals(List.of(), index.configs());
        assertEquals(1, index.problems().size());
        String message = index.problems().get(0).getMessage();
        assertEquals(missing + ": cannot be read as a folder of ISPDB files: it does not exist", message);
    }

    @Test
    void changesAreSeenAtMostOncePerSecond() throws Exception {
        copy("comcast.net.xml");
        IspdbDirectory directory = directory(temp);
        IspdbConfig comcast = directory.lookup("comcast.net").orElseThrow();
        assertEquals(Optional.empty(), directory.lookup("verizon.net"));

        copy("verizon.net.xml");
        clock.addAndGet(SECOND - 1);
        assertEquals(Optional.empty(), directory.lookup("verizon.net"), "checked less than a second ago");
        clock.addAndGet(1);
        assertEquals("verizon.net", directory.lookup("verizon.net").orElseThrow().id());
        assertSame(comcast, directory.lookup("comcast.net").orElseThrow(), "an unchanged file is not read again");

        Path file = temp.resolve("comcast.net.xml");
        Files.writeString(file, Files.readString(file).replace("smtp.comcast.net", "submission.comcast.net"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        clock.addAndGet(SECOND);
        IspdbConfig changed = directory.lookup("comcast.net").orElseThrow();
        assertNotSame(comcast, changed);
        assertEquals("submission.comcast.net", changed.smtp().get(0).hostname());

        Files.delete(temp.resolve("verizon.net.xml"));
        assertEquals("verizon.net", directory.lookup("verizon.net").orElseThrow().id(), "not checked yet");
        assertEquals(Optional.empty(), directory.refresh().lookup("verizon.net"), "refresh checks at once");
    }

    @Test
    void folderChangeIsFollowed() throws Exception {
        AtomicReference<Optional<Path>> configured = new AtomicReference<>(Optional.empty());
        IspdbDirectory directory = new IspdbDirectory(configured::get, clock::get);
        assertEquals(Optional.empty(), directory.lookup("comcast.net"));
        configured.set(Optional.of(Fixtures.ispdbFolder()));
        clock.addAndGet(SECOND);
        assertEquals("comcast.net", directory.lookup("comcast.net").orElseThrow().id());
        configured.set(Optional.of(temp));
        clock.addAndGet(SECOND);
        assertEquals(Optional.empty(), directory.lookup("comcast.net"), "the empty new folder replaces the old");
    }

    @Test
    void concurrentLookupsWhileFilesChange() throws Exception {
        copySamples();
        IspdbDirectory directory = new IspdbDirectory(() -> Optional.of(temp), System::nanoTime);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                readers.add(pool.submit(() -> {
                    int found = 0;
                    for (int i = 0; i < 20_000; i++) {
                        if (directory.lookup("comcast.net").isPresent()) {
                            found++;
                        }
                    }
                    return found;
                }));
            }
            for (int i = 0; i < 20; i++) {
                Files.writeString(temp.resolve("extra" + i + ".example.xml"), "<clientConfig><emailProvider id=\"e"
                        + i + "\"><domain>extra" + i + ".example</domain></emailProvider></clientConfig>");
                directory.refresh();
            }
            for (Future<Integer> reader : readers) {
                assertEquals(20_000, reader.get(60, TimeUnit.SECONDS), "comcast.net stays visible throughout");
            }
            assertEquals("e19", directory.refresh().lookup("extra19.example").orElseThrow().id());
        } finally {
            pool.shutdownNow();
        }
    }

    private static IspdbException problem(List<IspdbException> problems, String fileName) {
        return problems.stream().filter(p -> p.file().endsWith(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + fileName + " in " + problems));
    }

    private void copySamples() throws IOException {
        for (String name : List.of("aol.com.xml", "att.net.xml", "comcast.net.xml", "googlemail.com.xml",
                "hotmail.com.xml", "me.com.xml", "office365.com.xml", "verizon.net.xml", "yahoo.com.xml")) {
            copy(name);
        }
    }

    private void copy(String name) throws IOException {
        Files.copy(Fixtures.ispdbFile(name), temp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(IspdbDirectory.PROPERTY);
        } else {
            System.setProperty(IspdbDirectory.PROPERTY, value);
        }
    }
}
