package org.relaybench.providers.imap.internal;

import java.util.List;
import java.util.Objects;

/**
 * The {@code emailProvider} of one ISPDB ("autoconfig") file, format {@code clientConfig} 1.1.
 *
 * @param source the file it was read from, as given to the parser
 * @param id the {@code emailProvider id}, for example {@code comcast.net}
 * @param domains the {@code domain} elements, lower case, in file order; never empty
 * @param displayName the {@code displayName}, or the id when the file has none
 * @param displayShortName the {@code displayShortName}, or the display name when the file has none
 * @param incoming the {@code incomingServer} entries in file order
 * @param outgoing the {@code outgoingServer} entries in file order
 * @param documentation the {@code url}s of the {@code documentation} elements
 */
public record IspdbConfig(String source, String id, List<String> domains, String displayName,
        String displayShortName, List<IspdbServer> incoming, List<IspdbServer> outgoing,
        List<String> documentation) {

    public IspdbConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("an ISPDB provider needs at least one domain");
        }
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(displayShortName, "displayShortName");
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
        documentation = List.copyOf(documentation);
    }

    /** @return the outgoing servers of type {@code smtp}, in file order */
    public List<IspdbServer> smtp() {
        return outgoing.stream().filter(s -> s.type().equals("smtp")).toList();
    }

    /**
     * @param type {@code imap}, {@code pop3} or another incoming type
     * @return the incoming servers of that type, in file order
     */
    public List<IspdbServer> incoming(String type) {
        return incoming.stream().filter(s -> s.type().equals(type)).toList();
    }
}
