package org.relaybench.providers.imap.internal;

import java.util.Optional;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a StAX reader element by element for {@link IspdbParser}. It refuses what an ISPDB file
 * never needs and an attacker might use: a {@code DOCTYPE} and entity references other than the
 * five predefined ones. Text of elements is trimmed.
 */
final class XmlCursor {

    private final String file;
    private final XMLStreamReader reader;

    XmlCursor(String file, XMLStreamReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /** Moves to the root element and checks its name. */
    void root(String expected) throws XMLStreamException, IspdbException {
        while (reader.hasNext()) {
            int event = reader.next();
            refuse(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!reader.getLocalName().equals(expected)) {
                    throw new IspdbException(file, line(), "root element is '" + reader.getLocalName()
                            + "'; expected '" + expected + "'");
                }
                return;
            }
        }
        throw new IspdbException(file, line(), "has no root element");
    }

    /**
     * Moves to the next child element of the current element.
     *
     * @return true on a child's start tag; false on the current element's end tag
     */
    boolean nextChild() throws XMLStreamException, IspdbException {
        while (reader.hasNext()) {
            int event = reader.next();
            refuse(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** Skips the current element and everything in it, leaving the cursor on its end tag. */
    void skip() throws XMLStreamException, IspdbException {
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            refuse(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** @return the trimmed text of the current element, which must have no child elements */
    String text() throws XMLStreamException, IspdbException {
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            refuse(event);
            switch (event) {
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
                text.append(reader.getText());
                break;
            case XMLStreamConstants.END_ELEMENT:
                return text.toString().trim();
            case XMLStreamConstants.START_ELEMENT:
                throw new IspdbException(file, line(), "element '" + reader.getLocalName()
                        + "' where only text is expected");
            default:
                break;
            }
        }
        throw new IspdbException(file, line(), "document ends inside an element");
    }

    boolean is(String name) {
        return reader.getLocalName().equals(name);
    }

    String name() {
        return reader.getLocalName();
    }

    Optional<String> attribute(String name) {
        return Optional.ofNullable(reader.getAttributeValue(null, name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    int line() {
        return IspdbParser.line(reader.getLocation());
    }

    private void refuse(int event) throws IspdbException {
        if (event == XMLStreamConstants.DTD) {
            throw new IspdbException(file, line(), "has a DOCTYPE declaration; ISPDB files need none and it is "
                    + "refused because it could pull in external entities");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new IspdbException(file, line(), "refers to the undeclared entity '&" + reader.getLocalName()
                    + ";'");
        }
    }
}
