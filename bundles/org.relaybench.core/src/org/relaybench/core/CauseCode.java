package org.relaybench.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stable cause codes of Relaybench. Reports, batch output and tests use {@link #code()}; the
 * codes never change meaning. Providers may add codes of their own, prefixed with their provider id
 * and a dot (for example {@code att.secure-mail-key-expired}); such codes travel as plain strings.
 *
 * @since 0.1
 */
public enum CauseCode {
    SMTP_AUTH_MISSING("smtp-auth-missing", "The outgoing server is used without authentication"),
    SMTP_CREDENTIALS_REJECTED("smtp-credentials-rejected", "The server refused the user name or password"),
    SMTP_USERNAME_FORM("smtp-username-form", "The user name is not in the form the provider expects"),
    APP_PASSWORD_REQUIRED("app-password-required", "The provider wants an app-specific password or secure mail key"),
    OAUTH_REQUIRED("oauth-required", "The provider accepts only OAuth2 for sending"),
    SMTP_AUTH_DISABLED("smtp-auth-disabled", "SMTP AUTH is switched off for the tenant or mailbox", false),
    WRONG_SMTP_HOST("wrong-smtp-host", "The outgoing host is not one the provider uses"),
    WRONG_SMTP_PORT("wrong-smtp-port", "The port is not a submission port the provider offers"),
    WRONG_SECURITY("wrong-security", "The TLS mode does not fit the port or server"),
    TLS_REQUIRED("tls-required", "The server demands STARTTLS before MAIL or AUTH"),
    PRIMARY_SMTP_BROKEN("primary-smtp-broken", "The primary outgoing server fails while another would work"),
    NETWORK_RESTRICTED_RELAY("network-restricted-relay", "The server relays only for clients on the provider's own network"),
    SENDER_NOT_OWNED("sender-not-owned", "The sender address is not owned by the authenticated user"),
    RATE_LIMITED("rate-limited", "Too many attempts; temporary", false),
    ACCOUNT_STALE("account-stale", "Settings look right but the account needs removing and adding back"),
    RELAY_DENIED("relay-denied", "Relaying refused and nothing more specific can be said"),
    SERVER_UNREACHABLE("server-unreachable", "DNS failure, connection refused or timed out", false),
    NO_GREETING("no-greeting", "Connected, but no SMTP greeting arrived in time", false),
    NOT_SMTP("not-smtp", "The peer does not speak SMTP"),
    SERVICE_UNAVAILABLE("service-unavailable", "The server refuses service for now (421)", false),
    TLS_HANDSHAKE_FAILED("tls-handshake-failed", "STARTTLS or implicit TLS could not be negotiated", false),
    TLS_CERTIFICATE_INVALID("tls-certificate-invalid", "The certificate is expired, untrusted or for another name", false),
    PROTOCOL_VIOLATION("protocol-violation", "The server broke the protocol", false),
    SERVER_TOO_SLOW("server-too-slow", "A deadline passed while the server was still trickling", false),
    /** @since 0.2 */
    RECIPIENT_UNKNOWN("recipient-unknown", "The recipient address or its domain does not exist", false),
    /** @since 0.2 */
    MAILBOX_FULL("mailbox-full", "The recipient's mailbox is full", false),
    /** @since 0.2 */
    MESSAGE_TOO_LARGE("message-too-large", "The message exceeds a size limit", false),
    /** @since 0.2 */
    MESSAGE_REJECTED("message-rejected", "The receiving server refused the content: spam, virus, policy or a malformed message",
            false),
    /** @since 0.2 */
    SENDER_BLOCKED("sender-blocked", "The sending IP or host is on a blocklist, lacks reverse DNS or has a bad reputation",
            false),
    /** @since 0.2 */
    SENDER_REJECTED("sender-rejected", "The envelope sender was refused: its domain does not exist or it failed verification",
            false),
    /** @since 0.2 */
    SENDER_AUTHENTICATION_FAILED("sender-authentication-failed", "SPF, DKIM or DMARC failed at the receiving server",
            false);

    private final String code;
    private final String summary;
    private final boolean settingsAtFault;

    CauseCode(String code, String summary) {
        this(code, summary, true);
    }

    CauseCode(String code, String summary, boolean settingsAtFault) {
        this.code = code;
        this.summary = summary;
        this.settingsAtFault = settingsAtFault;
    }

    /** @return the stable code, e.g. {@code smtp-auth-missing} */
    public String code() {
        return code;
    }

    /** @return a one-line English description of the cause */
    public String summary() {
        return summary;
    }

    /**
     * Tells whether a finding of this cause blames the device's sending settings or its account set-up,
     * so that the agent fixes it on the device. The causes of the second table of the design (the
     * recipient does not exist, a full mailbox, refused content, a blocklisted sender, ...) are not: the
     * agent tells the customer what happened and what to do instead. Causes about reaching the server
     * and its state ({@code server-unreachable}, {@code service-unavailable}, {@code rate-limited},
     * TLS and protocol failures, {@code smtp-auth-disabled}) are not either: the device's settings may
     * play a part, but the reply alone does not blame them.
     *
     * @return whether the device's settings are at fault
     * @since 0.2
     */
    public boolean settingsAtFault() {
        return settingsAtFault;
    }

    /**
     * @param code a code string
     * @return the standard cause with that code, or empty for unknown and provider-specific codes
     */
    public static Optional<CauseCode> of(String code) {
        return Optional.ofNullable(code == null ? null : ByCode.MAP.get(code));
    }

    /** The codes by their string, built once: {@link #of} is called while ranking every diagnosis. */
    private static final class ByCode {
        static final Map<String, CauseCode> MAP;

        static {
            Map<String, CauseCode> map = new HashMap<>();
            for (CauseCode c : values()) {
                map.put(c.code, c);
            }
            MAP = Map.copyOf(map);
        }
    }

    /**
     * Tells whether a code may appear in a contribution of the given provider: a standard code, or
     * one prefixed with the provider id and a dot.
     *
     * @param code the code to check
     * @param providerId the id of the contributing provider
     * @return whether the code is acceptable
     */
    public static boolean isValidFor(String code, String providerId) {
        if (code == null || code.isBlank()) {
            return false;
        }
        return of(code).isPresent()
                || (code.startsWith(providerId + ".") && code.length() > providerId.length() + 1
                        && code.substring(providerId.length() + 1).matches("[a-z0-9][a-z0-9-]*"));
    }
}
