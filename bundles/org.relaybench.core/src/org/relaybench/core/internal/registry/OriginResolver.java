package org.relaybench.core.internal.registry;

import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.IContributor;
import org.osgi.framework.Bundle;
import org.relaybench.core.providers.ProviderOrigin;

/** Tells where a contributor came from: its bundle, version and how it was installed. */
public class OriginResolver {

    /**
     * @param contributor a registry contributor
     * @return its origin; bundles in a {@code dropins} folder are {@code dropins}, bundles of the
     *         installation are {@code built-in}, others show their install location
     */
    public ProviderOrigin resolve(IContributor contributor) {
        Bundle bundle = ContributorFactoryOSGi.resolve(contributor);
        if (bundle == null) {
            return new ProviderOrigin(contributor.getName(), "", "unknown");
        }
        return new ProviderOrigin(bundle.getSymbolicName(), bundle.getVersion().toString(),
                source(bundle.getLocation()));
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
