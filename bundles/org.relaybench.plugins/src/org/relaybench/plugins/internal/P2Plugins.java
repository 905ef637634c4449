package org.relaybench.plugins.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.relaybench.plugins.internal.PluginException.Kind;

/**
 * The plugins of the running Relaybench, managed with p2 in the installation's own profile (the
 * {@code eclipse.p2.profile} of {@code configuration/config.ini}, data in the {@code p2/} folder) and
 * found in {@code dropins/}. Changes take effect at the next start.
 */
@Component(service = Plugins.class)
public final class P2Plugins implements Plugins {

    private ServiceTracker<IProvisioningAgent, IProvisioningAgent> agents;
    private Dropins dropins;

    @Activate
    void activate(BundleContext bundleContext) throws InvalidSyntaxException {
        agents = new ServiceTracker<>(bundleContext, FrameworkUtil.createFilter("(&(objectClass="
                + IProvisioningAgent.class.getName() + ")(" + IProvisioningAgent.SERVICE_CURRENT + "=true))"), null);
        agents.open();
        dropins = new Dropins(bundleContext);
    }

    @Deactivate
    void deactivate() {
        agents.close();
    }

    /**
     * @return the agent of the running installation; p2's core registers it when it starts, which
     *         loading its classes (as this class does) brings about
     */
    private IProvisioningAgent agent() throws PluginException {
        IProvisioningAgent agent = agents.getService();
        if (agent == null) {
            throw new PluginException(Kind.FAILED, "p2 is not set up in this Relaybench (no p2 agent for the"
                    + " installation; is eclipse.p2.data.area set in configuration/config.ini?)");
        }
        return agent;
    }

    private static IProfile profile(IProvisioningAgent agent) throws PluginException {
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        IProfile profile = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
        if (profile == null) {
            throw new PluginException(Kind.FAILED, "this Relaybench has no p2 profile (eclipse.p2.profile in"
                    + " configuration/config.ini, the p2/ folder beside it): drop plugins into dropins/ instead");
        }
        return profile;
    }

    @Override
    public List<InstalledPlugin> installed() throws PluginException {
        List<InstalledPlugin> plugins = new ArrayList<>();
        IProvisioningAgent agent = agents.getService();
        IProfileRegistry registry = agent == null ? null : agent.getService(IProfileRegistry.class);
        IProfile profile = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
        if (profile != null) { // without a profile, p2 installed nothing: only dropins count
            for (Map.Entry<IInstallableUnit, List<IInstallableUnit>> e : ProfileRoots.of(profile).plugins().entrySet()) {
                IInstallableUnit root = e.getKey();
                plugins.add(new InstalledPlugin(root.getId(), root.getVersion().toString(),
                        root.getProperty(ProfileRoots.PROP_NAME, null), InstalledPlugin.P2,
                        e.getValue().stream().map(b -> new InstalledPlugin.Bundle(b.getId(), b.getVersion().toString()))
                                .toList(),
                        ""));
            }
        }
        plugins.addAll(dropins.installed());
        return plugins;
    }

    @Override
    public List<Installable> available(URI repository, IProgressMonitor monitor) throws PluginException {
        IProvisioningAgent agent = agent();
        IMetadataRepository loaded = new P2Operations(agent, profile(agent)).load(repository, monitor);
        return P2Operations.groups(loaded, monitor).stream().map(P2Plugins::installable).toList();
    }

    @Override
    public Change install(URI repository, List<String> ids, Trust trust, IProgressMonitor monitor) throws PluginException {
        IProvisioningAgent agent = agent();
        IProfile profile = profile(agent);
        TrustedSigners signers = new TrustedSigners(agent, profile);
        List<String> fingerprints = new ArrayList<>();
        for (String key : trust.keys()) {
            Path file = Path.of(key);
            if (Files.isRegularFile(file)) {
                signers.addKeys(keysIn(file));
            } else if (Signer.normalized(key).matches("[0-9A-F]{16,}")) {
                fingerprints.add(key);
            } else {
                throw new PluginException(Kind.NOT_FOUND, "--trust-key " + key + " is neither a key file nor a fingerprint");
            }
        }
        for (Path file : trust.certificates()) {
            signers.addCertificates(certificatesIn(file));
        }
        P2Operations p2 = new P2Operations(agent, profile);
        IMetadataRepository loaded = p2.load(repository, monitor);
        List<IInstallableUnit> units = ids.isEmpty() ? P2Operations.groups(loaded, monitor)
                : P2Operations.find(loaded, ids, monitor);
        if (units.isEmpty()) {
            throw new PluginException(Kind.NOT_FOUND, "the repository " + repository + " offers no features to install");
        }
        List<IInstallableUnit> missing = units.stream().filter(iu -> profile.query(
                QueryUtil.createIUQuery(iu.getId(), iu.getVersion()), monitor).isEmpty())
                .toList();
        if (missing.isEmpty()) {
            return new Change(units.stream().map(P2Plugins::installable).toList(),
                    "already installed: " + P2Operations.names(units));
        }
        TrustDecision decision = new TrustDecision(trust.allowUnsigned(), fingerprints);
        try {
            p2.install(repository, missing, decision, monitor);
        } finally {
            if (!decision.newlyTrusted().isEmpty()) {
                signers.addKeys(decision.newlyTrusted()); // the operator named them: kept even when another artifact was refused
            }
        }
        return new Change(missing.stream().map(P2Plugins::installable).toList(),
                "installed " + P2Operations.names(missing) + " from " + repository
                        + "; it takes effect when Relaybench starts next");
    }

