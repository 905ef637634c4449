package org.relaybench.plugins.internal;

import java.net.URI;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Installs, lists and removes the provider plugins of the running Relaybench. An OSGi service. p2
 * installs into the installation's own profile; what is installed or removed takes effect when
 * Relaybench starts next.
 */
public interface Plugins {

    /**
     * One installable unit offered by a repository.
     *
     * @param id the unit's id
     * @param version its version
     * @param name its name
     */
    record Installable(String id, String version, String name) {
    }

    /** What an install or remove changed. */
    record Change(List<Installable> units, String message) {
        public Change {
            units = List.copyOf(units);
        }
    }

    /**
     * @return the plugins installed after the product was built: p2 roots first, then dropins, each by id
     * @throws PluginException when the installation's p2 profile cannot be read
     */
    List<InstalledPlugin> installed() throws PluginException;

    /**
     * @param repository a p2 repository ({@code file:} or {@code http(s):})
     * @param monitor progress and cancellation
     * @return the features (groups) the repository offers, by id
     * @throws PluginException when the repository cannot be loaded
     */
    List<Installable> available(URI repository, IProgressMonitor monitor) throws PluginException;

    /**
     * Installs units from one repository into this installation's profile.
     *
     * @param repository a p2 repository ({@code file:} or {@code http(s):})
     * @param ids units to install: feature ids with or without {@code .feature.group}, or any IU id;
     *        none for every feature the repository offers
     * @param monitor progress and cancellation
     * @return what was installed
     * @throws PluginException for an unreachable repository, unknown ids, requirements that cannot be
     *         met, or a failure to change the installation
     */
    Change install(URI repository, List<String> ids, IProgressMonitor monitor) throws PluginException;

    /**
     * Removes a plugin: uninstalls a p2 root, or deletes a bundle from {@code dropins/}.
     *
     * @param id as {@link #installed()} lists it (a feature id without {@code .feature.group} will do)
     * @param monitor progress and cancellation
     * @return what was removed
     * @throws PluginException for an id that is no plugin, or a failure to change the installation
     */
    Change remove(String id, IProgressMonitor monitor) throws PluginException;
}
