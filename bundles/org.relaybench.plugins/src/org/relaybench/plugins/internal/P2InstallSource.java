package org.relaybench.plugins.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.relaybench.core.internal.spi.InstallSource;

/**
 * Tells the provider catalog which bundles p2 installed as plugins ({@code p2}), from the running
 * installation's profile: see {@link ProfileRoots}. Registered only once p2's agent for the
 * installation is up, so the catalog reads origins again when it is.
 * <p>
 * The answer is kept in this bundle's data area by profile timestamp ({@link PluginBundles}), so a
 * start whose profile did not change since the last one does not parse it: every command pays for
 * this at start, the provider catalog asks while it loads.
 */
@Component(service = InstallSource.class)
public final class P2InstallSource implements InstallSource {

    static final String CACHE = "p2-plugin-bundles.txt";

    private static final ILog LOG = ILog.of(P2InstallSource.class);

    @Reference(target = "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)")
    private IProvisioningAgent agent;

    private Path cache;

    /** The plugin bundles of the last profile version seen; it changes only when p2 installs or removes. */
    private volatile PluginBundles known;

    @Activate
    void activate(BundleContext bundleContext) {
        File file = bundleContext.getDataFile(CACHE);
        cache = file == null ? null : file.toPath();
    }

    @Override
    public Optional<String> sourceOf(Bundle bundle) {
        PluginBundles current = current();
        return current != null && current.contains(bundle) ? Optional.of(InstalledPlugin.P2) : Optional.empty();
    }

    private PluginBundles current() {
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        if (registry == null) {
            return null;
        }
        long[] timestamps = registry.listProfileTimestamps(IProfileRegistry.SELF); // sorted; no parsing
        if (timestamps.length == 0) {
            return null; // no profile: p2 installed nothing
        }
        long latest = timestamps[timestamps.length - 1];
        PluginBundles found = known;
        if (found != null && found.timestamp() == latest) {
            return found;
        }
        found = cache == null ? null : PluginBundles.read(cache).filter(c -> c.timestamp() == latest).orElse(null);
        if (found == null) {
            IProfile profile = registry.getProfile(IProfileRegistry.SELF);
            if (profile == null) {
                return null;
            }
            found = PluginBundles.of(profile.getTimestamp(), ProfileRoots.of(profile));
            save(found);
        }
        known = found;
        return found;
    }

    private void save(PluginBundles bundles) {
        if (cache == null) {
            return; // no data area (a read-only configuration): read the profile at every start
        }
        try {
            bundles.write(cache);
        } catch (IOException e) {
            LOG.warn("Cannot keep the p2 plugin bundles in " + cache + "; the profile is read at every start", e);
        }
    }
}
