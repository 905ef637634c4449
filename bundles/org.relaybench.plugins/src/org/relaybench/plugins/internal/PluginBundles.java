package org.relaybench.plugins.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;

/**
 * The bundles p2 installed as plugins, as {@link ProfileRoots} found them in one version of the
 * installation's profile, kept in a small file between starts. Reading the profile means parsing its
 * whole XML (some 0.2 s of every start, and up to a second on a busy machine), while it changes only
 * when p2 installs or removes something; a profile version is named by its timestamp, which p2 lists
 * without parsing anything. Immutable.
 *
 * @param timestamp the profile version these were read from
 * @param keys the bundles, as {@code symbolic-name_version}
 */
record PluginBundles(long timestamp, Set<String> keys) {

    private static final String HEADER = "# bundles p2 installed as plugins, by profile timestamp; rewritten when it changes";

    PluginBundles {
        keys = Set.copyOf(keys);
    }

    /**
     * @param timestamp the profile's timestamp
     * @param roots the profile's roots
     * @return their plugin bundles
     */
    static PluginBundles of(long timestamp, ProfileRoots roots) {
        return new PluginBundles(timestamp, roots.pluginBundleKeys());
    }

    /**
     * @param bundle an installed bundle
     * @return whether a plugin root brought it
     */
    boolean contains(Bundle bundle) {
        return bundle.getSymbolicName() != null && keys.contains(ProfileRoots.key(bundle.getSymbolicName(),
                bundle.getVersion().toString()));
    }

    /**
     * @param file a file {@link #write(Path)} wrote
     * @return what it holds; empty when it is missing or unreadable (the profile is read instead)
     */
    static Optional<PluginBundles> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER)) {
                return Optional.empty();
            }
            long timestamp = Long.parseLong(lines.get(1).strip());
            Set<String> keys = new TreeSet<>();
            for (String line : lines.subList(2, lines.size())) {
                if (!line.isBlank()) {
                    keys.add(line.strip());
                }
            }
            return Optional.of(new PluginBundles(timestamp, keys));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes this into a file, whole or not at all: a start that reads it meanwhile sees the old or the
     * new content.
     *
     * @param file where
     * @throws IOException when it cannot be written
     */
    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(Long.toString(timestamp));
        lines.addAll(new TreeSet<>(keys));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
