package org.relaybench.ui.tests;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.PlatformUI;
import org.relaybench.session.SessionLog;
import org.relaybench.store.SessionStoreFactory;
import org.relaybench.tests.common.db.Backend;
import org.relaybench.ui.internal.SupportContext;

/**
 * Points the workbench at a new, empty session store, as an agent does on the preference page, so
 * that a test's figures are its own; {@link #close()} goes back to the embedded default store.
 */
final class FreshStore implements AutoCloseable {

    final String url;

    private FreshStore(String url) {
        this.url = url;
    }

    /**
     * @param backend H2 (a file under the scratch folder) or the test run's PostgreSQL
     * @param name a name unique to the test (letters, digits, underscores)
     */
    static FreshStore use(Backend backend, String name) throws Exception {
        String url = backend.freshStore(name);
        InstanceScope.INSTANCE.getNode(SessionStoreFactory.PREFERENCE_NODE).put(SessionStoreFactory.PREFERENCE_URL, url);
        // the context closes its log when the preference changes (at once, on this thread): the next use opens this one
        String description = log().description();
        if (!description.toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new AssertionError("the workbench logs to " + description + ", not to " + url);
        }
        return new FreshStore(url);
    }

    static SupportContext context() {
        return PlatformUI.getWorkbench().getService(SupportContext.class);
    }

    static SessionLog log() {
        return context().log();
    }

    @Override
    public void close() {
        InstanceScope.INSTANCE.getNode(SessionStoreFactory.PREFERENCE_NODE).remove(SessionStoreFactory.PREFERENCE_URL);
        Widgets.settle();
    }
}
