package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The product archives IT hands out, one per desktop and product: each holds its platform's SWT
 * fragment, launch scripts and native libraries and no other platform's, and the Linux ones their
 * own Java runtime. The {@code .tar.gz} archives unpack with GNU tar, quietly, into a product that
 * starts.
 */
class ArchivesTest {

    /** The desktops the products are built for, with what belongs to each. */
    enum Desktop {
        LINUX("linux.gtk.x86_64", ".tar.gz", "org.eclipse.swt.gtk.linux.x86_64", "", "relaybench",
                "relaybench-workbench", Set.of(".so")),
        WINDOWS("win32.win32.x86_64", ".zip", "org.eclipse.swt.win32.win32.x86_64", "", "relaybench.cmd",
                "relaybench-workbench.cmd", Set.of(".dll", ".exe")),
        MACOS_ARM("macosx.cocoa.aarch64", ".tar.gz", "org.eclipse.swt.cocoa.macosx.aarch64", ".app/Contents/Eclipse",
                "relaybench", "relaybench-workbench", Set.of(".dylib", ".jnilib")),
        MACOS_INTEL("macosx.cocoa.x86_64", ".tar.gz", "org.eclipse.swt.cocoa.macosx.x86_64", ".app/Contents/Eclipse",
                "relaybench", "relaybench-workbench", Set.of(".dylib", ".jnilib"));

        static final Set<String> NATIVES = Set.of(".so", ".dll", ".exe", ".dylib", ".jnilib");
        static final List<String> SWT_FRAGMENTS = List.of("org.eclipse.swt.gtk.", "org.eclipse.swt.win32.",
                "org.eclipse.swt.cocoa.");
        static final Set<String> SCRIPTS = Set.of("relaybench", "relaybench-workbench", "relaybench.cmd",
                "relaybench-workbench.cmd");

        final String env;
        final String extension;
        final String swt;
        final String install;
        final String headlessScript;
        final String workbenchScript;
        final Set<String> natives;

        /**
         * @param install where the product is in its root folder: on macOS, Tycho makes an application
         *            bundle, {@code relaybench.app/Contents/Eclipse}
         */
        Desktop(String env, String extension, String swt, String install, String headlessScript,
                String workbenchScript, Set<String> natives) {
            this.env = env;
            this.extension = extension;
            this.swt = swt;
            this.install = install;
            this.headlessScript = headlessScript;
            this.workbenchScript = workbenchScript;
            this.natives = natives;
        }

        Archive headless() {
            return Archive.named("org.relaybench.headless-" + env + extension);
        }

        Archive workbench() {
            return Archive.named("org.relaybench.workbench-" + env + extension);
        }

        /** The installed product's folder in the archive. */
        String folder(String root) {
            return root + install;
        }

        boolean windows() {
            return this == WINDOWS;
        }
    }

    @ParameterizedTest
    @EnumSource(Desktop.class)
    void theWorkbenchArchiveHoldsItsPlatformsFragmentAndNoOthers(Desktop desktop) throws Exception {
        List<Archive.Entry> entries = desktop.workbench().entries();
        String folder = desktop.folder("relaybench-workbench");
        assertOneRootFolder(entries, "relaybench-workbench" + (desktop.install.isEmpty() ? "" : ".app"));
        List<String> plugins = plugins(entries, folder);
        List<String> fragments = plugins.stream().filter(p -> Desktop.SWT_FRAGMENTS.stream().anyMatch(p::startsWith))
                .toList();
        assertEquals(1, fragments.size(), fragments::toString);
        assertTrue(fragments.get(0).startsWith(desktop.swt + "_"), fragments::toString);
        assertTrue(plugins.stream().anyMatch(p -> p.startsWith("org.eclipse.swt_")), "the SWT host bundle");
        assertTrue(plugins.stream().anyMatch(p -> p.startsWith("org.relaybench.ui_")), plugins::toString);
        assertOnlyItsNatives(desktop, entries);
        assertOnlyItsScripts(desktop, entries, folder, desktop.workbenchScript);
    }

