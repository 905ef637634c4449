package org.relaybench.core;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail client and its version, written as on the command line: {@code ios-12}, {@code ios-17.4},
 * {@code ipados-16}, {@code macos}, {@code macos-14}, {@code outlook}, {@code thunderbird-128},
 * {@code android}, or {@code unknown}.
 *
 * @param kind the client family in lower case: ios, ipados, macos, outlook, thunderbird, android,
 *        or any other word
 * @param version the version as given, empty when unknown
 * @since 0.1
 */
public record ClientInfo(String kind, String version) {

    /** A client about which nothing is known. */
    public static final ClientInfo UNKNOWN = new ClientInfo("unknown", "");

    private static final Pattern FORM = Pattern.compile("([a-z][a-z0-9]*?)(?:[- ]?(\\d+(?:\\.\\d+)*))?");

    public ClientInfo {
        kind = Objects.requireNonNull(kind, "kind").trim().toLowerCase(Locale.ROOT);
        version = version == null ? "" : version.trim();
    }

    /**
     * Parses the command-line form.
     *
     * @param text e.g. {@code ios-12}; null or blank gives {@link #UNKNOWN}
     * @return the client
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static ClientInfo parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a client (expected e.g. ios-12, macos, outlook): " + text);
        }
        return new ClientInfo(m.group(1), m.group(2));
    }

    /** @return the major version, when the version starts with a number */
    public OptionalInt majorVersion() {
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        try {
            return major.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(major));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** @return whether this is Apple's iOS or iPadOS Mail, which share Settings paths */
    public boolean isIos() {
        return "ios".equals(kind) || "ipados".equals(kind) || "iphone".equals(kind) || "ipad".equals(kind);
    }

    /** @return the command-line form, e.g. {@code ios-12} */
    @Override
    public String toString() {
        return version.isEmpty() ? kind : kind + "-" + version;
    }
}
