package org.relaybench.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.eclipse.osgi.util.ManifestElement;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * The bundles in the installation's {@code dropins/} folder: jars and folders at its top and in its
 * {@code plugins/} and {@code eclipse/plugins/} subfolders, as p2's dropins reconciler reads them at
 * start. Removing one deletes it; the reconciler uninstalls it at the next start.
 */
final class Dropins {

    static final String FOLDER = "dropins";
    private static final String POINT = "org.relaybench.core.providers";
    private static final String PROVIDER_HEADER = "Relaybench-Provider";

    /**
     * A bundle in the folder.
     *
     * @param path its jar or folder
     * @param symbolicName its symbolic name
     * @param version its version
     * @param manifest its manifest
     * @param providerPlugin whether it contributes providers (plugin.xml or the Relaybench-Provider header)
     */
    record Entry(Path path, String symbolicName, Version version, Manifest manifest, boolean providerPlugin) {
    }

    private final BundleContext context;

    Dropins(BundleContext context) {
        this.context = context;
    }

    /** @return the installation folder, from the framework's install area */
    Path installFolder() {
        String area = context.getProperty("osgi.install.area");
        if (area == null) {
            return Path.of("").toAbsolutePath();
        }
        try {
            return Path.of(new URI(area.replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(area.replaceFirst("^file:", ""));
        }
    }

    /** @return the dropins folder */
    Path folder() {
        return installFolder().resolve(FOLDER);
    }

    /** @return the bundles in the folder, by path; files that are no bundles are left out */
    List<Entry> scan() {
        List<Path> candidates = new ArrayList<>();
        collect(folder(), candidates, 0);
        candidates.sort(null);
        List<Entry> entries = new ArrayList<>();
        for (Path candidate : candidates) {
            try {
                Manifest manifest = manifest(candidate);
                String symbolicName = manifest == null ? null
                        : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                if (symbolicName == null) {
                    continue;
                }
                String name = ManifestElement.parseHeader(Constants.BUNDLE_SYMBOLICNAME, symbolicName)[0].getValue();
                Version version = Version.parseVersion(manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION));
                entries.add(new Entry(candidate, name, version, manifest, isProviderPlugin(candidate, manifest)));
            } catch (IOException | BundleException | IllegalArgumentException e) {
                // not a bundle: the reconciler ignores it too
            }
        }
        return entries;
    }

    /** @return the dropped-in bundles as plugins, by symbolic name */
    List<InstalledPlugin> installed() {
        List<InstalledPlugin> plugins = new ArrayList<>();
        for (Entry e : scan()) {
            String version = e.version().toString();
            plugins.add(new InstalledPlugin(e.symbolicName(), version,
                    e.manifest().getMainAttributes().getValue(Constants.BUNDLE_NAME), InstalledPlugin.DROPINS,
                    List.of(new InstalledPlugin.Bundle(e.symbolicName(), version)), e.path().toString()));
        }
        plugins.sort(Comparator.comparing(InstalledPlugin::id));
        return plugins;
    }

    /**
     * Deletes a dropped-in bundle's file (with its signature) or folder.
     *
     * @param plugin as {@link #installed()} listed it
     * @throws PluginException when it cannot be deleted
     */
    void delete(InstalledPlugin plugin) throws PluginException {
        Path path = Path.of(plugin.location());
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            } else {
                Files.deleteIfExists(path);
                Files.deleteIfExists(path.resolveSibling(path.getFileName() + DropinTrust.SIGNATURE_SUFFIX));
            }
        } catch (IOException e) {
            throw new PluginException(PluginException.Kind.FAILED, "cannot delete " + path + ": " + e);
        }
    }

    private static void collect(Path folder, List<Path> found, int depth) {
        if (!Files.isDirectory(folder) || depth > 3) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().endsWith(".jar") && Files.isRegularFile(entry)
                        || Files.isRegularFile(entry.resolve(JarFile.MANIFEST_NAME))) {
                    found.add(entry);
                } else if (Files.isDirectory(entry)) {
                    collect(entry, found, depth + 1);
                }
            }
        } catch (IOException e) {
            // an unreadable folder holds nothing to list
        }
    }

    private static Manifest manifest(Path candidate) throws IOException {
        if (Files.isDirectory(candidate)) {
            try (InputStream in = Files.newInputStream(candidate.resolve(JarFile.MANIFEST_NAME))) {
                return new Manifest(in);
            }
        }
        try (JarFile jar = new JarFile(candidate.toFile())) {
            return jar.getManifest();
        }
    }

    private static boolean isProviderPlugin(Path candidate, Manifest manifest) throws IOException {
        if (manifest.getMainAttributes().getValue(PROVIDER_HEADER) != null) {
            return true;
        }
        if (Files.isDirectory(candidate)) {
            Path pluginXml = candidate.resolve("plugin.xml");
            return Files.isRegularFile(pluginXml) && Files.readString(pluginXml).contains(POINT);
        }
        try (JarFile jar = new JarFile(candidate.toFile())) {
            ZipEntry entry = jar.getEntry("plugin.xml");
            if (entry == null) {
                return false;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8).contains(POINT);
            }
        }
    }
}
