package org.relaybench.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A product archive as IT receives it, read without unpacking: its entries (with the owner's
 * execute bit, as a tar keeps it) and the text of single files. {@code .tar.gz} archives are read
 * with GNU tar, {@code .zip} archives with {@link ZipFile}.
 */
final class Archive {

    record Entry(String name, boolean executable) {
    }

    private final Path file;

    Archive(Path file) {
        this.file = file;
    }

    /** The archive of that name among the built products. */
    static Archive named(String name) {
        Path file = Path.of(System.getProperty("relaybench.archives")).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no archive " + file + " (build releng first)");
        }
        return new Archive(file);
    }

    Path file() {
        return file;
    }

    /** Every file and symbolic link in the archive (folders left out). */
    List<Entry> entries() throws IOException, InterruptedException {
        List<Entry> entries = new ArrayList<>();
        if (file.toString().endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                zip.stream().filter(e -> !e.isDirectory()).forEach(e -> entries.add(new Entry(e.getName(), false)));
            }
            return entries;
        }
        // "-rwxr-xr-x root/root 3610 2026-12-04 20:33 relaybench/relaybench", or "lrwxrwxrwx ... a -> b"
        for (String line : tar("tzvf", file.toString()).split("\n")) {
            if (line.isBlank() || line.startsWith("d")) {
                continue;
            }
            String[] fields = line.split(" +", 6);
            String name = fields[5];
            if (line.startsWith("l")) {
                name = name.substring(0, name.indexOf(" -> "));
            }
            entries.add(new Entry(name, line.charAt(3) == 'x'));
        }
        return entries;
    }

    /** The text of one file of the archive, or empty when the archive has no such file. */
    Optional<String> read(String name) throws IOException, InterruptedException {
        if (file.toString().endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        boolean present = entries().stream().anyMatch(e -> e.name().equals(name));
        return present ? Optional.of(tar("xzOf", file.toString(), name)) : Optional.empty();
    }

    private static String tar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("tar");
        command.addAll(List.of(args));
        Process tar = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return tar.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        byte[] out = tar.getInputStream().readAllBytes();
        if (!tar.waitFor(120, TimeUnit.SECONDS)) {
            tar.destroyForcibly();
            throw new AssertionError("tar " + String.join(" ", args) + " did not finish");
        }
        if (tar.exitValue() != 0) {
            throw new AssertionError("tar " + String.join(" ", args) + ": " + new String(err.join(), StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
