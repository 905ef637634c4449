package org.relaybench.plugins.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * The bundles of the installation's {@code dropins/} folder, as the framework has them (the p2 dropins
 * reconciler installs them at start). Removing one deletes it from the folder; the reconciler
 * uninstalls it at the next start.
 */
final class Dropins {

    private static final String FOLDER = "dropins";

    private final BundleContext context;

    Dropins(BundleContext context) {
        this.context = context;
    }

    /** @return the dropped-in bundles, by symbolic name */
    List<InstalledPlugin> installed() {
        List<InstalledPlugin> plugins = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            Optional<Path> file = file(bundle);
            if (file.isPresent() && bundle.getSymbolicName() != null) {
                String name = bundle.getHeaders().get(Constants.BUNDLE_NAME);
                plugins.add(new InstalledPlugin(bundle.getSymbolicName(), bundle.getVersion().toString(), name,
                        InstalledPlugin.DROPINS, List.of(new InstalledPlugin.Bundle(bundle.getSymbolicName(),
                                bundle.getVersion().toString())),
                        file.get().toString()));
            }
        }
        plugins.sort(Comparator.comparing(InstalledPlugin::id));
        return plugins;
    }

    /**
     * Deletes a dropped-in bundle's file or folder.
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
            }
        } catch (IOException e) {
            throw new PluginException(PluginException.Kind.FAILED, "cannot delete " + path + ": " + e);
        }
    }

    /** @return the bundle's file when it lies in a {@code dropins} folder */
    private Optional<Path> file(Bundle bundle) {
        String location = bundle.getLocation();
        if (location == null) {
            return Optional.empty();
        }
        String l = location.replace('\\', '/').replaceFirst("^initial@", "").replaceFirst("^reference:", "");
        if (!l.contains("/" + FOLDER + "/") && !l.startsWith("file:" + FOLDER + "/")) {
            return Optional.empty();
        }
        try {
            if (l.startsWith("file:/")) {
                return Optional.of(Path.of(new URI(l.replace(" ", "%20"))));
            }
            Path relative = Path.of(l.replaceFirst("^file:", ""));
            return Optional.of(relative.isAbsolute() ? relative : installFolder().resolve(relative));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
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
}
