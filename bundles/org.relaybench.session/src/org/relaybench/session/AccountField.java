package org.relaybench.session;

/**
 * A field of an account as a person or a file gives it. Each has the name of its command-line option
 * and its JSON path, so that a validation message can point at the field the way each face shows it:
 * {@code --smtp-port}, {@code $.outgoing.port}, or a decorated text field in the workbench.
 *
 * @since 0.1
 */
public enum AccountField {
    /** The account's address. */
    EMAIL("email", "email"),
    /** The mail client and its version, e.g. {@code ios-12}. */
    CLIENT("client", "client"),
    /** The network kind: wifi, cellular or unknown. */
    NETWORK("network", "network"),
    /** Whose network. */
    NETWORK_OPERATOR("network-operator", "networkOperator"),
    /** The error text the customer sees. */
    ERROR_TEXT("error", "errorText"),
    /** The domain's MX hosts. */
    MX("mx", "mx"),
    /** Outgoing (primary SMTP) server host. */
    SMTP_HOST("smtp-host", "outgoing.host"),
    /** Outgoing server port. */
    SMTP_PORT("smtp-port", "outgoing.port"),
    /** Outgoing server TLS mode. */
    SMTP_SECURITY("smtp-security", "outgoing.security"),
    /** Outgoing server authentication. */
    SMTP_AUTH("smtp-auth", "outgoing.auth"),
    /** Outgoing server user name. */
    SMTP_USER("smtp-user", "outgoing.username"),
    /** Incoming server protocol: imap or pop3. */
    INCOMING_PROTOCOL("incoming-protocol", "incoming.protocol"),
    /** Incoming server host. */
    INCOMING_HOST("incoming-host", "incoming.host"),
    /** Incoming server port. */
    INCOMING_PORT("incoming-port", "incoming.port"),
    /** Incoming server TLS mode. */
    INCOMING_SECURITY("incoming-security", "incoming.security"),
    /** Incoming server authentication. */
    INCOMING_AUTH("incoming-auth", "incoming.auth"),
    /** Incoming server user name. */
    INCOMING_USER("incoming-user", "incoming.username"),
    /** iOS "other SMTP server": host. */
    OTHER_SMTP_HOST("other-smtp", "otherOutgoing[].host"),
    /** Other SMTP server: port. */
    OTHER_SMTP_PORT("other-smtp", "otherOutgoing[].port"),
    /** Other SMTP server: TLS mode. */
    OTHER_SMTP_SECURITY("other-smtp", "otherOutgoing[].security"),
    /** Other SMTP server: authentication. */
    OTHER_SMTP_AUTH("other-smtp", "otherOutgoing[].auth"),
    /** Other SMTP server: user name. */
    OTHER_SMTP_USER("other-smtp", "otherOutgoing[].username");

    private final String option;
    private final String jsonPath;

    AccountField(String option, String jsonPath) {
        this.option = option;
        this.jsonPath = jsonPath;
    }

    /** @return the command-line option without its dashes, e.g. {@code smtp-port} */
    public String option() {
        return option;
    }

    /**
     * @param index for the other SMTP servers, which one (from 0); ignored for the other fields
     * @return the JSON path in the account form, e.g. {@code $.outgoing.port} or {@code $.otherOutgoing[1].port}
     */
    public String jsonPath(int index) {
        return "$." + jsonPath.replace("[]", "[" + index + "]");
    }

    /** @return whether this field belongs to one of the other SMTP servers */
    public boolean otherSmtp() {
        return name().startsWith("OTHER_SMTP");
    }
}
