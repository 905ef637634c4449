package org.relaybench.ui.internal;

import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;

/**
 * Creates the one {@link SupportContext} of the workbench: every window, part and handler asking
 * its locator gets the workbench's instance.
 */
public final class SupportContextFactory extends AbstractServiceFactory {

    @Override
    public Object create(@SuppressWarnings("rawtypes") Class serviceInterface, IServiceLocator parentLocator,
            IServiceLocator locator) {
        if (serviceInterface != SupportContext.class) {
            return null;
        }
        Object parent = parentLocator == null ? null : parentLocator.getService(SupportContext.class);
        return parent != null ? parent : new SupportContext();
    }
}
