package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A small indenting XML writer for the fix kit files. Element names and the prolog are the caller's
 * own; every text and attribute value is cleaned of characters XML forbids and escaped.
 */
final class XmlOut {

    private final StringBuilder b = new StringBuilder(4_096);
    private int depth;

    XmlOut(String doctype) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (doctype != null) {
            b.append(doctype).append('\n');
        }
    }

    /**
     * @param name the element name
     * @param attributes name, value, name, value...
     * @return this
     */
    XmlOut open(String name, String... attributes) {
        indent();
        b.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            b.append(' ').append(attributes[i]).append("=\"").append(value(attributes[i + 1])).append('"');
        }
        b.append(">\n");
        depth++;
        return this;
    }

    XmlOut close(String name) {
        depth--;
        indent();
        b.append("</").append(name).append(">\n");
        return this;
    }

    /**
     * @param name the element name
     * @param text its text, cleaned and escaped here
     * @return this
     */
    XmlOut element(String name, String text) {
        indent();
        b.append('<').append(name).append('>').append(value(text)).append("</").append(name).append(">\n");
        return this;
    }

    /**
     * @param name an empty element's name, e.g. {@code true}
     * @return this
     */
    XmlOut empty(String name) {
        indent();
        b.append('<').append(name).append("/>\n");
        return this;
    }

    private static String value(String s) {
        return Text.markup(Text.line(s, 1_000));
    }

    private void indent() {
        b.append("  ".repeat(depth));
    }

    void writeTo(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(b.toString());
        w.flush();
    }
}
