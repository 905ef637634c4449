package org.relaybench.ui.internal;

import org.eclipse.core.runtime.Platform;

/**
 * Whether Install New Software may accept unsigned plugins at all: the workbench preference
 * {@value #PREFERENCE} (off by default) turned into p2's own unsigned-content policy, the framework
 * property {@value #POLICY} that p2's engine reads each time it checks what it is about to install.
 * Off, p2 fails an install that holds unsigned content before any dialog; on, p2's trust dialog asks
 * about it. Content signed by untrusted keys or certificates always goes to p2's trust dialog, which
 * lists the signers (fingerprints, certificate subjects) to trust or refuse.
 */
final class UnsignedContent {

    /** The preference, in {@link SupportContext#PREFERENCE_NODE}. */
    static final String PREFERENCE = "acceptUnsignedPlugins";
    /** p2's policy property: {@code fail}, {@code prompt} or {@code allow}. */
    static final String POLICY = "eclipse.p2.unsignedPolicy";

    private UnsignedContent() {
    }

    /** Applies the preference as it is now; called when the workbench starts and when the preference changes. */
    static void applyPreference() {
        apply(Platform.getPreferencesService().getBoolean(SupportContext.PREFERENCE_NODE, PREFERENCE, false, null));
    }

    /**
     * @param accept whether unsigned content may be accepted after p2's trust dialog asked
     */
    static void apply(boolean accept) {
        // Equinox answers BundleContext.getProperty from the system properties, so p2 sees the change at once
        System.setProperty(POLICY, accept ? "prompt" : "fail");
    }
}