    @Override
    public Change remove(String id, IProgressMonitor monitor) throws PluginException {
        IProvisioningAgent agent = agents.getService();
        if (agent != null) {
            IProfile profile = profile(agent);
            ProfileRoots roots = ProfileRoots.of(profile);
            for (IInstallableUnit root : roots.plugins().keySet()) {
                if (root.getId().equals(id) || root.getId().equals(id + P2Operations.FEATURE_GROUP)) {
                    new P2Operations(agent, profile).uninstall(List.of(root), monitor);
                    return new Change(List.of(installable(root)), "removed " + P2Operations.names(List.of(root))
                            + "; Relaybench no longer loads it from its next start");
                }
            }
            if (roots.isPartOfProduct(id) || roots.isPartOfProduct(id + P2Operations.FEATURE_GROUP)) {
                throw new PluginException(Kind.CONFLICT, id + " is part of Relaybench itself, not a plugin");
            }
        }
        for (InstalledPlugin plugin : dropins.installed()) {
            if (plugin.id().equals(id)) {
                dropins.delete(plugin);
                return new Change(List.of(new Installable(plugin.id(), plugin.version(), plugin.name())),
                        "deleted " + plugin.location() + "; Relaybench no longer loads it from its next start");
            }
        }
        throw new PluginException(Kind.NOT_FOUND, "no plugin " + id + " is installed; 'relaybench plugins list' shows"
                + " the installed ones");
    }

    @Override
    public List<Signer> trusted() throws PluginException {
        IProvisioningAgent agent = agent();
        return new TrustedSigners(agent, profile(agent)).list();
    }

    @Override
    public List<Signer> trust(Path file) throws PluginException {
        IProvisioningAgent agent = agent();
        TrustedSigners signers = new TrustedSigners(agent, profile(agent));
        if (!Files.isRegularFile(file)) {
            throw new PluginException(Kind.NOT_FOUND, "no file " + file);
        }
        try {
            List<PGPPublicKey> keys = TrustedSigners.readKeys(file);
            if (!keys.isEmpty()) {
                signers.addKeys(keys);
                return keys.stream().map(Signer::of).toList();
            }
        } catch (IOException | PGPException | RuntimeException e) {
            // not PGP keys: perhaps certificates
        }
        List<Certificate> certificates = certificatesIn(file);
        signers.addCertificates(certificates);
        return certificates.stream().map(Signer::of).toList();
    }

    @Override
    public List<Signer> distrust(String id) throws PluginException {
        IProvisioningAgent agent = agent();
        List<Signer> removed = new TrustedSigners(agent, profile(agent)).remove(id);
        if (removed.isEmpty()) {
            throw new PluginException(Kind.NOT_FOUND, "no trusted key or certificate has the fingerprint " + id
                    + "; 'relaybench plugins trust list' shows them");
        }
        return removed;
    }

    private static List<PGPPublicKey> keysIn(Path file) throws PluginException {
        try {
            List<PGPPublicKey> keys = TrustedSigners.readKeys(file);
            if (keys.isEmpty()) {
                throw new PluginException(Kind.NOT_FOUND, file + " holds no PGP public key");
            }
            return keys;
        } catch (IOException | PGPException | RuntimeException e) {
            throw new PluginException(Kind.NOT_FOUND, file + " holds no PGP public key: " + e.getMessage());
        }
    }

    private static List<Certificate> certificatesIn(Path file) throws PluginException {
        try {
            List<Certificate> certificates = TrustedSigners.readCertificates(file);
            if (certificates.isEmpty()) {
                throw new PluginException(Kind.NOT_FOUND, file + " holds no X.509 certificate");
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new PluginException(Kind.NOT_FOUND, file + " holds neither PGP public keys nor an X.509 certificate: "
                    + e.getMessage());
        }
    }

    private static Installable installable(IInstallableUnit iu) {
        String name = iu.getProperty(ProfileRoots.PROP_NAME, null);
        return new Installable(iu.getId(), iu.getVersion().toString(), name == null ? iu.getId() : name);
    }
}
