package org.relaybench.core.internal.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
import org.osgi.framework.SynchronousBundleListener;
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
 * Concurrency: the current state is one immutable {@link State} in a volatile field; {@link #snapshot()}
 * only reads it, never locks and never reloads. Reloads run on the catalog's own background thread
 * ({@value #THREAD}), requested by registry and bundle events and coalesced; only the first read, at
 * activation, runs on the activating thread. Registry events arrive asynchronously (contributions the
 * dropins reconciler installs at start-up, for example, are in the registry before the catalog hears
 * of them), so {@link #awaitCurrent(Duration)} compares the snapshot with the extensions the registry
 * holds now and waits for the reload that brings them in. A new state is swapped in under
 * {@code swapLock}, which guards nothing else; listeners are told afterwards, on the background thread,
 * in generation order, with no lock held. Problems reported while rules run are kept across reloads,
 * once each, at most {@value #MAX_RUNTIME_PROBLEMS}.
 * <p>
 * {@link #awaitCurrent(Duration)} is called for every diagnosis, so it answers without copying the
 * framework's bundles or the registry's extensions, and without a lock, while nothing changed since it
 * last found the catalog current: see {@link #awaitCurrent(Duration)}.
 */
@Component(service = ProviderCatalog.class, immediate = true)
public final class ExtensionProviderCatalog implements ProviderCatalog, IRegistryEventListener, BundleListener {

    private static final int MAX_RUNTIME_PROBLEMS = 500;
    /**
     * How long after a bundle event {@link #awaitCurrent(Duration)} keeps comparing with the registry on
     * every call, however often it found the catalog current: the registry takes in a resolved bundle's
     * contributions in a bundle listener of its own, which may run after the one that counts the events.
     */
    public static final long SETTLE_MILLIS = 2_000;
    static final String THREAD = "relaybench-catalog";
    private static final ILog LOG = ILog.of(ExtensionProviderCatalog.class);

    /**
     * One generation: its snapshot, what it was read from (the point's extensions, and how many bundle
     * events had been counted when reading began), the code rules' elements, and the rules created from
     * them.
     */
    private record State(Snapshot snapshot, Set<IExtension> extensions, long bundleEvents,
            Map<String, IConfigurationElement> codeRules, Map<String, DiagnosisRule> ruleInstances) {
        State(Snapshot snapshot, Set<IExtension> extensions, long bundleEvents, Map<String, IConfigurationElement> codeRules) {
            this(snapshot, extensions, bundleEvents, codeRules, new ConcurrentHashMap<>());
        }
    }

    @Reference
    private IExtensionRegistry registry;

    private final OriginResolver origins;
    private final List<InstallSource> installSources = new CopyOnWriteArrayList<>();
    private final List<LoadProblemSource> problemSources = new CopyOnWriteArrayList<>();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Set<LoadProblem> runtimeProblems = new LinkedHashSet<>();
    private volatile State state = new State(new Snapshot(0, List.of(), List.of()), Set.of(), 0, Map.of());
    private volatile BundleContext context;
    private volatile UnresolvedPlugins unresolved;

    /** Guards the swap of {@link #state}: nothing slow and no foreign code runs under it. */
    private final Object swapLock = new Object();
    /** Serialises reading the registry, so that a newer read is never published before an older one. */
    private final Object readLock = new Object();
    /** Guards the reload bookkeeping below. */
    private final Object reloads = new Object();
    private volatile long requested;
    private volatile long done;
    private boolean draining;
    private ExecutorService background;
    private volatile Thread backgroundThread;
    /** The generation listeners were last told of; used on the background thread only. */
    private long notified;

    /**
     * Bundle events that may change what the catalog is read from (installed, resolved, unresolved,
     * updated, uninstalled), counted synchronously, before the framework call that caused them returns.
     */
    private final AtomicLong bundleChanges = new AtomicLong();
    /** {@link System#nanoTime()} of the last counted bundle event, written before the count. */
    private volatile long lastBundleChange = System.nanoTime();
    /** The count of bundle events at which the catalog was last found current, or -1. */
    private volatile long currentAt = -1;
    private final SynchronousBundleListener changeCounter = event -> {
        switch (event.getType()) {
        case BundleEvent.INSTALLED, BundleEvent.RESOLVED, BundleEvent.UNRESOLVED, BundleEvent.UPDATED,
                BundleEvent.UNINSTALLED -> {
            lastBundleChange = System.nanoTime();
            bundleChanges.incrementAndGet();
        }
        default -> {
            // starting and stopping change neither the registry nor the bundles the catalog reads
        }
        }
    };

    /** Creates the catalog; DS injects the registry and the install sources. */
    public ExtensionProviderCatalog() {
        this.origins = new OriginResolver(this::installSource);
    }

    @Activate
    void activate(BundleContext bundleContext) {
        synchronized (reloads) {
            background = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, THREAD);
                t.setDaemon(true);
                backgroundThread = t;
                return t;
            });
        }
        unresolved = new UnresolvedPlugins(bundleContext);
        context = bundleContext;
        bundleContext.addBundleListener(changeCounter);
        bundleContext.addBundleListener(this);
        registry.addListener(this, ProviderRegistryReader.POINT);
        read(); // the first read, so that the service starts with the providers installed now
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(this);
        context.removeBundleListener(this);
        context.removeBundleListener(changeCounter);
        context = null;
        synchronized (reloads) {
            background.shutdownNow();
            background = null;
            reloads.notifyAll();
        }
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

    /**
     * Asks for the extension point to be read again, in the background; requests that arrive while a
     * read is due are served by that one read.
     */
    public void reload() {
        requestReload();
    }

    /** @return the request's number: it is served once {@link #done} reaches it */
    private long requestReload() {
        synchronized (reloads) {
            long ticket = ++requested;
            if (!draining && background != null) {
                try {
                    background.execute(this::drain);
                    draining = true;
                } catch (RejectedExecutionException e) {
                    // deactivated meanwhile: nobody will read the catalog again
                }
            }
            return ticket;
        }
    }

    /** On the background thread: reads until every request made so far is served, telling listeners. */
    private void drain() {
        while (true) {
            long target;
            synchronized (reloads) {
                if (done >= requested || background == null) {
                    draining = false;
                    reloads.notifyAll();
                    return;
                }
                target = requested;
            }
            try {
                read();
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Reading the provider contributions failed; the catalog stays as it was", e);
            }
            synchronized (reloads) {
                done = Math.max(done, target);
                reloads.notifyAll();
            }
            notifyListeners();
        }
    }

    /** Reads the extension point and publishes a new snapshot. */
    private void read() {
        synchronized (readLock) {
            long events = bundleChanges.get();
            Set<IExtension> extensions = currentExtensions();
            ProviderRegistryReader.Result result = new ProviderRegistryReader(origins).read(registry);
            List<LoadProblem> problems = new ArrayList<>(result.problems());
            UnresolvedPlugins plugins = unresolved;
            if (plugins != null) {
                problems.addAll(plugins.find());
            }
            problems.addAll(sourcedProblems());
            Set<LoadProblem> known = new LinkedHashSet<>(state.snapshot().problems());
            for (LoadProblem p : problems) {
                if (!known.contains(p)) {
                    LOG.warn("Provider contribution skipped: " + p);
                }
            }
            publish(old -> new State(new Snapshot(old.snapshot().generation() + 1, result.providers(), merge(problems)),
                    extensions, events, result.codeRules()));
        }
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

    /** Swaps in the next state, made from the current one under the swap lock, and has listeners told. */
    private void publish(UnaryOperator<State> next) {
        synchronized (swapLock) {
            state = next.apply(state);
        }
        if (Thread.currentThread() == backgroundThread) {
            return; // drain() tells the listeners after the read
        }
        synchronized (reloads) {
            if (background != null) {
                try {
                    background.execute(this::notifyListeners);
                } catch (RejectedExecutionException e) {
                    // deactivated meanwhile: nobody listens any more
                }
            }
        }
    }

    /**
     * On the background thread, with no lock held: tells the listeners of the newest snapshot, unless
     * they know it already. Changes in quick succession are told once.
     */
    private void notifyListeners() {
        Snapshot current = state.snapshot();
        if (current.generation() <= notified) {
            return;
        }
        notified = current.generation();
        for (Consumer<Snapshot> listener : listeners) {
            SafeRunner.run(() -> listener.accept(current));
        }
    }

    /** Returns the current snapshot; never reads the registry, never locks, never waits. */
    @Override
    public Snapshot snapshot() {
        return state.snapshot();
    }

    /**
     * The catalog is current when its snapshot was read from the extensions the registry holds now, by a
     * reading that began after the last bundle event (a provider plugin that does not resolve has no
     * extensions, but its installation is an event), and no reload is due (one asked for by a bundle
     * event, say). On the catalog's own thread (a listener)
     * this cannot wait for itself and returns the snapshot at once.
     * <p>
     * Fast path: when the catalog was found current and no bundle event has been counted since, and no
     * reload is due, the snapshot is returned without comparing (two volatile reads and a counter). The
     * count is kept by a synchronous bundle listener, so a bundle installed, resolved or removed before
     * this call is always counted by the time it is made. Finding the catalog current is only remembered
     * when the last bundle event is older than {@value #SETTLE_MILLIS} ms, since the registry's own
     * listener may take in the bundle's contributions after the count went up. Contributions added to the
     * registry without a bundle (not done in the product) are seen once the registry announces them.
     */
    @Override
    public Snapshot awaitCurrent(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (Thread.currentThread() == backgroundThread) {
            return state.snapshot();
        }
        long changes = bundleChanges.get();
        if (changes == currentAt && done >= requested) {
            return state.snapshot();
        }
        long start = System.nanoTime();
        boolean settled = start - lastBundleChange > TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        long deadline = start + timeout.toNanos();
        State current = state;
        // a plugin that does not resolve has no extensions, but its installation is a bundle event; a
        // reading that began before the event, even one still running, does not count as current
        boolean stale = current.bundleEvents() != changes || !current.extensions().equals(currentExtensions());
        if (!stale && settled && context != null) {
            currentAt = changes;
        }
        synchronized (reloads) {
            long ticket = stale ? requestReload() : requested;
            try {
                while (done < ticket && background != null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    reloads.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return state.snapshot();
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
        publish(old -> new State(new Snapshot(old.snapshot().generation() + 1, old.snapshot().providers(),
                merge(old.snapshot().problems())), old.extensions(), old.bundleEvents(), old.codeRules(), old.ruleInstances()));
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
