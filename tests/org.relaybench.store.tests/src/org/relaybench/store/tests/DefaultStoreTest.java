package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStoreFactory;
import org.relaybench.store.SessionSummary;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.db.Backend;

/**
 * The {@link SessionStoreFactory} service and the default store in the workspace (the command line on
 * it: {@code DefaultStoreCommandTest} in org.relaybench.cli.tests).
 */
class DefaultStoreTest {

    @Test
    void theDefaultStoreIsAnH2FileInTheInstanceArea() throws Exception {
        SessionStoreFactory factory = OsgiServices.service(SessionStoreFactory.class);
        String workspace = new File(Platform.getInstanceLocation().getURL().getFile()).getAbsolutePath();
        assertEquals("jdbc:h2:file:" + new File(workspace, "relaybench/sessions").getPath(), factory.defaultUrl());

        String id;
        try (SessionStore store = factory.openDefault()) {
            assertTrue(store.description().startsWith("jdbc:h2:file:"), store::description);
            id = store.open(NewSession.now("desk-1", "Default Store Customer", "", Samples.account("default@aol.com")));
        }
        try (SessionStore store = factory.openDefault()) {
            assertTrue(store.get(id).isPresent(), "kept across opening the default store again");
            assertEquals(List.of(id), store.search(SessionQuery.all().withCustomer("default store")).sessions().stream()
                    .map(SessionSummary::id).toList());
        }
        assertTrue(new File(workspace, "relaybench/sessions.mv.db").isFile());
    }

    @Test
    void aPreferenceNamesAnotherStore() throws Exception {
        SessionStoreFactory factory = OsgiServices.service(SessionStoreFactory.class);
        String url = Backend.H2.freshStore("preferred");
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(SessionStoreFactory.PREFERENCE_NODE);
        node.put(SessionStoreFactory.PREFERENCE_URL, url);
        try {
            assertEquals(url, factory.defaultUrl());
            try (SessionStore store = factory.openDefault()) {
                assertTrue(store.search(SessionQuery.all()).sessions().isEmpty());
            }
        } finally {
            node.remove(SessionStoreFactory.PREFERENCE_URL);
        }
    }
}
