package org.relaybench.providers.imap.internal;

import org.eclipse.osgi.util.NLS;

/** Externalized strings of the generic IMAP/SMTP provider's code rule. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.relaybench.providers.imap.internal.messages";

    public static String IspdbRule_hostTitle;
    public static String IspdbRule_portTitle;
    public static String IspdbRule_securityTitle;
    public static String IspdbRule_usernameFullTitle;
    public static String IspdbRule_usernameLocalTitle;
    public static String IspdbRule_blankHost;
    public static String IspdbRule_or;
    public static String IspdbRule_portWithSecurity;
    public static String Security_none;
    public static String Security_starttls;
    public static String Security_tls;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
