package org.relaybench.store.internal;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.service.component.annotations.Component;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStoreFactory;

/**
 * The {@link SessionStoreFactory} service. The default store is the preference
 * {@code org.relaybench.store/storeUrl} when set, else an H2 database file in the instance area (the
 * workspace; the products default it to {@code ~/.relaybench/workspace}).
 */
@Component(service = SessionStoreFactory.class)
public final class DefaultSessionStoreFactory implements SessionStoreFactory {

    @Override
    public SessionStore open(String jdbcUrl) {
        return JdbcSessionStore.open(jdbcUrl);
    }

    @Override
    public String defaultUrl() {
        String preferred = Platform.getPreferencesService().getString(PREFERENCE_NODE, PREFERENCE_URL, "", null);
        if (!preferred.isBlank()) {
            return preferred.trim();
        }
        return embeddedUrl(instanceArea());
    }

    /**
     * @param workspace the instance area
     * @return the URL of the embedded store in it
     */
    static String embeddedUrl(Path workspace) {
        return "jdbc:h2:file:" + workspace.resolve("relaybench").resolve("sessions").toAbsolutePath();
    }

    private static Path instanceArea() {
        Location location = Platform.getInstanceLocation();
        URL url = location == null ? null : location.getURL();
        if (url != null && "file".equals(url.getProtocol())) {
            return new File(url.getFile()).toPath();
        }
        return Path.of(System.getProperty("user.home"), ".relaybench", "workspace");
    }
}
