package org.relaybench.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The network the device sent from, which matters for servers that relay only for their own network.
 *
 * @param kind Wi-Fi, cellular or unknown
 * @param operator whose network it is (e.g. "Comcast", "AT&T"), empty when unknown
 * @since 0.1
 */
public record Network(Kind kind, Optional<String> operator) {

    /** Nothing known about the network. */
    public static final Network UNKNOWN = new Network(Kind.UNKNOWN, Optional.empty());

    /** The kinds of network. */
    public enum Kind {
        WIFI("wifi"), CELLULAR("cellular"), UNKNOWN("unknown");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** @return the stable identifier */
        public String id() {
            return id;
        }

        /**
         * @param text identifier, case-insensitive; "wi-fi" and "mobile" are accepted
         * @return the kind, or empty
         */
        public static Optional<Kind> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "wifi", "wi-fi", "wlan":
                return Optional.of(WIFI);
            case "cellular", "mobile", "lte", "5g":
                return Optional.of(CELLULAR);
            case "unknown", "":
                return Optional.of(UNKNOWN);
            default:
                return Optional.empty();
            }
        }
    }

    public Network {
        Objects.requireNonNull(kind, "kind");
        operator = Objects.requireNonNull(operator, "operator").map(String::trim).filter(s -> !s.isEmpty());
    }
}
