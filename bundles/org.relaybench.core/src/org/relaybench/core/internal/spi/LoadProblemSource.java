package org.relaybench.core.internal.spi;

import java.util.List;

import org.relaybench.core.providers.LoadProblem;

/**
 * Tells the provider catalog of provider plugins that never reached the framework, which the catalog
 * cannot see itself: for example a bundle in {@code dropins/} that p2's dropins reconciler left out
 * because its requirements are not met. An OSGi service; the catalog lists its problems with its own
 * and asks again at every read.
 * <p>
 * Not API: a friend interface of {@code org.relaybench.plugins}.
 */
public interface LoadProblemSource {

    /** @return the problems known now; never null */
    List<LoadProblem> problems();
}
