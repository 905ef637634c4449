package org.relaybench.plugins.internal;

import java.util.Optional;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.relaybench.core.internal.spi.InstallSource;

/**
 * Tells the provider catalog which bundles p2 installed as plugins ({@code p2}), from the running
 * installation's profile: see {@link ProfileRoots}. Registered only once p2's agent for the
 * installation is up, so the catalog reads origins again when it is.
 */
@Component(service = InstallSource.class)
public final class P2InstallSource implements InstallSource {

    @Reference(target = "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)")
    private IProvisioningAgent agent;

    /** The roots of the last profile read; the profile changes only when p2 installs or removes. */
    private volatile ProfileRoots roots;

    @Override
    public Optional<String> sourceOf(Bundle bundle) {
        ProfileRoots current = roots();
        return current != null && current.isPluginBundle(bundle) ? Optional.of(InstalledPlugin.P2) : Optional.empty();
    }

    private ProfileRoots roots() {
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        IProfile profile = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
        if (profile == null) {
            return null;
        }
        ProfileRoots known = roots;
        if (known == null || known.timestamp() != profile.getTimestamp()) {
            known = ProfileRoots.of(profile);
            roots = known;
        }
        return known;
    }
}
