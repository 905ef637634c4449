package org.relaybench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail account as the customer configured it on the device, with the error text they see. This is
 * the input of a diagnosis. It never holds a password.
 *
 * @param email the account's address, lower-cased
 * @param client the mail client and its version
 * @param incoming the incoming server, when known
 * @param primaryOutgoing the primary outgoing (SMTP) server, when known; on iOS it can be switched
 *        off ({@link ServerSettings#enabled()})
 * @param otherOutgoing iOS "other SMTP servers" (e.g. another account's server), in the order shown
 * @param network the network the device sent from
 * @param errorText the exact error text the customer sees, empty when none was given
 * @since 0.1
 */
public record AccountProfile(String email, ClientInfo client, Optional<ServerSettings> incoming,
        Optional<ServerSettings> primaryOutgoing, List<ServerSettings> otherOutgoing, Network network,
        String errorText) {

    public AccountProfile {
        email = Objects.requireNonNull(email, "email").trim().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(primaryOutgoing, "primaryOutgoing");
        incoming.ifPresent(s -> requireProtocol(s, true));
        primaryOutgoing.ifPresent(s -> requireProtocol(s, false));
        otherOutgoing = List.copyOf(otherOutgoing);
        otherOutgoing.forEach(s -> requireProtocol(s, false));
        Objects.requireNonNull(network, "network");
        errorText = errorText == null ? "" : errorText;
    }

    private static void requireProtocol(ServerSettings s, boolean incoming) {
        if (s.protocol().incoming() != incoming) {
            throw new IllegalArgumentException((incoming ? "incoming" : "outgoing") + " server has protocol "
                    + s.protocol().id());
        }
    }

    /** @return the part after the last {@code @}, or empty when the address has none */
    public String domain() {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }

    /** @return the part before the last {@code @} */
    public String localPart() {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    /**
     * @return the outgoing server the device will actually use: the primary when it is on, else the
     *         first enabled other server
     */
    public Optional<ServerSettings> effectiveOutgoing() {
        if (primaryOutgoing.isPresent() && primaryOutgoing.get().enabled()) {
            return primaryOutgoing;
        }
        return otherOutgoing.stream().filter(ServerSettings::enabled).findFirst();
    }

    /**
     * @param email the account's address
     * @return a builder
     */
    public static Builder builder(String email) {
        return new Builder(email);
    }

    /** Builder for {@link AccountProfile}. */
    public static final class Builder {
        private final String email;
        private ClientInfo client = ClientInfo.UNKNOWN;
        private ServerSettings incoming;
        private ServerSettings primaryOutgoing;
        private final List<ServerSettings> otherOutgoing = new ArrayList<>();
        private Network network = Network.UNKNOWN;
        private String errorText = "";

        private Builder(String email) {
            this.email = email;
        }

        public Builder client(ClientInfo value) {
            client = Objects.requireNonNull(value);
            return this;
        }

        public Builder incoming(ServerSettings value) {
            incoming = value;
            return this;
        }

        public Builder outgoing(ServerSettings value) {
            primaryOutgoing = value;
            return this;
        }

        public Builder otherOutgoing(ServerSettings value) {
            otherOutgoing.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder network(Network value) {
            network = Objects.requireNonNull(value);
            return this;
        }

        public Builder errorText(String value) {
            errorText = value;
            return this;
        }

        public AccountProfile build() {
            return new AccountProfile(email, client, Optional.ofNullable(incoming), Optional.ofNullable(primaryOutgoing),
                    otherOutgoing, network, errorText);
        }
    }
}
