package org.relaybench.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Network;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;

/**
 * An account as typed in a form, given on a command line or read from a file: the one place where
 * such fields become an {@link AccountProfile}, with one set of validation messages for every face.
 * Every value is text as given, or null when not given. Not thread-safe; {@link #check()} does not
 * change the fields.
 *
 * @since 0.1
 */
public final class AccountFields {

    /** The allowed values, as messages name them. */
    static final String SECURITIES = "none, starttls or tls";
    static final String AUTHS = "none, password, oauth2 or app-password";

    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern HOST = Pattern.compile("[\\p{Alnum}._\\-:\\[\\]%]{1,253}");

    private String email;
    private String client;
    private String network;
    private String networkOperator;
    private String errorText;
    private final List<String> mx = new ArrayList<>();
    private ServerFields outgoing;
    private ServerFields incoming;
    private final List<ServerFields> otherOutgoing = new ArrayList<>();

    /** @return empty fields */
    public static AccountFields create() {
        return new AccountFields();
    }

    /**
     * @param account an account
     * @return fields that give the account back (to edit a logged account, say)
     */
    public static AccountFields of(AccountProfile account) {
        AccountFields f = new AccountFields().email(account.email()).client(account.client().toString())
                .network(account.network().kind().id()).networkOperator(account.network().operator().orElse(null))
                .errorText(account.errorText());
        account.incoming().map(ServerFields::of).ifPresent(f::incoming);
        account.primaryOutgoing().map(ServerFields::of).ifPresent(f::outgoing);
        account.otherOutgoing().stream().map(ServerFields::of).forEach(f::otherOutgoing);
        return f;
    }

    public AccountFields email(String value) {
        email = value;
        return this;
    }

    public AccountFields client(String value) {
        client = value;
        return this;
    }

    public AccountFields network(String value) {
        network = value;
        return this;
    }

    public AccountFields networkOperator(String value) {
        networkOperator = value;
        return this;
    }

    public AccountFields errorText(String value) {
        errorText = value;
        return this;
    }

    /**
     * @param hosts MX host names; a value may list several, comma-separated
     * @return this
     */
    public AccountFields mx(String... hosts) {
        for (String h : hosts) {
            if (h != null) {
                Arrays.stream(h.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(mx::add);
            }
        }
        return this;
    }

    /** @return this, without the MX hosts given so far */
    public AccountFields clearMx() {
        mx.clear();
        return this;
    }

    /**
     * @param value the primary outgoing server; null when the account has none configured
     * @return this
     */
    public AccountFields outgoing(ServerFields value) {
        outgoing = value;
        return this;
    }

    /**
     * @param value the incoming server; null when not known
     * @return this
     */
    public AccountFields incoming(ServerFields value) {
        incoming = value;
        return this;
    }

    /**
     * @param value one more iOS "other SMTP server"
     * @return this
     */
    public AccountFields otherOutgoing(ServerFields value) {
        otherOutgoing.add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /** @return the address as typed, or empty */
    public String email() {
        return email == null ? "" : email.trim();
    }

    /** @return whether an outgoing server was given */
    public boolean hasOutgoing() {
        return outgoing != null;
    }

    /**
     * Builds the account, or finds every problem of the fields.
     *
     * @return the account, or what is wrong
     */
    public AccountCheck check() {
        List<FieldProblem> problems = new ArrayList<>();
        String address = email();
        if (address.isEmpty()) {
            problems.add(new FieldProblem(AccountField.EMAIL, 0, "is required"));
        } else if (!ADDRESS.matcher(address).matches()) {
            problems.add(new FieldProblem(AccountField.EMAIL, 0, "is not an e-mail address: " + address));
        }
        AccountProfile.Builder b = AccountProfile.builder(address);
        try {
            b.client(ClientInfo.parse(blankToNull(client)));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(AccountField.CLIENT, 0, e.getMessage()));
        }
        Network.Kind kind = value(network, Network.Kind::parse, Network.Kind.UNKNOWN, AccountField.NETWORK, 0,
                "wifi, cellular or unknown", problems);
        b.network(new Network(kind, Optional.ofNullable(blankToNull(networkOperator)).map(String::trim)));
        b.errorText(errorText == null ? "" : errorText);
        List<String> hosts = new ArrayList<>();
        for (String h : mx) {
            if (HOST.matcher(h).matches()) {
                hosts.add(h.toLowerCase(Locale.ROOT));
            } else {
                problems.add(new FieldProblem(AccountField.MX, 0, "is not a host name: " + h));
            }
        }
        if (incoming != null) {
            b.incoming(server(incoming, true, 0, problems));
        }
        if (outgoing != null) {
            b.outgoing(server(outgoing, false, 0, problems));
        }
        for (int i = 0; i < otherOutgoing.size(); i++) {
            b.otherOutgoing(server(otherOutgoing.get(i), false, i + 1, problems));
        }
        if (!problems.isEmpty()) {
            return new AccountCheck(Optional.empty(), hosts, problems);
        }
        return new AccountCheck(Optional.of(b.build()), hosts, List.of());
    }

    /** Which field of a server: primary outgoing (index 0), other outgoing (index from 1), incoming. */
    private static AccountField field(boolean incoming, int index, String part) {
        String prefix = incoming ? "INCOMING_" : index > 0 ? "OTHER_SMTP_" : "SMTP_";
        return AccountField.valueOf(prefix + part);
    }

    private static ServerSettings server(ServerFields f, boolean incoming, int index, List<FieldProblem> problems) {
        int at = Math.max(0, index - 1);
        MailProtocol protocol = MailProtocol.SMTP;
        if (incoming) {
            protocol = value(f.protocol(), t -> MailProtocol.parse(t).filter(MailProtocol::incoming), MailProtocol.IMAP,
                    AccountField.INCOMING_PROTOCOL, 0, "imap or pop3", problems);
        }
        ServerSettings.Builder b = ServerSettings.builder(protocol);
        String host = f.host() == null ? "" : f.host().trim();
        if (!host.isEmpty() && !HOST.matcher(host).matches()) {
            problems.add(new FieldProblem(field(incoming, index, "HOST"), at, "is not a host name: " + host));
        } else {
            b.host(host);
        }
        String port = f.port() == null ? "" : f.port().trim();
        if (!port.isEmpty()) {
            int p = -1;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (p < 1 || p > 65535) {
                problems.add(new FieldProblem(field(incoming, index, "PORT"), at, "must be a port number 1..65535: " + port));
            } else {
                b.port(p);
            }
        }
        b.security(value(f.security(), Security::parse, Security.NONE, field(incoming, index, "SECURITY"), at, SECURITIES,
                problems));
        AuthMethod auth = value(f.auth(), AuthMethod::parse, AuthMethod.PASSWORD, field(incoming, index, "AUTH"), at, AUTHS,
                problems);
        b.auth(auth);
        b.username(f.user());
        b.passwordSet(f.passwordSet() == null ? auth.authenticates() : f.passwordSet());
        b.enabled(f.enabled());
        return b.build();
    }

    private static <T> T value(String text, Function<String, Optional<T>> parser, T fallback, AccountField field,
            int index, String allowed, List<FieldProblem> problems) {
        String t = blankToNull(text);
        if (t == null) {
            return fallback;
        }
        Optional<T> v = parser.apply(t.trim());
        if (v.isEmpty()) {
            problems.add(new FieldProblem(field, index, "must be " + allowed + ": " + t.trim()));
            return fallback;
        }
        return v.get();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
