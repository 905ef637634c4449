package org.relaybench.plugins.internal;

import java.net.URI;
import java.nio.file.Path;
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
     * What an install trusts besides the installation's trusted signers.
     *
     * @param keys PGP keys to trust from now on: armored key files, or fingerprints (or long key IDs) of
     *        keys the repository offers
     * @param certificates X.509 certificate files (PEM or DER) to trust from now on
     * @param allowUnsigned whether unsigned artifacts are accepted (for developing a plugin; not kept)
     */
    record Trust(List<String> keys, List<Path> certificates, boolean allowUnsigned) {
        /** Only the installation's trusted signers, no unsigned content: the default. */
        public static final Trust DEFAULT = new Trust(List.of(), List.of(), false);

        public Trust {
            keys = List.copyOf(keys);
            certificates = List.copyOf(certificates);
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
     * @param trust what to trust besides the installation's trusted signers
     * @param monitor progress and cancellation
     * @return what was installed
     * @throws PluginException refused ({@link PluginException.Kind#UNTRUSTED}) when an artifact is
     *         unsigned, signed by no trusted signer, or does not match its signature; for an unreachable repository, unknown ids, requirements that cannot be
     *         met, or a failure to change the installation
     */
    Change install(URI repository, List<String> ids, Trust trust, IProgressMonitor monitor) throws PluginException;

    /**
     * @return the PGP keys and certificates this installation trusts to sign plugins, keys first
     * @throws PluginException when the installation has no p2 profile
     */
    List<Signer> trusted() throws PluginException;

    /**
     * Trusts the keys or certificates in a file from now on, for installs and for {@code dropins/}.
     *
     * @param file armored or binary PGP public keys, or X.509 certificates (PEM or DER)
     * @return the signers added
     * @throws PluginException when the file holds neither, or the trust cannot be kept
     */
    List<Signer> trust(Path file) throws PluginException;

    /**
     * @param id a trusted signer's fingerprint (or a PGP key's long ID)
     * @return the signers no longer trusted
     * @throws PluginException when no trusted signer has that id, or the trust cannot be changed
     */
    List<Signer> distrust(String id) throws PluginException;

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
