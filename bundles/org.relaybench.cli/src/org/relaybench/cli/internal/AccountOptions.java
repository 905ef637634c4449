package org.relaybench.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Network;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;

/**
 * The account options shared by {@code diagnose} and {@code probe}: turns command-line flags into an
 * {@link AccountProfile}. Passwords are never taken on the command line: {@code --password-env VAR}
 * names an environment variable, {@code --password-stdin} reads one line. For a diagnosis only
 * whether a password is filled in matters; the password itself is kept only for a live probe.
 */
final class AccountOptions {

    static final Set<String> VALUED = Set.of("email", "client", "smtp-host", "smtp-port", "smtp-security",
            "smtp-auth", "smtp-user", "password-env", "error", "network", "network-operator", "incoming-host",
            "incoming-port", "incoming-security", "incoming-protocol", "incoming-user", "other-smtp", "mx", "account");
    static final Set<String> FLAGS = Set.of("password-stdin", "no-smtp-password", "smtp-off");

    /** The account and what else the options said. */
    record Parsed(AccountProfile account, List<String> mx, Optional<char[]> password) {
    }

    private AccountOptions() {
    }

    static Parsed parse(Arguments a, Map<String, String> env, InputStream stdin) throws UsageException {
        Optional<char[]> password = password(a, env, stdin);
        if (a.value("account").isPresent()) {
            for (String name : List.of("email", "smtp-host", "smtp-port", "smtp-security", "smtp-auth", "smtp-user",
                    "incoming-host", "other-smtp", "client", "network")) {
                if (a.value(name).isPresent()) {
                    throw new UsageException("--" + name + " cannot be combined with --account (the file describes the account)");
                }
            }
            AccountJson.Read read = AccountJson.parse(readFile(a.value("account").get()));
            AccountProfile account = read.account();
            if (a.value("error").isPresent()) {
                account = new AccountProfile(account.email(), account.client(), account.incoming(),
                        account.primaryOutgoing(), account.otherOutgoing(), account.network(), a.value("error").get());
            }
            List<String> mx = a.value("mx").map(AccountOptions::list).orElse(read.mx());
            return new Parsed(account, mx, password);
        }
        String email = a.value("email").orElseThrow(() -> new UsageException("--email is required (or --account FILE)"));
        if (!email.contains("@")) {
            throw new UsageException("--email is not an e-mail address: " + email);
        }
        AccountProfile.Builder b = AccountProfile.builder(email);
        try {
            b.client(ClientInfo.parse(a.value("client").orElse(null)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--client: " + e.getMessage());
        }
        Network.Kind kind = Network.Kind.UNKNOWN;
        if (a.value("network").isPresent()) {
            String n = a.value("network").get();
            kind = Network.Kind.parse(n).orElseThrow(() -> new UsageException("--network must be wifi or cellular: " + n));
        }
        b.network(new Network(kind, a.value("network-operator")));
        b.errorText(a.value("error").orElse(""));
        boolean anySmtp = Arrays.asList("smtp-host", "smtp-port", "smtp-security", "smtp-auth", "smtp-user").stream()
                .anyMatch(n -> a.value(n).isPresent()) || a.flag("smtp-off") || a.flag("no-smtp-password");
        if (anySmtp) {
            AuthMethod auth = enumValue(a, "smtp-auth", AuthMethod::parse, AuthMethod.PASSWORD,
                    "none, password, oauth2 or app-password");
            boolean passwordSet = auth.authenticates() && !a.flag("no-smtp-password");
            b.outgoing(ServerSettings.builder(MailProtocol.SMTP).host(a.value("smtp-host").orElse(""))
                    .port(a.integer("smtp-port", 0, 1, 65535))
                    .security(enumValue(a, "smtp-security", Security::parse, Security.NONE, "none, starttls or tls"))
                    .auth(auth).username(a.value("smtp-user").orElse(null))
                    .passwordSet(passwordSet || password.isPresent()).enabled(!a.flag("smtp-off")).build());
        }
        if (a.value("incoming-host").isPresent()) {
            MailProtocol protocol = enumValue(a, "incoming-protocol", MailProtocol::parse, MailProtocol.IMAP,
                    "imap or pop3");
            if (!protocol.incoming()) {
                throw new UsageException("--incoming-protocol must be imap or pop3");
            }
            b.incoming(ServerSettings.builder(protocol).host(a.value("incoming-host").get())
                    .port(a.integer("incoming-port", 0, 1, 65535))
                    .security(enumValue(a, "incoming-security", Security::parse, Security.NONE, "none, starttls or tls"))
                    .auth(AuthMethod.PASSWORD).username(a.value("incoming-user").orElse(null)).passwordSet(true).build());
        }
        if (a.value("other-smtp").isPresent()) {
            b.otherOutgoing(otherServer(a.value("other-smtp").get()));
        }
        try {
            return new Parsed(b.build(), a.value("mx").map(AccountOptions::list).orElse(List.of()), password);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code host[:port[:security[:auth[:user]]]]}, e.g. {@code smtp.mail.att.net:465:tls:password:me@att.net}. */
    private static ServerSettings otherServer(String text) throws UsageException {
        String[] parts = text.split(":", 5);
        ServerSettings.Builder b = ServerSettings.builder(MailProtocol.SMTP).host(parts[0]).auth(AuthMethod.PASSWORD)
                .passwordSet(true);
        try {
            if (parts.length > 1) {
                b.port(Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--other-smtp: not a port: " + parts[1]);
        }
        if (parts.length > 2) {
            b.security(Security.parse(parts[2]).orElseThrow(() -> new UsageException("--other-smtp: not a security: " + parts[2])));
        }
        if (parts.length > 3) {
            AuthMethod auth = AuthMethod.parse(parts[3])
                    .orElseThrow(() -> new UsageException("--other-smtp: not an auth method: " + parts[3]));
            b.auth(auth).passwordSet(auth.authenticates());
        }
        if (parts.length > 4) {
            b.username(parts[4]);
        }
        return b.build();
    }

    private interface Parser<T> {
        Optional<T> parse(String text);
    }

    private static <T> T enumValue(Arguments a, String name, Parser<T> parser, T fallback, String allowed)
            throws UsageException {
        Optional<String> v = a.value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        return parser.parse(v.get()).orElseThrow(() -> new UsageException("--" + name + " must be " + allowed + ": " + v.get()));
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    static Optional<char[]> password(Arguments a, Map<String, String> env, InputStream stdin) throws UsageException {
        if (a.value("password-env").isPresent() && a.flag("password-stdin")) {
            throw new UsageException("give --password-env or --password-stdin, not both");
        }
        if (a.value("password-env").isPresent()) {
            String var = a.value("password-env").get();
            String value = env.get(var);
            if (value == null || value.isEmpty()) {
                throw new UsageException("--password-env: the environment variable " + var + " is not set");
            }
            return Optional.of(value.toCharArray());
        }
        if (a.flag("password-stdin")) {
            try {
                String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new UsageException("--password-stdin: no password on standard input");
                }
                return Optional.of(line.toCharArray());
            } catch (IOException e) {
                throw new UsageException("--password-stdin: cannot read standard input: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static String readFile(String path) throws UsageException {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(path);
            if (java.nio.file.Files.size(p) > 1 << 20) {
                throw new UsageException("--account: " + path + " is larger than 1 MiB");
            }
            return java.nio.file.Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UsageException("--account: " + path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("--account: cannot read " + path + ": " + e.getMessage());
        }
    }
}
