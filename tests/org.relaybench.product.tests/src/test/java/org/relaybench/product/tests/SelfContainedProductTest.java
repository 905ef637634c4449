package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * The Linux archives as a desk receives them: unpacked and started with nothing but their own Java
 * runtime. Each product runs in an environment of its own making: no {@code JAVA_HOME}, and a
 * {@code PATH} of only the few tools the launch scripts use, with no {@code java} among them.
 */
class SelfContainedProductTest {

    /** What the launch scripts run besides Java (POSIX sh runs them through #!/bin/sh). */
    private static final List<String> TOOLS = List.of("dirname", "readlink", "stat", "cksum", "cut", "mkdir", "rm",
            "mv");

    private static Path dir;
    private static Path tools;

    @BeforeAll
    static void makeTools() throws IOException {
        dir = Files.createTempDirectory(Path.of(System.getProperty("relaybench.work")).toAbsolutePath().getParent(),
                "self-contained");
        tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : TOOLS) {
            Path real = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + tool + " on this machine"));
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
    }

    @AfterAll
    static void deleteAll() throws IOException {
        if (!Boolean.getBoolean("relaybench.keepProducts")) {
            Product.deleteTree(dir);
        }
    }

    @Test
    void theHeadlessProductRunsOnItsOwnRuntimeWithClassDataSharing() throws Exception {
        Path root = unpack("org.relaybench.headless-linux.gtk.x86_64.tar.gz").resolve("relaybench");
        Path home = Files.createDirectories(dir.resolve("home-headless"));

        // the environment has no Java: without the product's runtime the script cannot start one
        Path runtime = root.resolve("jre");
        Files.move(runtime, root.resolve("jre.away"));
        Run without = run(root.resolve("relaybench"), env(home), 60, "providers");
        assertNotEquals(0, without.exit());
        assertTrue(without.err().contains("java: not found"), without.err());
        Files.move(root.resolve("jre.away"), runtime);

        Run first = run(root.resolve("relaybench"), env(home), 120, "providers", "--json");
        assertEquals(0, first.exit(), first.err());
        assertEquals("", first.err(), "nothing on standard error, also while the archive is written");
        JsonElement json = JsonParser.parseString(first.out());
        assertTrue(json.getAsJsonObject().getAsJsonArray("providers").toString().contains("\"id\":\"aol\""),
                first.out());
        List<Path> archives;
        try (Stream<Path> files = Files.list(root.resolve("configuration/cds"))) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), archives::toString);
        assertTrue(archives.get(0).getFileName().toString().endsWith(".jsa"), archives::toString);

        Map<String, String> env = env(home);
        env.put("RELAYBENCH_VMARGS", env.get("RELAYBENCH_VMARGS") + " -Xlog:class+load=info -XshowSettings:properties");
        Run later = run(root.resolve("relaybench"), env, 120, "providers", "--json");
        assertEquals(0, later.exit(), later.err());
        assertTrue(later.err().contains("java.home = " + runtime.toRealPath()), later.err());
        assertTrue(later.out().contains("org.relaybench.core.providers.ProviderCatalog source: shared objects file (top)"),
                "the product's classes come from its class data sharing archive, on top of the runtime's own");
        assertTrue(later.out().contains("java.lang.Object source: shared objects file"),
                "the runtime's default archive, made by jlink");
    }

    @Test
    void theWorkbenchOpensItsWindowOnItsOwnRuntime() throws Exception {
        String display = System.getenv("DISPLAY");
        assertTrue(display != null && !display.isEmpty(), "the product tests run under Xvfb (xvfb-run)");
        Path root = unpack("org.relaybench.workbench-linux.gtk.x86_64.tar.gz").resolve("relaybench-workbench");
        Path home = Files.createDirectories(dir.resolve("home-workbench"));
        Map<String, String> env = env(home);
        env.put("DISPLAY", display);
        if (System.getenv("XAUTHORITY") != null) {
            env.put("XAUTHORITY", System.getenv("XAUTHORITY"));
        }

        ProcessBuilder pb = new ProcessBuilder(root.resolve("relaybench-workbench").toString());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("workbench.out").toFile());
        Process workbench = pb.start();
        try {
            String window = awaitWorkbenchWindow(workbench, 240);
            assertTrue(window.strip().endsWith("Relaybench"), window);
            assertTrue(workbench.isAlive(), "still running with its window open");
            List<String> java = workbench.toHandle().descendants().map(p -> p.info().command().orElse(""))
                    .filter(c -> c.endsWith("/java")).toList();
            assertEquals(List.of(root.resolve("jre/bin/java").toRealPath().toString()), java, "the product's own Java");
        } finally {
            workbench.toHandle().descendants().forEach(ProcessHandle::destroy);
            workbench.destroy();
            if (!workbench.waitFor(60, TimeUnit.SECONDS)) {
                workbench.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                workbench.destroyForcibly();
            }
        }
        Path workspace = home.resolve(".relaybench/workspace");
        assertTrue(Files.isDirectory(workspace.resolve(".metadata")), "the workspace in the given home");
        Path log = workspace.resolve(".metadata/.log");
        String errors = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        assertFalse(errors.matches("(?s).*!ENTRY \\S+ 4 .*"), "errors logged: " + errors);
    }

    /**
     * Polls the X server's windows until one whose name holds "Relaybench" is viewable at the size of a
     * workbench window (the workbench sizes itself to most of the screen; SWT's hidden helper windows
     * are 200x200); returns its name.
     */
    private static String awaitWorkbenchWindow(Process workbench, int seconds) throws Exception {
        Pattern named = Pattern.compile("^\\s*(0x[0-9a-f]+) \"([^\"]*Relaybench[^\"]*)\"", Pattern.MULTILINE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!workbench.isAlive()) {
                throw new AssertionError("the workbench ended with " + workbench.exitValue() + ": "
                        + Files.readString(dir.resolve("workbench.out")));
            }
            Matcher m = named.matcher(xwininfo("-root", "-tree"));
            while (m.find()) {
                String info = xwininfo("-id", m.group(1));
                if (info.contains("Map State: IsViewable") && dimension(info, "Width") >= 1024
                        && dimension(info, "Height") >= 700) {
                    return m.group(2);
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no Relaybench window within " + seconds + " s: "
                + Files.readString(dir.resolve("workbench.out")));
    }

    private static int dimension(String xwininfo, String name) {
        Matcher m = Pattern.compile("^\\s*" + name + ": (\\d+)$", Pattern.MULTILINE).matcher(xwininfo);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String xwininfo(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("xwininfo");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /**
     * An environment with no Java in it: HOME, and a PATH of the scripts' tools only. Java takes its
     * user.home (the workspace's parent) from the account, not from HOME, so it is given as well.
     */
    private static Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tools.toString());
        env.put("HOME", home.toString());
        env.put("RELAYBENCH_VMARGS", "-Duser.home=" + home);
        return env;
    }

    private static Path unpack(String archive) throws IOException, InterruptedException {
        Path into = Files.createDirectories(dir.resolve(archive.substring(0, archive.indexOf('-'))));
        Process tar = new ProcessBuilder("tar", "xzf", Archive.named(archive).file().toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(180, TimeUnit.SECONDS), "tar did not finish");
        assertEquals(0, tar.exitValue(), out);
        return into;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path script, Map<String, String> env, int seconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = Product.read(process.getInputStream());
        CompletableFuture<String> err = Product.read(process.getErrorStream());
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(script.getFileName() + " " + String.join(" ", args) + " did not end within "
                    + seconds + " s");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }
}
