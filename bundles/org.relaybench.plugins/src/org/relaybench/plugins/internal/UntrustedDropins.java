package org.relaybench.plugins.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Keeps bundles in {@code dropins/} that no trusted key signed from resolving, so they never start,
 * load no class and contribute nothing: a resolver hook, the framework's own way to leave a bundle
 * out. p2's dropins reconciler installs what it finds in {@code dropins/} at start; this hook decides
 * whether each may resolve ({@link DropinTrust}: a detached {@code .asc} PGP signature by a key the
 * installation trusts). The products start this bundle at level 3, before the reconciler (level 4).
 * A dropped-in bundle resolved before the hook was there (an earlier start, a key no longer trusted, a
 * jar changed since) is updated and refreshed (stopped, unresolved) while this component activates, before the extension
 * registry reads anything, so that it is resolved again under the hook.
 * <p>
 * With the framework property {@value DropinTrust#ALLOW_UNSIGNED}{@code =true} (config.ini, or
 * {@code RELAYBENCH_VMARGS=-D...}) every dropped-in bundle resolves, as before.
 */
@Component(service = {}, immediate = true)
public final class UntrustedDropins implements ResolverHookFactory {

    private static final ILog LOG = ILog.of(UntrustedDropins.class);
    private static final int REFRESH_WAIT_SECONDS = 10;

    /** Verdicts by jar path, with the jar's and signature's times they were reached for. */
    private record Known(long stamp, int keys, DropinTrust verdict) {
    }

    private final Map<Path, Known> known = new ConcurrentHashMap<>();
    private BundleContext context;
    private Path installFolder;
    private Path folder;
    private boolean allowUnsigned;

    private ServiceRegistration<ResolverHookFactory> registration;

    /**
     * Registers the hook itself rather than as this component's service: the refresh below resolves
     * while this component is still activating, and the framework must reach the hook without waiting
     * for Declarative Services' lock on it.
     */
    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        allowUnsigned = Boolean.parseBoolean(bundleContext.getProperty(DropinTrust.ALLOW_UNSIGNED));
        Dropins dropins = new Dropins(bundleContext);
        installFolder = dropins.installFolder().toAbsolutePath().normalize();
        folder = dropins.folder().toAbsolutePath().normalize();
        if (!allowUnsigned) {
            registration = bundleContext.registerService(ResolverHookFactory.class, this, null);
            unresolveUntrusted();
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return allowUnsigned ? null : new Hook();
    }

    /**
     * @param keys the trusted keys as read for this resolution ({@link TrustedSigners#keysText}, once per
     *        resolution: trust may change between resolutions)
     * @return the verdict for a dropped-in bundle's path; reached again only when the jar, its signature or the trust changed
     */
    DropinTrust verdict(Path bundle, String keys) {
        int keysStamp = Objects.hashCode(keys);
        long stamp = stamp(bundle);
        Known k = known.get(bundle);
        if (k == null || k.stamp() != stamp || k.keys() != keysStamp) {
            k = new Known(stamp, keysStamp, DropinTrust.of(bundle, TrustedSigners.readKeys(keys)));
            known.put(bundle, k);
        }
        return k.verdict();
    }

    private static long stamp(Path bundle) {
        try {
            Path signature = bundle.resolveSibling(bundle.getFileName() + DropinTrust.SIGNATURE_SUFFIX);
            long s = Files.getLastModifiedTime(bundle).toMillis() * 31 + Files.size(bundle);
            return Files.isRegularFile(signature) ? s * 31 + Files.getLastModifiedTime(signature).toMillis() : s;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * @return the path of a bundle in dropins/, or null for every other bundle. Locations may be
     *         relative to the installation (as p2 writes them into bundles.info), never to the working
     *         directory of the process.
     */
    Path dropin(Bundle bundle) {
        String location = bundle.getLocation();
        if (location == null) {
            return null;
        }
        String uri = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (!uri.startsWith("file:")) {
            return null;
        }
        Path path;
        try {
            URI parsed = URI.create(uri.replace(" ", "%20"));
            path = parsed.isOpaque() ? Path.of(parsed.getSchemeSpecificPart()) : Path.of(parsed);
        } catch (IllegalArgumentException e) {
            path = Path.of(uri.substring("file:".length()));
        }
        path = installFolder.resolve(path).toAbsolutePath().normalize(); // an absolute path stays as it is
        return path.startsWith(folder) ? path : null;
    }

    private void unresolveUntrusted() {
        List<Bundle> refresh = new ArrayList<>();
        TrustedKeys keys = new TrustedKeys();
        for (Bundle bundle : context.getBundles()) {
            Path path = dropin(bundle);
            if (path != null && bundle.getState() != Bundle.INSTALLED && bundle.getState() != Bundle.UNINSTALLED
                    && !verdict(path, keys.text()).trusted()) {
                refresh.add(bundle);
            }
        }
        if (!refresh.isEmpty()) {
            // updated, the bundle gets a new modification time, so the extension registry does not take
            // its contributions from its cache (which still holds them from when it was resolved)
            for (Bundle bundle : refresh) {
                try {
                    bundle.update();
                } catch (BundleException | IllegalStateException e) {
                    LOG.error("Cannot update the dropped-in bundle " + bundle + " to unresolve it", e);
                }
            }
            // refreshing is asynchronous; wait for it, so that the registry and the catalog never see them
            CountDownLatch refreshed = new CountDownLatch(1);
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(refresh, event -> refreshed.countDown());
            try {
                if (!refreshed.await(REFRESH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.error("Dropped-in bundles no trusted key signed are still being refreshed after "
                            + REFRESH_WAIT_SECONDS + " s: " + refresh);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The trusted keys, read from p2's preferences when first needed and then kept: one read per resolution. */
    private final class TrustedKeys {

        private boolean read;
        private String text;

        String text() {
            if (!read) {
                text = TrustedSigners.keysText(context);
                read = true;
            }
            return text;
        }
    }

    private final class Hook implements ResolverHook {

        private final TrustedKeys keys = new TrustedKeys();

        @Override
        public void filterResolvable(Collection<BundleRevision> candidates) {
            candidates.removeIf(revision -> {
                Path path = dropin(revision.getBundle());
                return path != null && !verdict(path, keys.text()).trusted();
            });
        }

        @Override
        public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
            // no opinion
        }

        @Override
        public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
            // no opinion
        }

        @Override
        public void end() {
            // nothing kept per resolution
        }
    }
}
