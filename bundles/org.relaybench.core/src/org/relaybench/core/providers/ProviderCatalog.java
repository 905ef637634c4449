package org.relaybench.core.providers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * The providers installed in this Relaybench, read from the extension point
 * {@code org.relaybench.core.providers}, with the contributions that could not be loaded. An OSGi
 * service; providers installed or removed while running show up once the catalog has read them again,
 * which it does in the background when the extension registry announces a change: listeners are told,
 * and {@link #awaitCurrent(Duration)} waits for it.
 *
 * @since 0.1
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface ProviderCatalog {

    /**
     * An immutable view of the catalog at one moment.
     *
     * @param generation increases each time the catalog changes
     * @param providers providers in priority order (highest first), then by id
     * @param problems load problems in the order met
     */
    record Snapshot(long generation, List<ProviderDescriptor> providers, List<LoadProblem> problems) {
        public Snapshot {
            providers = List.copyOf(providers);
            problems = List.copyOf(problems);
        }

        /**
         * @param id a provider id
         * @return the provider, when installed
         */
        public Optional<ProviderDescriptor> provider(String id) {
            return providers.stream().filter(p -> p.id().equals(id)).findFirst();
        }
    }

    /**
     * Returns the current snapshot and nothing else: never reads the registry, never waits, cheap enough
     * for the UI thread.
     *
     * @return the current catalog
     */
    Snapshot snapshot();

    /**
     * Returns the snapshot once the catalog has taken in every contribution the extension registry holds
     * now. Registry events arrive asynchronously, so a contribution installed a moment ago (a plugin the
     * dropins reconciler installed at start-up, say) may not be in {@link #snapshot()} yet; this waits for
     * the background reload that brings it in, at most {@code timeout}, and then returns the current
     * snapshot either way. One-shot callers (the command line, a diagnosis) use it; it never reloads on
     * the caller's thread, but may wait, so the UI thread should use {@link #snapshot()} and a listener.
     *
     * @param timeout the longest to wait
     * @return the current catalog
     * @since 0.1
     */
    default Snapshot awaitCurrent(Duration timeout) {
        return snapshot();
    }

    /**
     * Creates the code rule of a descriptor from its contributing bundle. Creation failures are also
     * recorded as load problems of the catalog.
     *
     * @param provider the provider
     * @param rule one of its code rules
     * @return the rule
     * @throws IllegalArgumentException when the rule is not a code rule of that provider
     * @throws RuleCreationException when the class cannot be loaded or created
     */
    DiagnosisRule createRule(ProviderDescriptor provider, RuleDescriptor rule) throws RuleCreationException;

    /**
     * Records a problem met while using a contribution (a rule that threw or ran too long), so that
     * the catalog lists it with the load problems.
     *
     * @param problem the problem
     */
    void report(LoadProblem problem);

    /**
     * Registers a listener told of new snapshots, in order, on the catalog's own background thread and
     * never while the catalog holds a lock, so a listener may call back into the catalog from any thread.
     * Changes in quick succession may be told as one, with the newest snapshot.
     *
     * @param listener the listener
     * @return a handle that unregisters it
     */
    AutoCloseable addListener(Consumer<Snapshot> listener);
}
