package org.relaybench.providers.imap.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.relaybench.core.Security;

/**
 * Reads Thunderbird ISPDB ("autoconfig") files, format {@code clientConfig} version 1.1, as published
 * at {@code https://autoconfig.thunderbird.net/v1.1/<domain>}.
 * <p>
 * The files come from outside, so reading is defensive: at most {@value #MAX_BYTES} bytes, no
 * {@code DOCTYPE} at all (which rules out external entities, external DTDs and entity expansion),
 * and the JDK's own StAX parser rather than whatever the class path offers. Real-world quirks are
 * tolerated: a missing XML declaration, unknown elements (skipped), server types other than the mail
 * protocols, and the {@code %EMAILADDRESS} placeholder without its closing {@code %}. Every fault is
 * an {@link IspdbException} naming the file and line. Instances are stateless and thread-safe.
 */
public final class IspdbParser {

    /** The largest file read: 1 MiB. Real ISPDB files are a few KiB. */
    public static final int MAX_BYTES = 1 << 20;

    private static final Pattern UNTERMINATED_PLACEHOLDER = Pattern.compile("%[A-Z]+");

    /**
     * Reads a file.
     *
     * @param file the file
     * @return its provider
     * @throws IspdbException when the file cannot be read, is too large, is not well-formed XML or
     *         not a valid {@code clientConfig}
     */
    public IspdbConfig parse(Path file) throws IspdbException {
        String name = file.toString();
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte more than allowed: a file that grows after a size check is caught too
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new IspdbException(name, 0, "cannot be read: " + e, e);
        }
        return parse(name, content);
    }

    /**
     * Reads a file's content.
     *
     * @param name the file's path or name, for messages
     * @param content the bytes; the encoding comes from the XML declaration, UTF-8 without one
     * @return its provider
     * @throws IspdbException when the content is too large, not well-formed or not a valid
     *         {@code clientConfig}
     */
    public IspdbConfig parse(String name, byte[] content) throws IspdbException {
        if (content.length > MAX_BYTES) {
            throw tooLarge(name);
        }
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(content));
            return new Reading(name, reader).document();
        } catch (XMLStreamException e) {
            throw new IspdbException(name, line(e.getLocation()), "is not well-formed XML: " + reason(e), e);
        } finally {
            close(reader);
        }
    }

    private static XMLInputFactory factory() {
        // the JDK's parser, never one found through the context class loader
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // the content is in memory: closing frees only the parser's buffers
        }
    }

    static IspdbException tooLarge(String name) {
        return new IspdbException(name, 0, "is larger than 1 MiB (" + MAX_BYTES
                + " bytes), the limit for an ISPDB file; not read");
    }

    static int line(Location location) {
        return location == null ? 0 : Math.max(0, location.getLineNumber());
    }

    private static String reason(XMLStreamException e) {
        // the JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; the line is reported separately
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return at < 0 ? message : message.substring(at + "Message: ".length());
    }

    /** The state of reading one document. */
    private static final class Reading {

        private final String name;
        private final XmlCursor xml;

        Reading(String name, XMLStreamReader reader) {
            this.name = name;
            this.xml = new XmlCursor(name, reader);
        }

        IspdbConfig document() throws XMLStreamException, IspdbException {
            xml.root("clientConfig");
            IspdbConfig provider = null;
            while (xml.nextChild()) {
                if (!xml.is("emailProvider")) {
                    xml.skip();
                } else if (provider != null) {
                    throw fault("a second emailProvider; a clientConfig describes one provider");
                } else {
                    provider = provider();
                }
            }
            if (provider == null) {
                throw new IspdbException(name, xml.line(), "clientConfig has no emailProvider");
            }
            return provider;
        }

        private IspdbConfig provider() throws XMLStreamException, IspdbException {
            int line = xml.line();
            String id = xml.attribute("id")
                    .orElseThrow(() -> fault("emailProvider has no id attribute"));
            List<String> domains = new ArrayList<>();
            List<IspdbServer> incoming = new ArrayList<>();
            List<IspdbServer> outgoing = new ArrayList<>();
            List<String> documentation = new ArrayList<>();
            String displayName = "";
            String shortName = "";
            while (xml.nextChild()) {
                switch (xml.name()) {
                case "domain" -> domains.add(domain(xml.text()));
                case "displayName" -> displayName = xml.text();
                case "displayShortName" -> shortName = xml.text();
                case "incomingServer" -> incoming.add(server());
                case "outgoingServer" -> outgoing.add(server());
                case "documentation" -> {
                    xml.attribute("url").ifPresent(documentation::add);
                    xml.skip();
                }
                default -> xml.skip();
                }
            }
            if (domains.isEmpty()) {
                throw new IspdbException(name, line, "emailProvider " + id + " lists no domain");
            }
            String display = displayName.isEmpty() ? id : displayName;
            return new IspdbConfig(name, id, domains, display, shortName.isEmpty() ? display : shortName, incoming,
                    outgoing, documentation);
        }

        private String domain(String text) throws IspdbException {
            String domain = text.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
            if (domain.isEmpty() || domain.chars().anyMatch(Character::isWhitespace)) {
                throw fault("domain '" + text + "' is not a domain name");
            }
            return domain;
        }

        private IspdbServer server() throws XMLStreamException, IspdbException {
            int line = xml.line();
            String element = xml.name();
            String type = xml.attribute("type")
                    .orElseThrow(() -> fault(element + " has no type attribute"))
                    .toLowerCase(Locale.ROOT);
            String hostname = "";
            String port = "";
            String socketType = "";
            String username = "";
            List<String> authentication = new ArrayList<>();
            while (xml.nextChild()) {
                switch (xml.name()) {
                case "hostname" -> hostname = xml.text();
                case "port" -> port = xml.text();
                case "socketType" -> socketType = xml.text();
                case "username" -> username = repairPlaceholder(xml.text());
                case "authentication" -> authentication.add(xml.text());
                default -> xml.skip();
                }
            }
            boolean mail = IspdbServer.MAIL_PROTOCOLS.contains(type);
            String where = element + " " + type;
            if (mail && (hostname.isEmpty() || hostname.chars().anyMatch(Character::isWhitespace))) {
                throw new IspdbException(name, line, where + " has no valid hostname: '" + hostname + "'");
            }
            int portNumber = port(port, mail, where, line);
            Optional<Security> security = Security.parse(socketType);
            if ((mail || !socketType.isEmpty()) && security.isEmpty()) {
                throw new IspdbException(name, line, where + " has socketType '" + socketType
                        + "'; expected SSL, STARTTLS or plain");
            }
            return new IspdbServer(type, hostname, portNumber, security, authentication, username);
        }

        private int port(String text, boolean required, String where, int line) throws IspdbException {
            if (text.isEmpty() && !required) {
                return 0;
            }
            try {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below with the value
            }
            throw new IspdbException(name, line, where + " has port '" + text + "'; expected a number from 1 to 65535");
        }

        private IspdbException fault(String reason) {
            return new IspdbException(name, xml.line(), reason);
        }
    }

    /**
     * Repairs the ISPDB quirk {@code %EMAILADDRESS} (closing {@code %} missing, as in Microsoft 365's
     * file) and its kin.
     */
    static String repairPlaceholder(String username) {
        return UNTERMINATED_PLACEHOLDER.matcher(username).matches() ? username + "%" : username;
    }
}