    @ParameterizedTest
    @EnumSource(Desktop.class)
    void theHeadlessArchiveHoldsNoSwtAndOnlyItsScripts(Desktop desktop) throws Exception {
        List<Archive.Entry> entries = desktop.headless().entries();
        String folder = desktop.folder("relaybench");
        assertOneRootFolder(entries, "relaybench" + (desktop.install.isEmpty() ? "" : ".app"));
        List<String> plugins = plugins(entries, folder);
        assertTrue(plugins.stream().anyMatch(p -> p.startsWith("org.relaybench.cli_")), plugins::toString);
        assertTrue(plugins.stream().noneMatch(p -> p.startsWith("org.eclipse.swt")), plugins::toString);
        assertOnlyItsNatives(desktop, entries);
        assertOnlyItsScripts(desktop, entries, folder, desktop.headlessScript);
    }

    @ParameterizedTest
    @EnumSource(value = Desktop.class, names = { "LINUX", "MACOS_ARM", "MACOS_INTEL" })
    void theShellScriptsStartJavaWithTheirPlatformsOptions(Desktop desktop) throws Exception {
        String headless = desktop.headless().read(desktop.folder("relaybench") + "/relaybench").orElseThrow();
        assertTrue(headless.startsWith("#!/bin/sh\n"), headless);
        assertTrue(headless.contains("java=\"$here/jre/bin/java\""), "the product's own runtime first");
        assertTrue(headless.contains("-XX:TieredStopAtLevel=1"), "C1 only for short commands");
        assertTrue(headless.contains("-XX:ArchiveClassesAtExit=") && headless.contains("-XX:SharedArchiveFile="),
                "the class data sharing archive");
        assertTrue(headless.contains("-application org.relaybench.cli.app -nosplash \"$@\""), headless);

        String folder = desktop.folder("relaybench-workbench");
        String workbench = desktop.workbench().read(folder + "/relaybench-workbench").orElseThrow();
        assertTrue(workbench.contains("java=\"$here/jre/bin/java\""), "the product's own runtime first");
        assertTrue(workbench.contains("-application org.relaybench.ui.application -nosplash \"$@\""), workbench);
        assertTrue(workbench.contains(" -XX:TieredStopAtLevel=1 ${RELAYBENCH_VMARGS:-} -jar"),
                "C1 only for the time to the window, before the agent's own options: " + workbench);
        boolean firstThread = workbench.contains("\"$java\" -XstartOnFirstThread ");
        assertEquals(desktop != Desktop.LINUX, firstThread, "SWT on Cocoa needs the first thread; GTK must not have it");
    }

    @ParameterizedTest
    @EnumSource(value = Desktop.class, names = { "MACOS_ARM", "MACOS_INTEL" })
    void theMacWorkbenchIsAnApplicationBundleTheFinderStarts(Desktop desktop) throws Exception {
        Archive archive = desktop.workbench();
        String plist = archive.read("relaybench-workbench.app/Contents/Info.plist").orElseThrow();
        assertTrue(plist.contains("<key>CFBundleExecutable</key><string>Relaybench</string>"), plist);
        assertFalse(plist.contains("@VERSION@"), plist);
        assertTrue(archive.entries().contains(new Archive.Entry("relaybench-workbench.app/Contents/MacOS/Relaybench", true)));
        String executable = archive.read("relaybench-workbench.app/Contents/MacOS/Relaybench").orElseThrow();
        assertTrue(executable.contains("/../Eclipse\" && pwd -P)/relaybench-workbench\" \"$@\""), executable);
    }

    @ParameterizedTest
    @CsvSource({ "relaybench/relaybench.cmd, java.exe, \"%java%\" -Xshare:auto %short% %RELAYBENCH_VMARGS% -jar",
            "relaybench-workbench/relaybench-workbench.cmd, javaw.exe, start \"Relaybench\" \"%javaw%\" -XX:TieredStopAtLevel=1 %RELAYBENCH_VMARGS% -jar" })
    void theWindowsScriptsStartJavaOrJavaw(String script, String java, String commandLine) throws Exception {
        Archive archive = script.startsWith("relaybench/") ? Desktop.WINDOWS.headless() : Desktop.WINDOWS.workbench();
        String text = archive.read(script).orElseThrow(() -> new AssertionError("no " + script));
        assertTrue(text.startsWith("@echo off\r\n"), text);
        assertEquals(text.split("\n", -1).length, text.split("\r\n", -1).length, "CRLF line ends only");
        assertTrue(text.contains("\\jre\\bin\\" + java + "\""), "the product's own runtime first");
        assertTrue(text.contains("%JAVA_HOME%\\bin\\" + java + "\""), "else JAVA_HOME");
        List<String> starts = text.lines().filter(l -> l.contains(" -jar \"%launcher%\"")).toList();
        assertEquals(1, starts.size(), text);
        assertTrue(starts.get(0).startsWith(commandLine), starts.get(0));
        assertTrue(starts.get(0).endsWith(" -nosplash %*"), "the arguments, as given: " + starts.get(0));
        if (java.equals("java.exe")) {
            assertTrue(text.contains("set \"short=-XX:TieredStopAtLevel=1\""), "C1 only for short commands");
            assertTrue(text.contains("if /i \"%~1\"==\"batch\" set \"short=\""), "but not for batch");
        } else {
            assertFalse(text.contains("java.exe"), "no console: javaw only");
        }
    }

