package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.osgi.util.NLS;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.report.FixKit;

/**
 * Writes the fix kit as an Apple configuration profile (Configuration Profile Reference: an XML
 * property list of {@code PayloadType} {@code Configuration} holding one {@code com.apple.mail.managed}
 * payload). Outgoing authentication is set and {@code OutgoingPasswordSameAsIncomingPassword} is true,
 * so Mail asks for the password once when the profile is installed; no password is in the file. The
 * payload identifiers and UUIDs are derived from the session id, so a profile exported again replaces
 * the one installed before instead of adding a second account.
 * <p>
 * Apple's mail payload has no OAuth2 setting: for providers that recommend OAuth2 the profile uses
 * password authentication, which they accept with an app password.
 */
public final class MobileconfigWriter {

    private static final String DOCTYPE = "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
            + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">";
    private static final String PREFIX = "org.relaybench.fixkit.";

    private MobileconfigWriter() {
    }

    /**
     * @param kit the settings
     * @param sessionId the session's id, for stable payload identifiers
     * @param organization who hands out the profile, shown when it is installed
     * @param out where to write UTF-8
     * @throws IOException when writing fails
     */
    public static void write(FixKit kit, String sessionId, String organization, OutputStream out) throws IOException {
        String id = PREFIX + Text.line(sessionId, 100).replaceAll("[^A-Za-z0-9.-]", "-");
        XmlOut x = new XmlOut(DOCTYPE);
        x.open("plist", "version", "1.0").open("dict");
        x.element("key", "PayloadContent").open("array").open("dict");
        string(x, "EmailAccountDescription", NLS.bind(Messages.Profile_account, kit.providerName(), kit.email()));
        string(x, "EmailAccountType", kit.incoming().protocol() == MailProtocol.POP3 ? "EmailTypePOP" : "EmailTypeIMAP");
        string(x, "EmailAddress", kit.email());
        server(x, "Incoming", kit.incoming());
        server(x, "Outgoing", kit.outgoing());
        x.element("key", "OutgoingPasswordSameAsIncomingPassword").empty("true");
        string(x, "PayloadDescription", NLS.bind(Messages.Profile_mailDescription, kit.email()));
        string(x, "PayloadDisplayName", NLS.bind(Messages.Profile_account, kit.providerName(), kit.email()));
        string(x, "PayloadIdentifier", id + ".mail");
        string(x, "PayloadType", "com.apple.mail.managed");
        string(x, "PayloadUUID", uuid(id + ".mail"));
        integer(x, "PayloadVersion", 1);
        x.close("dict").close("array");
        string(x, "PayloadDescription", NLS.bind(Messages.Profile_description, kit.email()));
        string(x, "PayloadDisplayName", NLS.bind(Messages.Profile_displayName, kit.email()));
        string(x, "PayloadIdentifier", id);
        string(x, "PayloadOrganization", organization);
        x.element("key", "PayloadRemovalDisallowed").empty("false");
        string(x, "PayloadType", "Configuration");
        string(x, "PayloadUUID", uuid(id));
        integer(x, "PayloadVersion", 1);
        x.close("dict").close("plist");
        x.writeTo(out);
    }

    private static void server(XmlOut x, String side, FixKit.Server s) {
        string(x, side + "MailServerAuthentication", "EmailAuthPassword");
        string(x, side + "MailServerHostName", s.host());
        integer(x, side + "MailServerPortNumber", s.port());
        x.element("key", side + "MailServerUseSSL").empty(s.security() == Security.NONE ? "false" : "true");
        string(x, side + "MailServerUsername", s.username());
    }

    private static void string(XmlOut x, String key, String value) {
        x.element("key", key).element("string", value);
    }

    private static void integer(XmlOut x, String key, int value) {
        x.element("key", key).element("integer", Integer.toString(value));
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT);
    }
}
