package org.relaybench.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.relaybench.core.AccountProfile;
import org.relaybench.session.AccountCheck;
import org.relaybench.session.AccountFields;
import org.relaybench.session.AccountJson;
import org.relaybench.session.FieldProblem;
import org.relaybench.session.ServerFields;

/**
 * The account options shared by {@code diagnose} and {@code probe}: reads command-line flags (or the
 * {@code --account} file) into {@link AccountFields}, which the session service validates. Passwords
 * are never taken on the command line: {@code --password-env VAR} names an environment variable,
 * {@code --password-stdin} reads one line.
 */
final class AccountOptions {

    static final Set<String> VALUED = Set.of("email", "client", "smtp-host", "smtp-port", "smtp-security",
            "smtp-auth", "smtp-user", "password-env", "error", "network", "network-operator", "incoming-host",
            "incoming-port", "incoming-security", "incoming-protocol", "incoming-user", "other-smtp", "mx", "account");
    static final Set<String> FLAGS = Set.of("password-stdin", "no-smtp-password", "smtp-off");

    /** The largest {@code --account} file read. */
    private static final long MAX_FILE = 1 << 20;

    /** The account and what else the options said. */
    record Parsed(AccountProfile account, List<String> mx, Optional<char[]> password) {
    }

    private AccountOptions() {
    }

    static Parsed parse(Arguments a, Map<String, String> env, InputStream stdin) throws UsageException {
        Optional<char[]> password = password(a, env, stdin);
        AccountCheck check;
        if (a.value("account").isPresent()) {
            for (String name : List.of("email", "smtp-host", "smtp-port", "smtp-security", "smtp-auth", "smtp-user",
                    "incoming-host", "other-smtp", "client", "network")) {
                if (a.value(name).isPresent()) {
                    throw new UsageException("--" + name + " cannot be combined with --account (the file describes the account)");
                }
            }
            String file = a.value("account").get();
            AccountFields fields;
            try {
                fields = AccountJson.read(readFile(file));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--account " + file + ": " + e.getMessage());
            }
            a.value("error").ifPresent(fields::errorText);
            a.value("mx").ifPresent(m -> fields.clearMx().mx(m)); // the operator's --mx wins over the file's
            check = fields.check();
            if (!check.ok()) {
                throw new UsageException("--account " + file + ": " + check.problems().stream().map(FieldProblem::asJsonPath)
                        .collect(Collectors.joining("; ")));
            }
            return new Parsed(check.orElseThrow(), check.mx(), password);
        }
        if (a.value("email").isEmpty()) {
            throw new UsageException("--email is required (or --account FILE)");
        }
        AccountFields fields = AccountFields.create().email(a.value("email").get()).client(a.value("client").orElse(null))
                .network(a.value("network").orElse(null)).networkOperator(a.value("network-operator").orElse(null))
                .errorText(a.value("error").orElse("")).mx(a.value("mx").orElse(null));
        boolean anySmtp = List.of("smtp-host", "smtp-port", "smtp-security", "smtp-auth", "smtp-user").stream()
                .anyMatch(n -> a.value(n).isPresent()) || a.flag("smtp-off") || a.flag("no-smtp-password");
        if (anySmtp) {
            ServerFields smtp = ServerFields.create().host(a.value("smtp-host").orElse(null))
                    .port(a.value("smtp-port").orElse(null)).security(a.value("smtp-security").orElse(null))
                    .auth(a.value("smtp-auth").orElse(null)).user(a.value("smtp-user").orElse(null))
                    .enabled(!a.flag("smtp-off"));
            if (a.flag("no-smtp-password") && password.isEmpty()) {
                smtp.passwordSet(false);
            } else if (password.isPresent()) {
                smtp.passwordSet(true);
            }
            fields.outgoing(smtp);
        }
        if (a.value("incoming-host").isPresent()) {
            fields.incoming(ServerFields.create().protocol(a.value("incoming-protocol").orElse(null))
                    .host(a.value("incoming-host").get()).port(a.value("incoming-port").orElse(null))
                    .security(a.value("incoming-security").orElse(null)).user(a.value("incoming-user").orElse(null))
                    .passwordSet(true));
        }
        a.value("other-smtp").map(AccountOptions::otherServer).ifPresent(fields::otherOutgoing);
        check = fields.check();
        if (!check.ok()) {
            throw new UsageException(check.problems().stream().map(FieldProblem::asOption).collect(Collectors.joining("; ")));
        }
        return new Parsed(check.orElseThrow(), check.mx(), password);
    }

    /**
     * {@code host[:port[:security[:auth[:user]]]]}, e.g. {@code smtp.mail.att.net:465:tls:password:me@att.net}:
     * split here, validated with the other fields.
     */
    private static ServerFields otherServer(String text) {
        String[] parts = text.split(":", 5);
        ServerFields f = ServerFields.create().host(parts[0]);
        if (parts.length > 1) {
            f.port(parts[1]);
        }
        if (parts.length > 2) {
            f.security(parts[2]);
        }
        if (parts.length > 3) {
            f.auth(parts[3]);
        }
        if (parts.length > 4) {
            f.user(parts[4]);
        }
        return f;
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
            Path p = Path.of(path);
            if (Files.size(p) > MAX_FILE) {
                throw new UsageException("--account: " + path + " is larger than 1 MiB");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new UsageException("--account: " + path + " is not UTF-8 text");
        } catch (InvalidPathException | IOException e) {
            throw new UsageException("--account: cannot read " + path + ": " + e.getMessage());
        }
    }
}
