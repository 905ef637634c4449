package org.relaybench.session.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.relaybench.session.AccountField;
import org.relaybench.session.AccountFields;
import org.relaybench.session.ServerFields;

/**
 * The columns of an account in a table (a CSV file): named like the options of
 * {@code relaybench diagnose} ({@link AccountField#option()}), plus {@code id}, the record's own
 * reference, and the yes/no columns that options say with flags. Every column is optional except
 * {@code email}; a blank cell is a value not given. The server columns of a server count only when
 * one of them is filled in:
 *
 * <pre>
 * id, email, client, network, network-operator, error, mx,
 * smtp-host, smtp-port, smtp-security, smtp-auth, smtp-user, smtp-password-set, smtp-enabled,
 * incoming-protocol, incoming-host, incoming-port, incoming-security, incoming-auth, incoming-user,
 * incoming-password-set, other-smtp
 * </pre>
 *
 * {@code mx} lists hosts separated by commas or spaces; {@code other-smtp} lists iOS "other SMTP
 * servers" separated by spaces, each {@code host[:port[:security[:auth[:user]]]]}; yes/no columns take
 * {@code true/false}, {@code yes/no} or {@code 1/0}.
 *
 * @since 0.1
 */
public final class AccountColumns {

    /** The record's own reference, echoed in its result. */
    public static final String ID = "id";

    /** Every column, in the documented order. */
    public static final List<String> NAMES = List.of(ID, "email", "client", "network", "network-operator", "error", "mx",
            "smtp-host", "smtp-port", "smtp-security", "smtp-auth", "smtp-user", "smtp-password-set", "smtp-enabled",
            "incoming-protocol", "incoming-host", "incoming-port", "incoming-security", "incoming-auth", "incoming-user",
            "incoming-password-set", "other-smtp");

    private static final List<String> SMTP = List.of("smtp-host", "smtp-port", "smtp-security", "smtp-auth", "smtp-user",
            "smtp-password-set", "smtp-enabled");
    private static final List<String> INCOMING = List.of("incoming-protocol", "incoming-host", "incoming-port",
            "incoming-security", "incoming-auth", "incoming-user", "incoming-password-set");

    private AccountColumns() {
    }

    /**
     * @param header a column name as a header row gives it
     * @return the column's name in lower case without surrounding blanks, when it is a column
     */
    public static Optional<String> column(String header) {
        String name = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        return NAMES.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /**
     * Reads one row into account fields.
     *
     * @param cell a column's value by column name; null or blank when not given
     * @return the fields, to be checked with {@link AccountFields#check()}
     * @throws IllegalArgumentException naming the column when a yes/no cell says neither
     */
    public static AccountFields fields(Function<String, String> cell) {
        Function<String, String> value = name -> {
            String v = cell.apply(name);
            return v == null || v.isBlank() ? null : v.strip();
        };
        AccountFields f = AccountFields.create().email(value.apply("email")).client(value.apply("client"))
                .network(value.apply("network")).networkOperator(value.apply("network-operator"))
                .errorText(cell.apply("error") == null ? null : cell.apply("error"));
        String mx = value.apply("mx");
        if (mx != null) {
            f.mx(mx.replace(' ', ','));
        }
        if (SMTP.stream().anyMatch(n -> value.apply(n) != null)) {
            ServerFields s = ServerFields.create().host(value.apply("smtp-host")).port(value.apply("smtp-port"))
                    .security(value.apply("smtp-security")).auth(value.apply("smtp-auth")).user(value.apply("smtp-user"))
                    .passwordSet(yesNo(value, "smtp-password-set").orElse(null))
                    .enabled(yesNo(value, "smtp-enabled").orElse(Boolean.TRUE));
            f.outgoing(s);
        }
        if (INCOMING.stream().anyMatch(n -> value.apply(n) != null)) {
            f.incoming(ServerFields.create().protocol(value.apply("incoming-protocol")).host(value.apply("incoming-host"))
                    .port(value.apply("incoming-port")).security(value.apply("incoming-security"))
                    .auth(value.apply("incoming-auth")).user(value.apply("incoming-user"))
                    .passwordSet(yesNo(value, "incoming-password-set").orElse(null)));
        }
        String others = value.apply("other-smtp");
        if (others != null) {
            for (String spec : others.split("\\s+")) {
                f.otherOutgoing(otherServer(spec));
            }
        }
        return f;
    }

    /**
     * @param spec {@code host[:port[:security[:auth[:user]]]]}, as {@code --other-smtp} takes it
     * @return the server's fields, validated with the account's
     */
    public static ServerFields otherServer(String spec) {
        String[] parts = spec.split(":", 5);
        List<String> p = new ArrayList<>(List.of(parts));
        while (p.size() < 5) {
            p.add(null);
        }
        return ServerFields.create().host(p.get(0)).port(p.get(1)).security(p.get(2)).auth(p.get(3)).user(p.get(4));
    }

    private static Optional<Boolean> yesNo(Function<String, String> value, String column) {
        String v = value.apply(column);
        if (v == null) {
            return Optional.empty();
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Optional.of(Boolean.TRUE);
            case "false", "no", "0" -> Optional.of(Boolean.FALSE);
            default -> throw new IllegalArgumentException(column + ": must be true or false: " + v);
        };
    }
}
