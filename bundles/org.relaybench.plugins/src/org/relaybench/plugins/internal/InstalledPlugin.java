package org.relaybench.plugins.internal;

import java.util.List;
import java.util.Objects;

/**
 * A plugin installed into this Relaybench after it was built: a root installed by p2 (usually a
 * feature) or a bundle in {@code dropins/}.
 *
 * @param id the p2 root's id (for example {@code org.example.relaybench.provider.feature.feature.group})
 *        or the dropped-in bundle's symbolic name
 * @param version its version
 * @param name its name, or the id when it has none
 * @param source {@code p2} or {@code dropins}
 * @param bundles the bundles it brought, as {@code symbolic-name version}
 * @param location where it came from: the p2 repository it was installed from (when known) or the
 *        dropped-in file
 */
public record InstalledPlugin(String id, String version, String name, String source, List<Bundle> bundles,
        String location) {

    /** Source of plugins installed by p2. */
    public static final String P2 = "p2";
    /** Source of plugins dropped into {@code dropins/}. */
    public static final String DROPINS = "dropins";

    /**
     * One bundle of a plugin.
     *
     * @param symbolicName its symbolic name
     * @param version its version
     */
    public record Bundle(String symbolicName, String version) {
        public Bundle {
            Objects.requireNonNull(symbolicName, "symbolicName");
            Objects.requireNonNull(version, "version");
        }
    }

    public InstalledPlugin {
        Objects.requireNonNull(id, "id");
        version = version == null ? "" : version;
        name = name == null || name.isBlank() ? id : name;
        Objects.requireNonNull(source, "source");
        bundles = List.copyOf(bundles);
        location = location == null ? "" : location;
    }
}
