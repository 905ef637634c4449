package org.relaybench.core.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.report.resolution.ResolutionReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.relaybench.core.internal.registry.ProviderRegistryReader;
import org.relaybench.core.providers.LoadProblem;

/**
 * Finds provider plugins that the framework could not resolve, and says why. Such a bundle never
 * reaches the extension registry, so without this it would simply be missing from the catalog.
 * <p>
 * A bundle counts as a provider plugin when its manifest has a {@value #PROVIDER_HEADER} header or
 * its {@code plugin.xml} (or {@code fragment.xml}) names the extension point. The reason comes from
 * the framework's own resolution report (Equinox {@link ResolutionReport}), gathered by a resolver
 * hook while the bundle is resolved once more; it is kept per bundle revision, so each unresolved
 * bundle is tried once, not at every read of the catalog. Quarantine needs nothing more: an
 * unresolved bundle has no class loader and no registry contributions, so none of its providers load
 * and none of its rules can run.
 */
final class UnresolvedPlugins {

    /** Optional manifest header of a provider plugin, e.g. {@code Relaybench-Provider: examplenet}. */
    static final String PROVIDER_HEADER = "Relaybench-Provider";

    /** Reasons by bundle id, with the revision's last-modified time they were found for. */
    private record Known(long lastModified, LoadProblem problem) {
    }

    private final BundleContext context;
    private final Map<Long, Known> known = new HashMap<>();

    UnresolvedPlugins(BundleContext context) {
        this.context = Objects.requireNonNull(context);
    }

