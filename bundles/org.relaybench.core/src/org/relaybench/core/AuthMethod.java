package org.relaybench.core;

import java.util.Locale;
import java.util.Optional;

/**
 * How a client authenticates to a server.
 *
 * @since 0.1
 */
public enum AuthMethod {
    /** No authentication (iOS: Authentication "None", or no password on the outgoing server). */
    NONE("none"),
    /** User name and the account password (SASL PLAIN, LOGIN, CRAM-MD5...). */
    PASSWORD("password"),
    /** OAuth2 bearer token (SASL XOAUTH2 / OAUTHBEARER). */
    OAUTH2("oauth2"),
    /** User name and an app-specific password or secure mail key instead of the account password. */
    APP_PASSWORD("app-password");

    private final String id;

    AuthMethod(String id) {
        this.id = id;
    }

    /** @return the stable identifier used in plugin.xml, the command line and JSON */
    public String id() {
        return id;
    }

    /**
     * Parses an identifier; also accepts the ISPDB spellings such as {@code password-cleartext},
     * {@code password-encrypted} and {@code OAuth2}.
     *
     * @param text the identifier, may be null
     * @return the method, or empty when the text names none
     */
    public static Optional<AuthMethod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "none", "off":
            return Optional.of(NONE);
        case "password", "password-cleartext", "password-encrypted", "plain", "login":
            return Optional.of(PASSWORD);
        case "oauth2", "oauth", "xoauth2":
            return Optional.of(OAUTH2);
        case "app-password", "app-specific-password", "secure-mail-key":
            return Optional.of(APP_PASSWORD);
        default:
            return Optional.empty();
        }
    }

    /** @return whether the method sends any credentials at all */
    public boolean authenticates() {
        return this != NONE;
    }
}
