package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.plugins.internal.InstalledPlugin;
import org.relaybench.plugins.internal.PluginException;
import org.relaybench.plugins.internal.Plugins;
import org.relaybench.plugins.internal.Signer;

/**
 * {@code relaybench plugins install|list|remove}: provider plugins installed after the product was
 * built, by p2 into the installation's profile or dropped into {@code dropins/}.
 */
final class PluginsCommand implements Command {

    private final ServicesLookup services;

    PluginsCommand(ServicesLookup services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "install, list and remove provider plugins (p2, dropins); their trusted signers";
    }

    @Override
    public String help() {
        return """
                Usage: relaybench plugins install [--trust-key FILE|FINGERPRINT[,...]] [--trust-cert FILE[,...]]
                                                 [--allow-unsigned] <repository> [<feature-or-IU-id> ...]
                       relaybench plugins list [--json]
                       relaybench plugins remove <id>
                       relaybench plugins trust list [--json] | add <file> | remove <fingerprint>

                Manages the provider plugins of this Relaybench. Changes take effect when Relaybench
                starts next (for the command line: the next command).

                  install   installs features from a p2 repository (update site) into this
                            installation's p2 profile. <repository> is a URL (file:, http:, https:)
                            or a local folder. Name features by id, with or without .feature.group;
                            with none, every feature the repository offers is installed. Only the
                            repository given is used: what the plugin needs beyond it must be part of
                            Relaybench already. Only trusted plugins are installed: every artifact
                            must be signed by a PGP key or certificate this installation trusts, and
                            match its signature. Otherwise nothing is installed, and each refused
                            artifact is listed with its signer (PGP fingerprint, certificate subject).
                  trust     lists, adds or removes the PGP keys and X.509 certificates this
                            installation trusts to sign plugins (kept in its p2 profile, where the
                            workbench's Install New Software finds them too). add takes an armored
                            PGP public key file or a certificate file (PEM or DER); remove takes a
                            fingerprint as list shows it (a PGP key's last 16 digits will do).
                  list      lists the plugins installed by p2 and the bundles in dropins/, with the
                            providers each brought, their origin and their load errors. A bundle in
                            dropins/ starts only when a trusted PGP key signed it (a detached .asc
                            signature beside the jar: gpg --armor --detach-sign), unless
                            relaybench.dropins.allowUnsigned=true is set in configuration/config.ini.
                  remove    uninstalls a plugin installed by p2, or deletes a bundle from dropins/.

                Options:
                  --trust-key FILE|FINGERPRINT  (install) trust these PGP keys from now on: key files,
                            or fingerprints of keys the repository offers; comma-separated
                  --trust-cert FILE  (install) trust these certificates from now on; comma-separated
                  --allow-unsigned  (install) accept unsigned artifacts too, this once: for
                            developing a plugin, never for a center's installation. Artifacts
                            signed by untrusted signers, or changed after signing, are still refused.
                  --json    (list, trust list) print {"plugins": [{"id", "version", "name", "source", "location",
                            "bundles": [{"bundle", "version", "providers": [{"id", "name", "source"}],
                            "problems": [{"element", "reason"}]}]}]}

                Exit codes: 0 done, 2 bad usage, unreachable repository, unknown id or requirements
                that cannot be met, 3 internal error (this installation cannot be changed), 4 refused:
                unsigned or untrusted artifacts, or artifacts that do not match their signature
                (nothing was installed).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("say install, list or remove");
        }
        String action = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (action) {
            case "install" -> install(Arguments.parse(rest, Set.of("trust-key", "trust-cert"), Set.of("allow-unsigned")), out);
            case "trust" -> trust(rest, out);
            case "list" -> list(Arguments.parse(rest, Set.of(), Set.of("json")), out);
            case "remove" -> remove(Arguments.parse(rest, Set.of(), Set.of()), out);
            default -> throw new UsageException("unknown action '" + action + "': say install, list, remove or trust");
            };
        } catch (PluginException e) {
            err.println("relaybench plugins " + action + ": " + e.getMessage());
            return switch (e.kind()) {
            case UNTRUSTED -> ExitCode.REFUSED;
            case FAILED -> ExitCode.INTERNAL;
            default -> ExitCode.USAGE;
            };
        }
    }

    private int install(Arguments a, PrintStream out) throws Exception {
        if (a.positional().isEmpty()) {
            throw new UsageException("name the p2 repository to install from");
        }
        URI repository = repository(a.positional().get(0));
        List<String> ids = a.positional().subList(1, a.positional().size());
        Plugins.Trust trust = new Plugins.Trust(list(a.value("trust-key")),
                list(a.value("trust-cert")).stream().map(f -> Path.of(f).toAbsolutePath()).toList(),
                a.flag("allow-unsigned"));
        Plugins.Change change = services.get(Plugins.class).install(repository, ids, trust, new NullProgressMonitor());
        out.println(capitalized(change.message()) + ".");
        return ExitCode.OK;
    }

    private static List<String> list(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of());
    }

    private int trust(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("say trust list, trust add <file> or trust remove <fingerprint>");
        }
        Plugins plugins = services.get(Plugins.class);
        Arguments a = Arguments.parse(args.subList(1, args.size()), Set.of(), Set.of("json"));
        switch (args.get(0)) {
        case "list" -> {
            if (!a.positional().isEmpty()) {
                throw new UsageException("unexpected argument: " + a.positional().get(0));
            }
            List<Signer> signers = plugins.trusted();
            if (a.flag("json")) {
                out.println(Json.write(Map.of("trusted", signers.stream().map(PluginsCommand::toJson).toList())));
            } else {
                out.println("Trusted signers (" + signers.size() + ")");
                signers.forEach(s -> out.printf("  %-5s %s%s%n", s.kind(), s.id(), s.name().isEmpty() ? "" : "  " + s.name()));
            }
        }
        case "add" -> {
            if (a.positional().size() != 1 || a.flag("json")) {
                throw new UsageException("name the one key or certificate file to trust");
            }
            for (Signer s : plugins.trust(Path.of(a.positional().get(0)).toAbsolutePath())) {
                out.println("Trusted " + s.describe() + ".");
            }
        }
        case "remove" -> {
            if (a.positional().size() != 1 || a.flag("json")) {
                throw new UsageException("name the one fingerprint to stop trusting, as 'relaybench plugins trust list' shows it");
            }
            for (Signer s : plugins.distrust(a.positional().get(0))) {
                out.println("No longer trusted: " + s.describe() + ".");
            }
        }
        default -> throw new UsageException("unknown trust action '" + args.get(0) + "': say list, add or remove");
        }
        return ExitCode.OK;
    }

    private static Map<String, Object> toJson(Signer signer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", signer.kind());
        m.put("id", signer.id());
        m.put("name", signer.name());
        return m;
    }

    private int remove(Arguments a, PrintStream out) throws Exception {
        if (a.positional().size() != 1) {
            throw new UsageException("name the one plugin to remove, as 'relaybench plugins list' shows it");
        }
        Plugins.Change change = services.get(Plugins.class).remove(a.positional().get(0), new NullProgressMonitor());
        out.println(capitalized(change.message()) + ".");
        return ExitCode.OK;
    }

    private int list(Arguments a, PrintStream out) throws Exception {
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument: " + a.positional().get(0));
        }
        List<InstalledPlugin> plugins = services.get(Plugins.class).installed();
        // dropins installed at start-up may be in the registry before the catalog has read them
        ProviderCatalog.Snapshot snapshot = services.get(ProviderCatalog.class).awaitCurrent(ProvidersCommand.CATALOG_WAIT);
        if (a.flag("json")) {
            out.println(Json.write(Map.of("plugins", plugins.stream().map(p -> toJson(p, snapshot)).toList())));
        } else {
            printText(plugins, snapshot, out);
        }
        return ExitCode.OK;
    }

    /** @return a URI for a URL or a local folder */
    static URI repository(String text) throws UsageException {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && uri.getScheme().length() > 1) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // not a URL: a local folder, perhaps with spaces
        }
        return Path.of(text).toAbsolutePath().normalize().toUri();
    }

    private static Map<String, Object> toJson(InstalledPlugin plugin, ProviderCatalog.Snapshot snapshot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", plugin.id());
        m.put("version", plugin.version());
        m.put("name", plugin.name());
        m.put("source", plugin.source());
        m.put("location", plugin.location());
        List<Object> bundles = new ArrayList<>();
        for (InstalledPlugin.Bundle b : plugin.bundles()) {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("bundle", b.symbolicName());
            bundle.put("version", b.version());
            bundle.put("providers", providers(snapshot, b).stream().map(p -> {
                Map<String, Object> provider = new LinkedHashMap<>();
                provider.put("id", p.id());
                provider.put("name", p.name());
                provider.put("source", p.origin().source());
                return provider;
            }).toList());
            bundle.put("problems", problems(snapshot, b).stream().map(p -> {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("element", p.element());
                problem.put("reason", p.reason());
                return problem;
            }).toList());
            bundles.add(bundle);
        }
        m.put("bundles", bundles);
        return m;
    }

    private static List<ProviderDescriptor> providers(ProviderCatalog.Snapshot snapshot, InstalledPlugin.Bundle b) {
        return snapshot.providers().stream().filter(p -> p.origin().bundle().equals(b.symbolicName())).toList();
    }

    private static List<LoadProblem> problems(ProviderCatalog.Snapshot snapshot, InstalledPlugin.Bundle b) {
        return snapshot.problems().stream().filter(p -> p.contributor().equals(b.symbolicName())).toList();
    }

    private static void printText(List<InstalledPlugin> plugins, ProviderCatalog.Snapshot snapshot, PrintStream out) {
        out.println("Plugins (" + plugins.size() + ")");
        for (InstalledPlugin plugin : plugins) {
            out.printf("  %-8s %s %s%s%n", plugin.source(), plugin.id(), plugin.version(),
                    plugin.name().equals(plugin.id()) ? "" : "  (" + plugin.name() + ")");
            if (!plugin.location().isEmpty()) {
                out.println("           " + plugin.location());
            }
            for (InstalledPlugin.Bundle b : plugin.bundles()) {
                List<String> ids = providers(snapshot, b).stream().map(p -> p.id() + " [" + p.origin().source() + "]")
                        .toList();
                List<LoadProblem> problems = problems(snapshot, b);
                out.println("           bundle " + b.symbolicName() + " " + b.version() + ": "
                        + (ids.isEmpty() ? "no providers" : "providers " + String.join(", ", ids))
                        + (problems.isEmpty() ? "" : ", " + problems.size() + " load error(s)"));
                problems.forEach(p -> out.println("             " + p.element() + ": " + p.reason()));
            }
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
