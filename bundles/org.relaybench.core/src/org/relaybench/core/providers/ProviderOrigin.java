package org.relaybench.core.providers;

import java.util.Objects;

/**
 * Where a provider came from: the contributing bundle and how it was installed.
 *
 * @param bundle the contributing bundle's symbolic name
 * @param version the bundle's version
 * @param source {@code built-in}, {@code dropins}, {@code p2} or the bundle's install location
 * @since 0.1
 */
public record ProviderOrigin(String bundle, String version, String source) {

    public ProviderOrigin {
        Objects.requireNonNull(bundle, "bundle");
        version = version == null ? "" : version;
        source = source == null ? "" : source;
    }
}
