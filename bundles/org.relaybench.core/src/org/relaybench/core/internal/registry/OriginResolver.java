package org.relaybench.core.internal.registry;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.IContributor;
import org.osgi.framework.Bundle;
import org.relaybench.core.providers.ProviderOrigin;

/**
 * Tells where a contributor came from: its bundle, version and how it was installed. The bundle's
 * location says {@code dropins} and names bundles installed from elsewhere; a bundle in the
 * installation's {@code plugins/} folder is {@code built-in} unless an installer (p2) claims it.
 */
public class OriginResolver {

    private final Function<Bundle, Optional<String>> installers;

    /** A resolver that knows no installer: only the location counts. */
    public OriginResolver() {
        this(bundle -> Optional.empty());
    }

    /**
     * @param installers tells, for a bundle in {@code plugins/}, which installer put it there
     */
    public OriginResolver(Function<Bundle, Optional<String>> installers) {
        this.installers = installers;
    }

    /**
     * @param contributor a registry contributor
     * @return its origin; see {@link #source(Bundle)}
     */
    public ProviderOrigin resolve(IContributor contributor) {
        Bundle bundle = ContributorFactoryOSGi.resolve(contributor);
        if (bundle == null) {
            return new ProviderOrigin(contributor.getName(), "", "unknown");
        }
        return new ProviderOrigin(bundle.getSymbolicName(), bundle.getVersion().toString(), source(bundle));
    }

    /**
     * @param bundle an installed bundle
     * @return {@code dropins} for bundles in a {@code dropins} folder, the installer's word (p2) for
     *         bundles an installer claims, {@code built-in} for the other bundles of the installation,
     *         and the install location of any other bundle
     */
    public String source(Bundle bundle) {
        String byLocation = source(bundle.getLocation());
        if (!"built-in".equals(byLocation)) {
            return byLocation;
        }
        return installers.apply(bundle).orElse(byLocation);
    }

    static String source(String location) {
        if (location == null) {
            return "unknown";
        }
        String l = location.replace('\\', '/').replaceFirst("^initial@", "");
        if (l.contains("/dropins/") || l.contains(":dropins/")) {
            return "dropins";
        }
        if (l.contains("/p2/pool/") || l.contains("/.p2/")) {
            return "p2";
        }
        if (l.startsWith("reference:file:plugins/") || l.contains("/plugins/")) {
            return "built-in";
        }
        return l.replaceFirst("^reference:", "").replaceFirst("^file:", "");
    }
}
