package org.relaybench.plugins.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.jar.Manifest;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.osgi.util.ManifestElement;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.relaybench.core.internal.spi.LoadProblemSource;
import org.relaybench.core.providers.LoadProblem;

/**
 * Provider plugins in {@code dropins/} that no trusted key signed ({@link UntrustedDropins} keeps them
 * from resolving), and those that are not in the framework. p2's dropins reconciler installs
 * a dropped-in bundle only when its requirements can be met, and only at start, so a plugin that needs
 * a missing bundle or package would otherwise just be absent. Each such plugin is a load problem that
 * names the requirements nothing installed provides, or says it was dropped in after the start.
 */
@Component(service = LoadProblemSource.class)
public final class DroppedPlugins implements LoadProblemSource {

    private BundleContext context;
    private Dropins dropins;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        dropins = new Dropins(bundleContext);
    }

    @Override
    public List<LoadProblem> problems() {
        List<LoadProblem> problems = new ArrayList<>();
        boolean allowUnsigned = Boolean.parseBoolean(context.getProperty(DropinTrust.ALLOW_UNSIGNED));
        List<PGPPublicKey> keys = null;
        for (Dropins.Entry entry : dropins.scan()) {
            if (!entry.providerPlugin()) {
                continue;
            }
            if (!allowUnsigned) {
                keys = keys == null ? TrustedSigners.keys(context) : keys;
                DropinTrust trust = DropinTrust.of(entry.path(), keys);
                if (!trust.trusted()) {
                    problems.add(untrusted(entry, trust));
                    continue;
                }
            }
            if (installed(entry.symbolicName(), entry.version())) {
                continue; // in the framework, the catalog itself says whether it resolved
            }
            List<String> missing;
            try {
                missing = missing(entry.manifest());
            } catch (BundleException | IllegalArgumentException e) {
                missing = List.of("its manifest cannot be read: " + e.getMessage());
            }
            String reason = missing.isEmpty()
                    ? "the bundle is not installed yet: it was dropped in after Relaybench started, and loads at the next start"
                    : "the bundle was not installed: p2's dropins reconciler left it out because " + String.join("; ", missing);
            String name = entry.symbolicName();
            problems.add(new LoadProblem(name, "bundle " + name + " " + entry.version() + " ("
                    + dropins.folder().relativize(entry.path()) + ")", reason,
                    "the whole bundle (quarantined: none of its providers or rules is loaded)"));
        }
        return problems;
    }

    private LoadProblem untrusted(Dropins.Entry entry, DropinTrust trust) {
        String name = entry.symbolicName();
        Path relative = dropins.folder().relativize(entry.path());
        return new LoadProblem(name, "bundle " + name + " " + entry.version() + " (" + relative + ")",
                "not started: no key this Relaybench trusts signed it: " + trust.reason() + ". To load it, sign it"
                        + " (gpg --armor --detach-sign " + relative + ") with a key this Relaybench trusts ('relaybench"
                        + " plugins trust add <key file>'), or allow unsigned dropins (" + DropinTrust.ALLOW_UNSIGNED
                        + "=true in configuration/config.ini)",
                "the whole bundle (quarantined: none of its providers or rules is loaded)");
    }

    private boolean installed(String name, Version version) {
        for (Bundle bundle : context.getBundles()) {
            if (name.equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion())) {
                return true;
            }
        }
        return false;
    }

    /** @return the mandatory Require-Bundle and Import-Package entries nothing installed provides */
    private List<String> missing(Manifest manifest) throws BundleException {
        List<String> missing = new ArrayList<>();
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        check(manifest, Constants.REQUIRE_BUNDLE, BundleRevision.BUNDLE_NAMESPACE, Constants.BUNDLE_VERSION_ATTRIBUTE,
                wiring, missing);
        check(manifest, Constants.IMPORT_PACKAGE, BundleRevision.PACKAGE_NAMESPACE, Constants.VERSION_ATTRIBUTE, wiring,
                missing);
        return missing;
    }

    private static void check(Manifest manifest, String header, String namespace, String versionAttribute,
            FrameworkWiring wiring, List<String> missing) throws BundleException {
        String value = manifest.getMainAttributes().getValue(header);
        if (value == null) {
            return;
        }
        for (ManifestElement element : ManifestElement.parseHeader(header, value)) {
            if (Constants.RESOLUTION_OPTIONAL.equals(element.getDirective(Constants.RESOLUTION_DIRECTIVE))) {
                continue;
            }
            String range = element.getAttribute(versionAttribute);
            for (String name : element.getValueComponents()) {
                StringJoiner filter = new StringJoiner("", "(&", ")");
                filter.add("(" + namespace + "=" + name + ")");
                if (range != null) {
                    filter.add(VersionRange.valueOf(range).toFilterString(versionAttribute));
                }
                if (wiring.findProviders(new SimpleRequirement(namespace, filter.toString())).isEmpty()) {
                    missing.add(header + " " + name + (range == null ? "" : " " + range) + ": nothing installed provides it");
                }
            }
        }
    }

    /** A requirement to ask the framework with; it belongs to no resource. */
    private record SimpleRequirement(String namespace, String filter) implements Requirement {

        @Override
        public String getNamespace() {
            return namespace;
        }

        @Override
        public Map<String, String> getDirectives() {
            return Map.of(Namespace.REQUIREMENT_FILTER_DIRECTIVE, filter);
        }

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of();
        }

        @Override
        public Resource getResource() {
            return null;
        }
    }
}