    @ParameterizedTest
    @CsvSource({ "relaybench, org.relaybench.headless-linux.gtk.x86_64.tar.gz",
            "relaybench-workbench, org.relaybench.workbench-linux.gtk.x86_64.tar.gz" })
    void theLinuxArchivesCarryTheirJavaRuntime(String folder, String name) throws Exception {
        List<Archive.Entry> entries = Archive.named(name).entries();
        assertTrue(entries.contains(new Archive.Entry(folder + "/jre/bin/java", true)), "an executable jre/bin/java");
        assertTrue(entries.stream().anyMatch(e -> e.name().equals(folder + "/jre/lib/server/libjvm.so")));
        assertTrue(entries.stream().anyMatch(e -> e.name().equals(folder + "/jre/lib/server/classes.jsa")),
                "the runtime's default class data sharing archive, which the product's own archive builds on");
        assertTrue(Archive.named(name).read(folder + "/jre/release").orElseThrow().contains("jdk.crypto.ec"));
    }

    @ParameterizedTest
    @CsvSource({ "org.relaybench.headless-linux.gtk.x86_64.tar.gz, relaybench, relaybench",
            "org.relaybench.workbench-linux.gtk.x86_64.tar.gz, relaybench-workbench, relaybench-workbench",
            "org.relaybench.headless-macosx.cocoa.aarch64.tar.gz, relaybench.app/Contents/Eclipse, relaybench",
            "org.relaybench.workbench-macosx.cocoa.x86_64.tar.gz, relaybench-workbench.app/Contents/Eclipse, relaybench-workbench" })
    void gnuTarUnpacksTheArchiveWithoutAWord(String archive, String folder, String script) throws Exception {
        Path file = Archive.named(archive).file();
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

    /** Everything in the archive is in the product's root folder. */
    private static void assertOneRootFolder(List<Archive.Entry> entries, String root) {
        List<String> outside = entries.stream().map(Archive.Entry::name).filter(n -> !n.startsWith(root + "/")).toList();
        assertEquals(List.of(), outside, "outside " + root + "/");
    }

    /** The file names under {@code folder/plugins/}. */
    private static List<String> plugins(List<Archive.Entry> entries, String folder) {
        String prefix = folder + "/plugins/";
        return entries.stream().map(Archive.Entry::name).filter(n -> n.startsWith(prefix))
                .map(n -> n.substring(prefix.length())).filter(n -> !n.contains("/")).toList();
    }

    /** Native libraries and programs outside the bundles: only the desktop's own kinds. */
    private static void assertOnlyItsNatives(Desktop desktop, List<Archive.Entry> entries) {
        List<String> foreign = entries.stream().map(Archive.Entry::name)
                .filter(n -> Desktop.NATIVES.stream().anyMatch(n::endsWith))
                .filter(n -> desktop.natives.stream().noneMatch(n::endsWith)).toList();
        assertEquals(List.of(), foreign, "another platform's native files");
    }

    /** The product folder's launch scripts: the desktop's own one only, executable where that matters. */
    private static void assertOnlyItsScripts(Desktop desktop, List<Archive.Entry> entries, String folder,
            String script) {
        List<Archive.Entry> scripts = entries.stream()
                .filter(e -> e.name().startsWith(folder + "/") && !e.name().substring(folder.length() + 1).contains("/"))
                .filter(e -> Desktop.SCRIPTS.contains(e.name().substring(folder.length() + 1))).toList();
        assertEquals(List.of(folder + "/" + script), scripts.stream().map(Archive.Entry::name).toList());
        if (!desktop.windows()) {
            assertTrue(scripts.get(0).executable(), script + " is executable");
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
