package org.relaybench.core.rules;

import java.util.Optional;
import java.util.function.Function;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.ServerSettings;

/**
 * The fields of an account profile that a declarative rule may test (attribute {@code field} of
 * element {@code when}). {@code smtp.*} fields read the primary outgoing server as configured; a field
 * of a server that is not configured has no value.
 *
 * @since 0.1
 */
public enum ConditionField {
    EMAIL_DOMAIN("email.domain", p -> Optional.of(p.domain()).filter(s -> !s.isEmpty())),
    CLIENT("client", p -> Optional.of(p.client().kind())),
    CLIENT_VERSION("client.version", p -> p.client().majorVersion().isPresent()
            ? Optional.of(Integer.toString(p.client().majorVersion().getAsInt())) : Optional.empty()),
    NETWORK("network", p -> Optional.of(p.network().kind().id())),
    NETWORK_OPERATOR("network.operator", p -> p.network().operator()),
    SMTP_HOST("smtp.host", p -> p.primaryOutgoing().map(ServerSettings::host).filter(s -> !s.isEmpty())),
    SMTP_PORT("smtp.port", p -> p.primaryOutgoing().filter(s -> s.port() > 0).map(s -> Integer.toString(s.port()))),
    SMTP_SECURITY("smtp.security", p -> p.primaryOutgoing().map(s -> s.security().id())),
    SMTP_AUTH("smtp.auth", p -> p.primaryOutgoing().map(s -> s.auth().id())),
    SMTP_USERNAME("smtp.username", p -> p.primaryOutgoing().flatMap(ServerSettings::username)),
    SMTP_USERNAME_FORM("smtp.username-form", p -> p.primaryOutgoing().flatMap(ServerSettings::username)
            .map(u -> usernameForm(u, p))),
    SMTP_PASSWORD("smtp.password", p -> p.primaryOutgoing().map(s -> s.passwordSet() ? "set" : "unset")),
    SMTP_ENABLED("smtp.enabled", p -> p.primaryOutgoing().map(s -> Boolean.toString(s.enabled()))),
    SMTP_OTHERS("smtp.others", p -> Optional.of(Long.toString(
            p.otherOutgoing().stream().filter(ServerSettings::enabled).count()))),
    INCOMING_PROTOCOL("incoming.protocol", p -> p.incoming().map(s -> s.protocol().id())),
    INCOMING_HOST("incoming.host", p -> p.incoming().map(ServerSettings::host).filter(s -> !s.isEmpty())),
    INCOMING_PORT("incoming.port", p -> p.incoming().filter(s -> s.port() > 0).map(s -> Integer.toString(s.port()))),
    ERROR("error", p -> Optional.of(p.errorText()).filter(s -> !s.isBlank()));

    private final String id;
    private final Function<AccountProfile, Optional<String>> accessor;

    ConditionField(String id, Function<AccountProfile, Optional<String>> accessor) {
        this.id = id;
        this.accessor = accessor;
    }

    /** @return the identifier used in plugin.xml */
    public String id() {
        return id;
    }

    /**
     * @param profile the account
     * @return the field's value, empty when the account has none
     */
    public Optional<String> read(AccountProfile profile) {
        return accessor.apply(profile);
    }

    /**
     * @param text an identifier
     * @return the field, or empty
     */
    public static Optional<ConditionField> parse(String text) {
        for (ConditionField f : values()) {
            if (f.id.equals(text)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static String usernameForm(String username, AccountProfile p) {
        String u = username.toLowerCase(java.util.Locale.ROOT);
        if (u.equals(p.email())) {
            return "email";
        }
        if (u.equals(p.localPart())) {
            return "local-part";
        }
        return u.contains("@") ? "other-address" : "other";
    }
}
