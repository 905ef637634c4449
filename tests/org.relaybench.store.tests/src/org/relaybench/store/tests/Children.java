package org.relaybench.store.tests;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts {@link Writer} processes: plain JVMs (no OSGi) on a class path made of the bundles the store
 * needs, found where the test runtime installed them.
 */
final class Children {

    /** Bundles on the writer's class path, each with a class it holds (to find reactor folders). */
    private static final Map<String, String> BUNDLES = new LinkedHashMap<>();

    static {
        BUNDLES.put("org.relaybench.store.tests", "org/relaybench/store/tests/Writer.class");
        BUNDLES.put("org.relaybench.store", "org/relaybench/store/SessionStore.class");
        BUNDLES.put("org.relaybench.core", "org/relaybench/core/AccountProfile.class");
        BUNDLES.put("com.h2database", "org/h2/Driver.class");
        BUNDLES.put("org.postgresql.jdbc", "org/postgresql/Driver.class");
        BUNDLES.put("org.liquibase.core", "liquibase/Scope.class");
        BUNDLES.put("org.yaml.snakeyaml", "org/yaml/snakeyaml/Yaml.class");
        BUNDLES.put("org.apache.commons.commons-io", "org/apache/commons/io/IOUtils.class");
        BUNDLES.put("org.apache.commons.lang3", "org/apache/commons/lang3/StringUtils.class");
        BUNDLES.put("com.google.gson", "com/google/gson/Gson.class");
    }

    /** A running writer and the lines it printed. */
    static final class Child {
        final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final StringBuffer err = new StringBuffer();
        private final Thread reader;

        Child(Process process) {
            this.process = process;
            reader = new Thread(this::pump, "writer output");
            reader.setDaemon(true);
            reader.start();
            Thread errors = new Thread(() -> {
                try {
                    err.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.append(e);
                }
            }, "writer errors");
            errors.setDaemon(true);
            errors.start();
        }

        private void pump() {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was killed: what it printed before is in lines
            }
        }

        /** @return whether a line starting with prefix was printed within millis */
        boolean await(String prefix, long millis) throws InterruptedException {
            long end = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < end) {
                synchronized (lines) {
                    if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
                        return true;
                    }
                }
                if (!process.isAlive() && !reader.isAlive()) {
                    return false;
                }
                Thread.sleep(10);
            }
            return false;
        }

        /** Kills the process with SIGKILL and waits for it to die. */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            return waitFor();
        }

        /** Waits for the process to end and its output to be read; returns its exit code. */
        int waitFor() throws InterruptedException {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("a writer did not end within 180 s");
            }
            reader.join(10_000);
            return process.exitValue();
        }

        /** @return every line printed so far */
        List<String> lines() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        /** @return what it printed on standard error */
        String errors() {
            return err.toString();
        }
    }

    private Children() {
    }

    static Child start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    /** Starts a writer with these environment variables added to this process's. */
    static Child start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-Dh2.bindAddress=127.0.0.1");
        command.add("-cp");
        command.add(classPath());
        command.add(Writer.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        return new Child(p);
    }

    static String classPath() throws IOException {
        Map<String, Bundle> bySymbolicName = new LinkedHashMap<>();
        for (Bundle b : FrameworkUtil.getBundle(Children.class).getBundleContext().getBundles()) {
            bySymbolicName.putIfAbsent(b.getSymbolicName(), b);
        }
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : BUNDLES.entrySet()) {
            Bundle b = bySymbolicName.get(e.getKey());
            if (b == null) {
                throw new IllegalStateException("bundle " + e.getKey() + " is not in the test runtime");
            }
            File location = FileLocator.getBundleFileLocation(b)
                    .orElseThrow(() -> new IllegalStateException("no file for bundle " + e.getKey()));
            if (location.isFile()) {
                entries.add(location.getPath());
            } else {
                // a reactor bundle run from its project folder: its classes are where its class loader finds them
                URL resource = FileLocator.toFileURL(b.getResource(e.getValue()));
                String path = new File(resource.getPath()).getPath();
                entries.add(path.substring(0, path.length() - e.getValue().length()));
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
