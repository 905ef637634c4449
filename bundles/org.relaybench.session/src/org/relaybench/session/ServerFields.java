package org.relaybench.session;

import java.util.Objects;

import org.relaybench.core.ServerSettings;

/**
 * One server of an account as typed: every value is the text a person or a file gave, or null when
 * the field was not given. {@link AccountFields#check()} turns it into {@link ServerSettings} or says
 * what is wrong. Blank fields mean: host unknown, port unknown (0), no TLS, password authentication,
 * IMAP for an incoming server; the password field counts as filled in when the method authenticates,
 * unless {@link #passwordSet(Boolean)} says otherwise.
 *
 * @since 0.1
 */
public final class ServerFields {

    private String protocol;
    private String host;
    private String port;
    private String security;
    private String auth;
    private String user;
    private Boolean passwordSet;
    private boolean enabled = true;

    /** @return empty fields */
    public static ServerFields create() {
        return new ServerFields();
    }

    /**
     * @param s settings
     * @return the fields that give those settings back
     */
    public static ServerFields of(ServerSettings s) {
        Objects.requireNonNull(s, "s");
        return new ServerFields().protocol(s.protocol().id()).host(s.host())
                .port(s.port() == 0 ? "" : Integer.toString(s.port())).security(s.security().id()).auth(s.auth().id())
                .user(s.username().orElse("")).passwordSet(s.passwordSet()).enabled(s.enabled());
    }

    public ServerFields protocol(String value) {
        protocol = value;
        return this;
    }

    public ServerFields host(String value) {
        host = value;
        return this;
    }

    public ServerFields port(String value) {
        port = value;
        return this;
    }

    public ServerFields security(String value) {
        security = value;
        return this;
    }

    public ServerFields auth(String value) {
        auth = value;
        return this;
    }

    public ServerFields user(String value) {
        user = value;
        return this;
    }

    /**
     * @param value whether the password field is filled in; null: when the method authenticates
     * @return this
     */
    public ServerFields passwordSet(Boolean value) {
        passwordSet = value;
        return this;
    }

    /**
     * @param value iOS: whether the server is switched on
     * @return this
     */
    public ServerFields enabled(boolean value) {
        enabled = value;
        return this;
    }

    String protocol() {
        return protocol;
    }

    String host() {
        return host;
    }

    String port() {
        return port;
    }

    String security() {
        return security;
    }

    String auth() {
        return auth;
    }

    String user() {
        return user;
    }

    Boolean passwordSet() {
        return passwordSet;
    }

    boolean enabled() {
        return enabled;
    }
}
