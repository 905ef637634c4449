package org.relaybench.core.providers;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * The providers installed in this Relaybench, read from the extension point
 * {@code org.relaybench.core.providers}, with the contributions that could not be loaded. An OSGi
 * service; providers installed or removed while running show up in the next {@link #snapshot()}.
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

    /** @return the current catalog */
    Snapshot snapshot();

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
     * Registers a listener told of each new snapshot, on the thread that changed the catalog.
     *
     * @param listener the listener
     * @return a handle that unregisters it
     */
    AutoCloseable addListener(Consumer<Snapshot> listener);
}
