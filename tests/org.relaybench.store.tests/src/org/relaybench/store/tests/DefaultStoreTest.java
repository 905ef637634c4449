package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStoreFactory;

/** The {@link SessionStoreFactory} service and the default store in the workspace. */
class DefaultStoreTest {

    @Test
    void theDefaultStoreIsAnH2FileInTheInstanceArea() throws Exception {
        SessionStoreFactory factory = Osgi.service(SessionStoreFactory.class);
        String workspace = new File(Platform.getInstanceLocation().getURL().getFile()).getAbsolutePath();
        assertEquals("jdbc:h2:file:" + new File(workspace, "relaybench/sessions").getPath(), factory.defaultUrl());

        Osgi.Run run = Osgi.cli(Map.of(), "diagnose", "--email", "default@aol.com", "--smtp-host", "smtp.aol.com",
                "--smtp-auth", "none", "--customer", "Default Store Customer");
        assertEquals(0, run.exit(), run::err);
        Matcher m = Pattern.compile("Session ([0-9a-f-]{36}) logged in jdbc:h2:file:").matcher(run.out());
        assertTrue(m.find(), run.out());
        try (SessionStore store = factory.openDefault()) {
            assertTrue(store.get(m.group(1)).isPresent());
        }
        Osgi.Run list = Osgi.cli(Map.of(), "sessions", "list", "--customer", "default store");
        assertTrue(list.out().contains(m.group(1)), list.out());
        assertTrue(new File(workspace, "relaybench/sessions.mv.db").isFile());
    }

    @Test
    void aPreferenceNamesAnotherStore() throws Exception {
        SessionStoreFactory factory = Osgi.service(SessionStoreFactory.class);
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
