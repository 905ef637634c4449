package org.relaybench.plugins.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IInstallableUnitFragment;
import org.eclipse.equinox.p2.metadata.IProvidedCapability;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.query.QueryUtil;

/**
 * Reads a p2 profile as Relaybench sees it: the product root (the IU the product was materialized
 * from, marked {@code org.eclipse.equinox.p2.type.product}) and the plugins, which are the other roots
 * the user installed (roots the dropins reconciler added for {@code dropins/} are left to
 * {@link Dropins}). A plugin's bundles are the bundle IUs its requirements reach that the product's do
 * not: a plugin that only adds bundles owns them, and a bundle both need stays the product's.
 * <p>
 * This is how {@code p2} origins are told apart from built-in ones: p2 installs into {@code plugins/}
 * like the product's own bundles, so only the profile knows who asked for a bundle. Immutable.
 */
final class ProfileRoots {

    static final String PROP_ROOT = "org.eclipse.equinox.p2.type.root";
    static final String PROP_PRODUCT = "org.eclipse.equinox.p2.type.product";
    static final String PROP_DROPINS = "org.eclipse.equinox.p2.reconciler.dropins";
    static final String PROP_NAME = IInstallableUnit.PROP_NAME;
    private static final String BUNDLE_NAMESPACE = "osgi.bundle";

    private final Map<IInstallableUnit, List<IInstallableUnit>> plugins;
    private final Set<String> pluginBundles = new HashSet<>();
    private final Set<IInstallableUnit> productUnits;

    private ProfileRoots(Map<IInstallableUnit, List<IInstallableUnit>> plugins, Set<IInstallableUnit> productUnits) {
        this.plugins = plugins;
        this.productUnits = productUnits;
        plugins.values().forEach(bundles -> bundles.forEach(iu -> pluginBundles.add(key(iu.getId(), iu.getVersion().toString()))));
    }

    /**
     * @param profile the running installation's profile
     * @return its roots, classified
     */
    static ProfileRoots of(IProfile profile) {
        Set<IInstallableUnit> all = profile.query(QueryUtil.createIUAnyQuery(), null).toUnmodifiableSet();
        List<IInstallableUnit> productRoots = new ArrayList<>();
        List<IInstallableUnit> pluginRoots = new ArrayList<>();
        for (IInstallableUnit iu : all) {
            if (!"true".equals(profile.getInstallableUnitProperty(iu, PROP_ROOT))) {
                continue;
            }
            if ("true".equals(iu.getProperty(PROP_PRODUCT))) {
                productRoots.add(iu);
            } else if (!"true".equals(profile.getInstallableUnitProperty(iu, PROP_DROPINS))) {
                pluginRoots.add(iu);
            }
        }
        Set<IInstallableUnit> product = closure(productRoots, all);
        pluginRoots.sort(Comparator.comparing(IInstallableUnit::getId));
        Map<IInstallableUnit, List<IInstallableUnit>> plugins = new LinkedHashMap<>();
        for (IInstallableUnit root : pluginRoots) {
            List<IInstallableUnit> bundles = closure(List.of(root), all).stream()
                    .filter(iu -> !product.contains(iu) && isBundle(iu))
                    .sorted(Comparator.comparing(IInstallableUnit::getId)).toList();
            plugins.put(root, bundles);
        }
        return new ProfileRoots(plugins, product);
    }

    /**
     * @return every unit the given units require, directly or not, within the profile, with them. The
     *         requirements of fragments (configuration units such as {@code tooling.osgi.bundle.default})
     *         are not followed: their host requirements match every bundle.
     */
    static Set<IInstallableUnit> closure(Collection<IInstallableUnit> from, Collection<IInstallableUnit> all) {
        Set<IInstallableUnit> seen = new HashSet<>(from);
        Deque<IInstallableUnit> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            IInstallableUnit iu = todo.pop();
            if (iu instanceof IInstallableUnitFragment) {
                continue;
            }
            for (IRequirement requirement : iu.getRequirements()) {
                for (IInstallableUnit candidate : all) {
                    if (!seen.contains(candidate) && requirement.isMatch(candidate)) {
                        seen.add(candidate);
                        todo.push(candidate);
                    }
                }
            }
        }
        return seen;
    }

    static boolean isBundle(IInstallableUnit iu) {
        for (IProvidedCapability capability : iu.getProvidedCapabilities()) {
            if (BUNDLE_NAMESPACE.equals(capability.getNamespace())) {
                return true;
            }
        }
        return false;
    }

    static String key(String symbolicName, String version) {
        return symbolicName + '_' + version;
    }

    /** @return plugin roots by id, each with the bundles it brought */
    Map<IInstallableUnit, List<IInstallableUnit>> plugins() {
        return plugins;
    }

    /** @return the bundles plugin roots brought, as {@code symbolic-name_version} */
    Set<String> pluginBundleKeys() {
        return Set.copyOf(pluginBundles);
    }

    /**
     * @param id an IU id
     * @return whether the product itself needs a unit of that id
     */
    boolean isPartOfProduct(String id) {
        return productUnits.stream().anyMatch(iu -> iu.getId().equals(id));
    }
}
