package org.relaybench.core.internal.spi;

import java.util.Optional;

import org.osgi.framework.Bundle;

/**
 * Tells how a bundle came into this installation when its location cannot say. p2 puts the plugins
 * it installs into {@code plugins/}, beside the bundles the product was built with, so only the
 * installer itself knows which is which. An OSGi service: the provider catalog asks every registered
 * source, and reads the catalog again when one comes or goes.
 * <p>
 * Not API: a friend interface of {@code org.relaybench.plugins}, which implements it from the p2
 * profile of the running installation.
 */
public interface InstallSource {

    /**
     * @param bundle an installed bundle
     * @return the source to show for it (for example {@code p2}), or empty when this source did not
     *         install it
     */
    Optional<String> sourceOf(Bundle bundle);
}
