package org.relaybench.core.internal.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IRegistryEventListener;
import org.eclipse.core.runtime.SafeRunner;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.relaybench.core.internal.registry.OriginResolver;
import org.relaybench.core.internal.registry.ProviderRegistryReader;
import org.relaybench.core.internal.spi.InstallSource;
import org.relaybench.core.internal.spi.LoadProblemSource;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.RuleCreationException;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * The provider catalog service, fed by the extension registry. It re-reads the extension point
 * whenever contributions are added or removed, so providers installed while running appear.
 * <p>
 * Provider plugins that do not resolve never reach the registry; they are found among the framework's
 * bundles and listed as load problems with the framework's reason ({@link UnresolvedPlugins}), and
 * {@link LoadProblemSource}s tell of those that never reached the framework. Where a provider came
 * from is asked of the {@link InstallSource}s (p2) when the bundle's location cannot say.
 * <p>
 * Concurrency: the current state is one immutable {@link State} in a volatile field, swapped under the
 * object's lock by {@link #reload()}; readers never lock. Problems reported while rules run are kept
 * across reloads, once each, at most {@value #MAX_RUNTIME_PROBLEMS}.
 */
@Component(service = ProviderCatalog.class, immediate = true)
public final class ExtensionProviderCatalog implements ProviderCatalog, IRegistryEventListener, BundleListener {

    private static final int MAX_RUNTIME_PROBLEMS = 500;
    private static final ILog LOG = ILog.of(ExtensionProviderCatalog.class);

    /** One generation: its snapshot, the code rules' elements, and the rules created from them. */
    private record State(Snapshot snapshot, Set<IExtension> extensions, Map<String, IConfigurationElement> codeRules,
            Map<String, DiagnosisRule> ruleInstances) {
        State(Snapshot snapshot, Set<IExtension> extensions, Map<String, IConfigurationElement> codeRules) {
            this(snapshot, extensions, codeRules, new ConcurrentHashMap<>());
        }
    }

    @Reference
    private IExtensionRegistry registry;

    private final OriginResolver origins;
    private final List<InstallSource> installSources = new CopyOnWriteArrayList<>();
    private final List<LoadProblemSource> problemSources = new CopyOnWriteArrayList<>();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Set<LoadProblem> runtimeProblems = new LinkedHashSet<>();
    private volatile State state = new State(new Snapshot(0, List.of(), List.of()), Set.of(), Map.of());
    private volatile BundleContext context;
    private volatile UnresolvedPlugins unresolved;

    /** Creates the catalog; DS injects the registry and the install sources. */
    public ExtensionProviderCatalog() {
        this.origins = new OriginResolver(this::installSource);
    }

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        unresolved = new UnresolvedPlugins(bundleContext);
        bundleContext.addBundleListener(this);
        registry.addListener(this, ProviderRegistryReader.POINT);
        reload();
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(this);
        context.removeBundleListener(this);
        context = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addInstallSource(InstallSource source) {
        installSources.add(source);
        if (context != null) {
            reload();
        }
    }

    void removeInstallSource(InstallSource source) {
        installSources.remove(source);
        if (context != null) {
            reload();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProblemSource(LoadProblemSource source) {
        problemSources.add(source);
        if (context != null) {
            reload();
        }
    }

    void removeProblemSource(LoadProblemSource source) {
        problemSources.remove(source);
        if (context != null) {
            reload();
        }
    }

    private List<LoadProblem> sourcedProblems() {
        List<LoadProblem> problems = new ArrayList<>();
        for (LoadProblemSource source : problemSources) {
            try {
                problems.addAll(source.problems());
            } catch (RuntimeException e) {
                LOG.error("Load problem source " + source.getClass().getName() + " failed", e);
            }
        }
        return problems;
    }

    private Optional<String> installSource(Bundle bundle) {
        for (InstallSource source : installSources) {
            try {
                Optional<String> found = source.sourceOf(bundle);
                if (found.isPresent()) {
                    return found;
                }
            } catch (RuntimeException e) {
                LOG.error("Install source " + source.getClass().getName() + " failed for " + bundle, e);
            }
        }
        return Optional.empty();
    }

    /**
     * A provider plugin that does not resolve sends no registry event: bundle events tell when one is
     * installed, resolved after all, or removed.
     */
    @Override
    public void bundleChanged(BundleEvent event) {
        if (context != null && concernsUnresolvedPlugins(event)) {
            reload();
        }
    }

    private boolean concernsUnresolvedPlugins(BundleEvent event) {
        Bundle bundle = event.getBundle();
        return switch (event.getType()) {
        case BundleEvent.INSTALLED, BundleEvent.UNRESOLVED, BundleEvent.UPDATED -> UnresolvedPlugins.isProviderPlugin(bundle);
        case BundleEvent.RESOLVED, BundleEvent.UNINSTALLED -> state.snapshot().problems().stream()
                .anyMatch(p -> p.contributor().equals(bundle.getSymbolicName()));
        default -> false;
        };
    }

    /** Reads the extension point again and publishes a new snapshot. */
    public synchronized void reload() {
        Set<IExtension> extensions = currentExtensions();
        ProviderRegistryReader.Result result = new ProviderRegistryReader(origins).read(registry);
        List<LoadProblem> problems = new ArrayList<>(result.problems());
        UnresolvedPlugins plugins = unresolved;
        if (plugins != null) {
            problems.addAll(plugins.find());
        }
        problems.addAll(sourcedProblems());
        State old = state;
        Set<LoadProblem> known = new LinkedHashSet<>(old.snapshot().problems());
        for (LoadProblem p : problems) {
            if (!known.contains(p)) {
                LOG.warn("Provider contribution skipped: " + p);
            }
        }
        publish(new State(new Snapshot(old.snapshot().generation() + 1, result.providers(), merge(problems)),
                extensions, result.codeRules()));
    }

    /** @return the extensions of the point now; registry handles compare by object identity */
    private Set<IExtension> currentExtensions() {
        IExtensionPoint point = registry.getExtensionPoint(ProviderRegistryReader.POINT);
        return point == null ? Set.of() : new HashSet<>(Arrays.asList(point.getExtensions()));
    }

    private List<LoadProblem> merge(List<LoadProblem> loadProblems) {
        List<LoadProblem> all = new ArrayList<>(loadProblems);
        synchronized (runtimeProblems) {
            runtimeProblems.stream().filter(p -> !all.contains(p)).forEach(all::add);
        }
        return all;
    }

    private void publish(State next) {
        state = next;
        for (Consumer<Snapshot> listener : listeners) {
            SafeRunner.run(() -> listener.accept(next.snapshot()));
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * Registry change events arrive asynchronously; contributions installed at start-up (for example
     * by the dropins reconciler) may not have been announced yet. So the snapshot is checked against
     * the extensions the registry holds now and re-read when they differ.
     */
    @Override
    public Snapshot snapshot() {
        State current = state;
        if (!current.extensions().equals(currentExtensions())) {
            reload();
            current = state;
        }
        return current.snapshot();
    }

    @Override
    public DiagnosisRule createRule(ProviderDescriptor provider, RuleDescriptor rule) throws RuleCreationException {
        // read the state once: a rule is created from, and cached in, the generation it belongs to
        State current = state;
        String key = ProviderRegistryReader.ruleKey(provider.id(), rule.id());
        DiagnosisRule cached = current.ruleInstances().get(key);
        if (cached != null) {
            return cached;
        }
        IConfigurationElement element = current.codeRules().get(key);
        if (element == null || !rule.isCode()) {
            throw new IllegalArgumentException("not a code rule of provider " + provider.id() + ": " + rule.id());
        }
        String where = "provider[" + provider.id() + "]/rule[" + rule.id() + "]";
        try {
            Object created = element.createExecutableExtension("class");
            if (!(created instanceof DiagnosisRule diagnosisRule)) {
                throw new RuleCreationException(where + ": class " + rule.implementation().get()
                        + " does not implement " + DiagnosisRule.class.getName(), null);
            }
            DiagnosisRule previous = current.ruleInstances().putIfAbsent(key, diagnosisRule);
            return previous != null ? previous : diagnosisRule;
        } catch (CoreException | LinkageError | RuntimeException e) {
            RuleCreationException failure = new RuleCreationException(where + ": class "
                    + rule.implementation().get() + " could not be created: " + describe(e), e);
            report(new LoadProblem(provider.origin().bundle(), where, failure.getMessage(), "rule " + rule.id()));
            throw failure;
        } catch (RuleCreationException e) {
            report(new LoadProblem(provider.origin().bundle(), where, e.getMessage(), "rule " + rule.id()));
            throw e;
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void report(LoadProblem problem) {
        synchronized (runtimeProblems) {
            if (runtimeProblems.size() >= MAX_RUNTIME_PROBLEMS || !runtimeProblems.add(problem)) {
                return;
            }
        }
        LOG.warn("Provider contribution failed: " + problem);
        synchronized (this) {
            State old = state;
            publish(new State(new Snapshot(old.snapshot().generation() + 1, old.snapshot().providers(),
                    merge(old.snapshot().problems())), old.extensions(), old.codeRules(), old.ruleInstances()));
        }
    }

    @Override
    public AutoCloseable addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void added(IExtension[] extensions) {
        reload();
    }

    @Override
    public void removed(IExtension[] extensions) {
        reload();
    }

    @Override
    public void added(IExtensionPoint[] extensionPoints) {
        // only our own point matters, and it is declared by this bundle
    }

    @Override
    public void removed(IExtensionPoint[] extensionPoints) {
        // see added(IExtensionPoint[])
    }
}