    /** @return one load problem per provider plugin that does not resolve, in bundle id order */
    synchronized List<LoadProblem> find() {
        List<Bundle> unexplained = new ArrayList<>();
        List<Bundle> unresolved = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.INSTALLED || !isProviderPlugin(bundle)) {
                continue;
            }
            unresolved.add(bundle);
            Known k = known.get(bundle.getBundleId());
            if (k == null || k.lastModified() != bundle.getLastModified()) {
                unexplained.add(bundle);
            }
        }
        if (!unexplained.isEmpty()) {
            Map<Resource, String> reasons = explain(unexplained);
            for (Bundle bundle : unexplained) {
                if (bundle.getState() != Bundle.INSTALLED) {
                    continue; // it resolved after all: the registry reads it now
                }
                String reason = Optional.ofNullable(reasons.get(bundle.adapt(BundleRevision.class)))
                        .orElse("the framework could not resolve it and gave no reason");
                known.put(bundle.getBundleId(), new Known(bundle.getLastModified(), problem(bundle, reason)));
            }
        }
        known.keySet().retainAll(unresolved.stream().map(Bundle::getBundleId).toList());
        List<LoadProblem> problems = new ArrayList<>();
        for (Bundle bundle : unresolved) {
            Known k = known.get(bundle.getBundleId());
            if (k != null) {
                problems.add(k.problem());
            }
        }
        return problems;
    }

    private static LoadProblem problem(Bundle bundle, String reason) {
        String name = bundle.getSymbolicName() == null ? bundle.getLocation() : bundle.getSymbolicName();
        return new LoadProblem(name, "bundle " + name + " " + bundle.getVersion(),
                "the bundle does not resolve: " + reason,
                "the whole bundle (quarantined: none of its providers or rules is loaded)");
    }

    /**
     * @param bundle any bundle
     * @return whether it declares the header or contributes to the providers extension point
     */
    static boolean isProviderPlugin(Bundle bundle) {
        try {
            if (bundle.getHeaders("").get(PROVIDER_HEADER) != null) {
                return true;
            }
            for (String file : List.of("plugin.xml", "fragment.xml")) {
                URL entry = bundle.getEntry(file);
                if (entry != null && read(entry).contains(ProviderRegistryReader.POINT)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalStateException | IOException e) {
            return false; // uninstalled meanwhile, or unreadable: nothing to report for it
        }
    }

    private static String read(URL entry) throws IOException {
        try (InputStream in = entry.openStream()) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
    }

    /** Resolves the bundles once more with a hook that receives the framework's resolution report. */
    private Map<Resource, String> explain(Collection<Bundle> bundles) {
        ReportingHook hook = new ReportingHook();
        ResolverHookFactory factory = triggers -> hook;
        ServiceRegistration<ResolverHookFactory> registration = context.registerService(ResolverHookFactory.class,
                factory, null);
        try {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).resolveBundles(bundles);
        } finally {
            registration.unregister();
        }
        Map<Resource, String> reasons = new HashMap<>();
        hook.entries().forEach((resource, entries) -> reasons.put(resource, describe(entries)));
        return reasons;
    }

    private static String describe(List<ResolutionReport.Entry> entries) {
        StringJoiner text = new StringJoiner("; ");
        for (ResolutionReport.Entry entry : entries) {
            text.add(describe(entry));
        }
        return text.toString();
    }

    private static String describe(ResolutionReport.Entry entry) {
        Object data = entry.getData();
        switch (entry.getType()) {
        case MISSING_CAPABILITY:
            return data instanceof Requirement r ? requirement(r) + ": nothing installed provides it"
                    : "a requirement is not met";
        case UNRESOLVED_PROVIDER:
            if (data instanceof Map<?, ?> map && !map.isEmpty()) {
                StringJoiner needs = new StringJoiner(", ");
                map.keySet().forEach(r -> needs.add(r instanceof Requirement req ? requirement(req) : String.valueOf(r)));
                return needs + ": provided only by bundles that do not resolve either";
            }
            return "a bundle it needs does not resolve either";
        case SINGLETON_SELECTION:
            return "another version of this singleton bundle is in use"
                    + (data instanceof BundleRevision other ? " (" + other.getSymbolicName() + " " + other.getVersion() + ")" : "");
        case USES_CONSTRAINT_VIOLATION:
            return "conflicting package versions (uses constraint)"
                    + (data instanceof Exception e && e.getMessage() != null ? ": " + firstLine(e.getMessage()) : "");
        case FILTERED_BY_RESOLVER_HOOK:
            return "a resolver hook filtered it out";
        default:
            return entry.getType().toString().toLowerCase().replace('_', ' ');
        }
    }

    private static final Pattern NAME = Pattern.compile("\\(([\\w.-]+)=([^)]*)\\)");

    /** @return the requirement in manifest words, e.g. {@code Require-Bundle org.example.nowhere [1.0,2.0)} */
    static String requirement(Requirement requirement) {
        String namespace = requirement.getNamespace();
        String filter = requirement.getDirectives().getOrDefault("filter", "");
        String header = switch (namespace) {
        case BundleRevision.BUNDLE_NAMESPACE -> "Require-Bundle";
        case BundleRevision.PACKAGE_NAMESPACE -> "Import-Package";
        case BundleRevision.HOST_NAMESPACE -> "Fragment-Host";
        case "osgi.ee" -> "Bundle-RequiredExecutionEnvironment";
        default -> "Require-Capability " + namespace;
        };
        String name = "";
        Matcher m = NAME.matcher(filter);
        while (m.find()) {
            if (m.group(1).equals(namespace)) {
                name = m.group(2);
                break;
            }
        }
        String constraint = filter.replace("(" + namespace + "=" + name + ")", "").replaceAll("^\\(&(.*)\\)$", "$1");
        return header + (name.isEmpty() ? " " + filter : " " + name) + (constraint.isBlank() || name.isEmpty() ? ""
                : " " + constraint);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Takes no part in resolving; only listens for reports. Other resolve operations may run while it
     * is registered, so it keeps the entries of every report it receives.
     */
    private static final class ReportingHook implements ResolverHook, ResolutionReport.Listener {

        private final Map<Resource, List<ResolutionReport.Entry>> entries = new HashMap<>();

        @Override
        public synchronized void handleResolutionReport(ResolutionReport report) {
            entries.putAll(report.getEntries());
        }

        synchronized Map<Resource, List<ResolutionReport.Entry>> entries() {
            return new HashMap<>(entries);
        }

        @Override
        public void filterResolvable(Collection<BundleRevision> candidates) {
            // takes no part
        }

        @Override
        public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisions) {
            // takes no part
        }

        @Override
        public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
            // takes no part
        }

        @Override
        public void end() {
            // nothing held
        }
    }
}
