package org.relaybench.core.internal.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.InvalidRegistryObjectException;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * Reads the extension point {@code org.relaybench.core.providers} into provider descriptors. A
 * contribution with a fault is reported as a {@link LoadProblem} naming contributor, element and
 * reason; the faulty part is skipped and everything else loads.
 * <p>
 * Extensions are read in the order of their contributor's name, then extension id, so that the same
 * installation always yields the same catalog (and the same winner when two providers claim an id).
 */
public final class ProviderRegistryReader {

    /** The fully qualified id of the extension point. */
    public static final String POINT = "org.relaybench.core.providers";

    /** What one read produced. */
    public record Result(List<ProviderDescriptor> providers, List<LoadProblem> problems,
            Map<String, IConfigurationElement> codeRules) {
    }

    private final OriginResolver origins;

    /**
     * @param origins tells where each contributor came from
     */
    public ProviderRegistryReader(OriginResolver origins) {
        this.origins = origins;
    }

    /**
     * @param registry the extension registry
     * @return providers in priority order (highest first, then id), problems, and the configuration
     *         elements of code rules keyed by {@link #ruleKey(String, String)}
     */
    public Result read(IExtensionRegistry registry) {
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, IConfigurationElement> codeRules = new HashMap<>();
        Map<String, ProviderDescriptor> byId = new LinkedHashMap<>();
        IExtensionPoint point = registry.getExtensionPoint(POINT);
        if (point == null) {
            problems.add(new LoadProblem("org.relaybench.core", POINT, "extension point is not registered", ""));
            return new Result(List.of(), problems, codeRules);
        }
        IExtension[] extensions = point.getExtensions();
        Arrays.sort(extensions, Comparator.comparing(ProviderRegistryReader::contributorName)
                .thenComparing(x -> String.valueOf(safeId(x))));
        for (IExtension extension : extensions) {
            String contributor = contributorName(extension);
            IConfigurationElement[] elements;
            try {
                elements = extension.getConfigurationElements();
            } catch (InvalidRegistryObjectException e) {
                continue; // removed while we read; the listener triggers another read
            }
            for (IConfigurationElement element : elements) {
                readTopLevel(element, contributor, byId, problems, codeRules);
            }
        }
        List<ProviderDescriptor> providers = new ArrayList<>(byId.values());
        providers.sort(Comparator.comparingInt(ProviderDescriptor::priority).reversed()
                .thenComparing(ProviderDescriptor::id));
        return new Result(List.copyOf(providers), List.copyOf(problems), Map.copyOf(codeRules));
    }

    private void readTopLevel(IConfigurationElement element, String contributor, Map<String, ProviderDescriptor> byId,
            List<LoadProblem> problems, Map<String, IConfigurationElement> codeRules) {
        String label = Elements.label(element);
        if (!"provider".equals(element.getName())) {
            problems.add(new LoadProblem(contributor, label, "unknown element '" + element.getName()
                    + "' (expected 'provider')", label));
            return;
        }
        ProviderElementReader reader = new ProviderElementReader(contributor, problems);
        try {
            ProviderElementReader.Read read = reader.read(element, origins.resolve(element.getContributor()));
            ProviderDescriptor provider = read.provider();
            ProviderDescriptor existing = byId.get(provider.id());
            if (existing != null) {
                problems.add(new LoadProblem(contributor, label, "provider id '" + provider.id()
                        + "' is already contributed by " + existing.origin().bundle(), "provider " + provider.id()));
                return;
            }
            byId.put(provider.id(), provider);
            read.codeRules().forEach((ruleId, e) -> codeRules.put(ruleKey(provider.id(), ruleId), e));
        } catch (ContributionException e) {
            problems.add(new LoadProblem(contributor, label, e.getMessage(), "provider"
                    + optionalId(element)));
        } catch (InvalidRegistryObjectException e) {
            // removed while being read: the registry listener triggers a fresh read
        }
    }

    /**
     * @param providerId a provider id
     * @param ruleId one of its rule ids
     * @return the key of the rule in {@link Result#codeRules()}
     */
    public static String ruleKey(String providerId, String ruleId) {
        return providerId + '/' + ruleId;
    }

    private static String optionalId(IConfigurationElement e) {
        String id = e.getAttribute("id");
        return id == null ? "" : " " + id;
    }

    private static String contributorName(IExtension extension) {
        try {
            return extension.getContributor().getName();
        } catch (InvalidRegistryObjectException e) {
            return "";
        }
    }

    private static String safeId(IExtension extension) {
        try {
            return extension.getUniqueIdentifier();
        } catch (InvalidRegistryObjectException e) {
            return null;
        }
    }
}
