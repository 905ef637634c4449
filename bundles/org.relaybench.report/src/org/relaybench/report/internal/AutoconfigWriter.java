package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.relaybench.core.AuthMethod;
import org.relaybench.core.MailProtocol;
import org.relaybench.report.FixKit;

/**
 * Writes the fix kit as a Thunderbird autoconfig file ({@code clientConfig} version 1.1, the format
 * of Mozilla's ISPDB and of {@code autoconfig.example.com/mail/config-v1.1.xml}). User names are the
 * placeholders {@code %EMAILADDRESS%} and {@code %EMAILLOCALPART%} where the provider uses those
 * forms, so the file also serves other addresses of the same domain. No password is in the file.
 */
public final class AutoconfigWriter {

    private AutoconfigWriter() {
    }

    /**
     * @param kit the settings
     * @param out where to write UTF-8
     * @throws IOException when writing fails
     */
    public static void write(FixKit kit, OutputStream out) throws IOException {
        XmlOut x = new XmlOut(null);
        x.open("clientConfig", "version", "1.1");
        x.open("emailProvider", "id", kit.domain());
        x.element("domain", kit.domain());
        x.element("displayName", kit.providerName());
        x.element("displayShortName", kit.providerName());
        server(x, "incomingServer", kit.incoming().protocol() == MailProtocol.POP3 ? "pop3" : "imap", kit.incoming());
        server(x, "outgoingServer", "smtp", kit.outgoing());
        x.close("emailProvider");
        x.close("clientConfig");
        x.writeTo(out);
    }

    private static void server(XmlOut x, String element, String type, FixKit.Server s) {
        x.open(element, "type", type);
        x.element("hostname", s.host());
        x.element("port", Integer.toString(s.port()));
        x.element("socketType", switch (s.security()) {
        case TLS -> "SSL";
        case STARTTLS -> "STARTTLS";
        case NONE -> "plain";
        });
        x.element("authentication", s.auth() == AuthMethod.OAUTH2 ? "OAuth2" : "password-cleartext");
        x.element("username", switch (s.usernameForm()) {
        case EMAIL_ADDRESS -> "%EMAILADDRESS%";
        case LOCAL_PART -> "%EMAILLOCALPART%";
        case OTHER -> s.username();
        });
        x.close(element);
    }
}
