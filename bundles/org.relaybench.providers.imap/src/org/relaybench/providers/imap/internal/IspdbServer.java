package org.relaybench.providers.imap.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.relaybench.core.AuthMethod;
import org.relaybench.core.Security;
import org.relaybench.core.providers.ServerRecommendation.UsernameForm;

/**
 * One {@code incomingServer} or {@code outgoingServer} of an ISPDB file. For the mail protocols
 * ({@code imap}, {@code pop3}, {@code smtp}) host name, port and socket type are always present; the
 * other types an ISPDB file may list ({@code ews}, {@code owa}, {@code graph}, {@code exchange}) are
 * kept with whatever they declare, so that nothing valid in a file is an error.
 *
 * @param type the {@code type} attribute, lower case
 * @param hostname the host name as written, lower case; may hold placeholders such as
 *        {@code %EMAILDOMAIN%}; empty when the entry has none
 * @param port the port, or 0 when the entry has none
 * @param socketType the transport security, when declared
 * @param authentication the {@code authentication} values as written, in order
 * @param username the user name template with the {@code %EMAILADDRESS} quirk repaired
 *        ({@code %EMAILADDRESS%}); empty when the entry has none
 */
public record IspdbServer(String type, String hostname, int port, Optional<Security> socketType,
        List<String> authentication, String username) {

    /** The types whose entries must have host name, port and socket type. */
    public static final Set<String> MAIL_PROTOCOLS = Set.of("imap", "pop3", "smtp");

    public IspdbServer {
        type = Objects.requireNonNull(type, "type").trim().toLowerCase(Locale.ROOT);
        hostname = Objects.requireNonNull(hostname, "hostname").trim().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(socketType, "socketType");
        authentication = List.copyOf(authentication);
        username = Objects.requireNonNull(username, "username").trim();
    }

    /** @return the authentication methods Relaybench knows among {@link #authentication()} */
    public Set<AuthMethod> authMethods() {
        return authentication.stream().map(AuthMethod::parse).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @return the form of user name: {@code %EMAILADDRESS%} is the full address,
     *         {@code %EMAILLOCALPART%} the part before the {@code @}; anything else is
     *         {@link UsernameForm#OTHER}
     */
    public UsernameForm usernameForm() {
        switch (username.toUpperCase(Locale.ROOT)) {
        case "%EMAILADDRESS%":
            return UsernameForm.EMAIL_ADDRESS;
        case "%EMAILLOCALPART%":
            return UsernameForm.LOCAL_PART;
        default:
            return UsernameForm.OTHER;
        }
    }

    /**
     * @param domain the e-mail domain of the account
     * @return the host name with {@code %EMAILDOMAIN%} replaced by the domain
     */
    public String hostFor(String domain) {
        return hostname.replace("%emaildomain%", domain.toLowerCase(Locale.ROOT));
    }

    /** @return {@code host:port security} for evidence and messages */
    public String describe() {
        return hostname + (port > 0 ? ":" + port : "") + socketType.map(s -> " " + s.id()).orElse("");
    }
}
