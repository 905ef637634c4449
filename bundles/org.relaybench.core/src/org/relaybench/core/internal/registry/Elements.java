package org.relaybench.core.internal.registry;

import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.InvalidRegistryObjectException;

/** Attribute access with the reader's error messages. */
final class Elements {

    private Elements() {
    }

    static String required(IConfigurationElement e, String attribute) throws ContributionException {
        return optional(e, attribute).orElseThrow(
                () -> new ContributionException("missing required attribute '" + attribute + "'"));
    }

    static Optional<String> optional(IConfigurationElement e, String attribute) throws ContributionException {
        try {
            return Optional.ofNullable(e.getAttribute(attribute)).map(String::trim).filter(s -> !s.isEmpty());
        } catch (InvalidRegistryObjectException ex) {
            throw new ContributionException("contribution was removed while being read");
        }
    }

    static int integer(IConfigurationElement e, String attribute, int min, int max, int fallback)
            throws ContributionException {
        Optional<String> text = optional(e, attribute);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value < min || value > max) {
                throw new ContributionException("attribute '" + attribute + "' = " + value + " is outside "
                        + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException ex) {
            throw new ContributionException("attribute '" + attribute + "' is not a whole number: '" + text.get()
                    + "'");
        }
    }

    static double fraction(IConfigurationElement e, String attribute, double fallback) throws ContributionException {
        Optional<String> text = optional(e, attribute);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.get());
            if (!(value >= 0 && value <= 1)) {
                throw new ContributionException("attribute '" + attribute + "' = " + text.get()
                        + " is outside 0..1");
            }
            return value;
        } catch (NumberFormatException ex) {
            throw new ContributionException("attribute '" + attribute + "' is not a number: '" + text.get() + "'");
        }
    }

    static boolean bool(IConfigurationElement e, String attribute, boolean fallback) throws ContributionException {
        Optional<String> text = optional(e, attribute);
        if (text.isEmpty()) {
            return fallback;
        }
        if (text.get().equalsIgnoreCase("true") || text.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text.get());
        }
        throw new ContributionException("attribute '" + attribute + "' must be true or false: '" + text.get() + "'");
    }

    /** @return {@code name[id=value]} or {@code name} for problem messages */
    static String label(IConfigurationElement e) {
        String id = null;
        try {
            id = e.getAttribute("id");
            if (id == null) {
                id = e.getAttribute("name");
            }
            if (id == null) {
                id = e.getAttribute("host");
            }
            return e.getName() + (id == null ? "" : "[" + id + "]");
        } catch (InvalidRegistryObjectException ex) {
            return "(removed element)";
        }
    }
}
