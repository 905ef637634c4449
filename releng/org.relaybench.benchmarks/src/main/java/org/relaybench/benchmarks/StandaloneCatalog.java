package org.relaybench.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.relaybench.core.internal.registry.OriginResolver;
import org.relaybench.core.internal.registry.ProviderRegistryReader;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.ProviderOrigin;
import org.relaybench.core.providers.RuleCreationException;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * The provider catalog outside OSGi: the Equinox extension registry in its standalone mode, fed with
 * the real {@code plugin.xml} and {@code plugin.properties} of core and of every provider bundle of the
 * source tree, read by the product's own {@link ProviderRegistryReader}. Code rules are created from
 * the class path.
 */
final class StandaloneCatalog implements ProviderCatalog {

    private final Snapshot snapshot;
    private final java.util.Map<String, DiagnosisRule> rules = new java.util.concurrent.ConcurrentHashMap<>();

    StandaloneCatalog(Path root) {
        Object token = new Object();
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, token, null);
        contribute(registry, token, root.resolve("bundles/org.relaybench.core"), "org.relaybench.core");
        try (DirectoryStream<Path> providers = Files.newDirectoryStream(root.resolve("bundles"),
                "org.relaybench.providers.*")) {
            for (Path dir : providers) {
                contribute(registry, token, dir, dir.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OriginResolver origins = new OriginResolver() {
            @Override
            public ProviderOrigin resolve(IContributor contributor) {
                return new ProviderOrigin(contributor.getName(), "", "source tree");
            }
        };
        ProviderRegistryReader.Result result = new ProviderRegistryReader(origins).read(registry);
        if (!result.problems().isEmpty()) {
            throw new IllegalStateException("provider contributions have problems: " + result.problems());
        }
        snapshot = new Snapshot(1, result.providers(), List.of());
    }

    private static void contribute(IExtensionRegistry registry, Object token, Path bundle, String name) {
        Path pluginXml = bundle.resolve("plugin.xml");
        if (!Files.exists(pluginXml)) {
            return;
        }
        try (InputStream xml = Files.newInputStream(pluginXml)) {
            ResourceBundle translations = null;
            Path properties = bundle.resolve("plugin.properties");
            if (Files.exists(properties)) {
                try (InputStream in = Files.newInputStream(properties)) {
                    translations = new PropertyResourceBundle(in);
                }
            }
            IContributor contributor = ContributorFactorySimple.createContributor(name);
            if (!registry.addContribution(xml, contributor, false, name, translations, token)) {
                throw new IllegalStateException("the registry refused " + pluginXml);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public DiagnosisRule createRule(ProviderDescriptor provider, RuleDescriptor rule) throws RuleCreationException {
        DiagnosisRule cached = rules.get(provider.id() + "/" + rule.id());
        if (cached != null) {
            return cached; // created once, as the OSGi catalog does
        }
        try {
            DiagnosisRule created = (DiagnosisRule) Class.forName(rule.implementation().orElseThrow()).getConstructor()
                    .newInstance();
            rules.put(provider.id() + "/" + rule.id(), created);
            return created;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new RuleCreationException(provider.id() + "/" + rule.id() + ": " + e, e);
        }
    }

    @Override
    public void report(LoadProblem problem) {
        throw new IllegalStateException("a rule failed during the benchmark: " + problem);
    }

    @Override
    public AutoCloseable addListener(Consumer<Snapshot> listener) {
        return () -> {
        };
    }
}
