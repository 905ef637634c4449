package org.relaybench.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.RememberedPasswords;
import org.relaybench.store.SessionStoreFactory;

/**
 * What every part of one workbench shares: the support-session service (tracked, so a restarted
 * service is picked up), the provider catalog, and the one session log the workbench writes to,
 * opened on first use. A workbench service ({@code org.eclipse.ui.services}), so parts reach it
 * through their site instead of a static singleton.
 * <p>
 * Thread-safe: jobs open and use the log off the UI thread; listeners are told on the thread that
 * changed a session and must move to the UI thread themselves.
 */
public final class SupportContext {

    /** Preference node and key of the agent's name, in the instance scope. */
    static final String PREFERENCE_NODE = "org.relaybench.ui";
    static final String PREFERENCE_AGENT = "agent";
    /** The DNS server probes ask ({@code host:port}); empty for the system's resolvers. */
    static final String PREFERENCE_PROBE_DNS = "probeDns";
    /** The outside recipient a probe's relay test names (RCPT TO), by default {@link ProbeRequest#DEFAULT_TO}. */
    static final String PREFERENCE_PROBE_RECIPIENT = "probeRecipient";
    /** The time a probe allows each check, in seconds (1..120), by default that of {@link ProbeSettings#DEFAULTS}. */
    static final String PREFERENCE_PROBE_TIMEOUT = "probeTimeout";
    /** The longest time a probe may allow each check, in seconds. */
    static final int MAX_PROBE_TIMEOUT = 120;

    private final ServiceTracker<SupportSessions, SupportSessions> sessions;
    private final ServiceTracker<ProviderCatalog, ProviderCatalog> catalog;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private SessionLog log;
    private RememberedPasswords passwords;
    private final IPreferenceChangeListener storeChanged = e -> {
        if (SessionStoreFactory.PREFERENCE_URL.equals(e.getKey())) {
            closeLog();
            sessionsChanged();
        }
    };

    SupportContext() {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        sessions = new ServiceTracker<>(context, SupportSessions.class, null);
        sessions.open();
        catalog = new ServiceTracker<>(context, ProviderCatalog.class, null);
        catalog.open();
        // another store chosen in the preferences: the next use opens it, and the views show its sessions
        InstanceScope.INSTANCE.getNode(SessionStoreFactory.PREFERENCE_NODE).addPreferenceChangeListener(storeChanged);
    }

    /** @return the support-session service of highest ranking, or empty while it is not started */
    public Optional<SupportSessions> sessions() {
        return Optional.ofNullable(sessions.getService());
    }

    /** @return the provider catalog, or empty while it is not started */
    public Optional<ProviderCatalog> catalog() {
        return Optional.ofNullable(catalog.getService());
    }

    /**
     * The default session log ({@link SupportSessions#openLog(Optional)} with no URL), opened on first
     * use and kept open. Call it off the UI thread: opening may reach a database server.
     *
     * @return the open log
     * @throws IllegalStateException when the session service is not started
     * @throws org.relaybench.store.StoreException when the store cannot be opened; the next call tries again
     */
    public synchronized SessionLog log() {
        if (log == null) {
            SupportSessions service = sessions().orElseThrow(() -> new IllegalStateException(Messages.NoSessionService));
            log = service.openLog(Optional.empty());
        }
        return log;
    }

    /** Closes the open log, so that the next {@link #log()} opens the store again (its URL may have changed). */
    public synchronized void closeLog() {
        if (log != null) {
            try {
                log.close();
            } catch (RuntimeException e) {
                ILog.of(getClass()).error("Closing the session log failed", e);
            }
            log = null;
        }
    }

    /**
     * The passwords the agent asked to keep, in the user's Eclipse secure storage (the
     * {@code -eclipse.keyring} file when the workbench was started with one), opened on first use.
     *
     * @return the remembered passwords
     * @throws org.relaybench.store.StoreException when there is no secure storage
     */
    public synchronized RememberedPasswords passwords() {
        if (passwords == null) {
            passwords = RememberedPasswords.openDefault();
        }
        return passwords;
    }

    /**
     * @return the DNS server probes ask, from the preference ({@code host:port}, or a host for port
     *         53); empty for the system's resolvers, also when the preference cannot be read as one
     */
    public Optional<java.net.InetSocketAddress> probeDns() {
        String value = Platform.getPreferencesService().getString(PREFERENCE_NODE, PREFERENCE_PROBE_DNS, "", null)
                .trim();
        return parseDns(value);
    }

    /**
     * @return what the Probe dialog offers: the recipient and time allowed from the preferences (the
     *         probe's defaults where they are not set or not usable), the JDK's trust, and
     *         {@link #probeDns()}
     */
    public ProbeSettings probeDefaults() {
        String to = Platform.getPreferencesService().getString(PREFERENCE_NODE, PREFERENCE_PROBE_RECIPIENT, "", null)
                .trim();
        if (!isAddress(to)) {
            to = ProbeSettings.DEFAULTS.to();
        }
        int seconds = Platform.getPreferencesService().getInt(PREFERENCE_NODE, PREFERENCE_PROBE_TIMEOUT,
                (int) ProbeSettings.DEFAULTS.timeout().toSeconds(), null);
        if (seconds < 1 || seconds > MAX_PROBE_TIMEOUT) {
            seconds = (int) ProbeSettings.DEFAULTS.timeout().toSeconds();
        }
        return new ProbeSettings(to, java.time.Duration.ofSeconds(seconds), ProbeSettings.DEFAULTS.trust(), probeDns());
    }

    /** @return whether the text is an address a probe can name as its recipient ({@code local@domain}) */
    static boolean isAddress(String text) {
        return text.matches("[^\\s@]+@[^\\s@]+");
    }

    /** @return the address, or empty when blank or not {@code host[:port]} */
    static Optional<java.net.InetSocketAddress> parseDns(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[?([^\\]\\s]+?)\\]?(?::(\\d{1,5}))?").matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = m.group(2) == null ? 53 : Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        // an address literal is taken as it is; a host name is looked up here
        return Optional.of(new java.net.InetSocketAddress(m.group(1), port)).filter(a -> !a.isUnresolved());
    }

    /** @return the agent's name: the preference, else the operating-system user */
    public String agent() {
        String name = Platform.getPreferencesService().getString(PREFERENCE_NODE, PREFERENCE_AGENT, "", null);
        return name.isBlank() ? System.getProperty("user.name", "") : name.trim();
    }

    /** @param listener told whenever a session was opened or changed in this workbench */
    public void addSessionsListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeSessionsListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Tells the listeners that a session was opened or changed. */
    void sessionsChanged() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                ILog.of(getClass()).error("A session listener failed", e);
            }
        }
    }

    /**
     * Closes the log and stops tracking the services; the workbench advisor calls it at shutdown. Not
     * an {@code IDisposable}: every locator that handed the context out would otherwise dispose it.
     */
    void close() {
        InstanceScope.INSTANCE.getNode(SessionStoreFactory.PREFERENCE_NODE).removePreferenceChangeListener(storeChanged);
        closeLog();
        sessions.close();
        catalog.close();
    }
}
