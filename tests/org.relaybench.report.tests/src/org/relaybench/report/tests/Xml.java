package org.relaybench.report.tests;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses the fix kit files back: strict XML, a DOCTYPE allowed but its DTD never fetched (an attempt
 * fails the test), and an Apple property list turned into maps, lists, strings, integers, booleans.
 */
final class Xml {

    private Xml() {
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setExpandEntityReferences(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setEntityResolver((publicId, systemId) -> {
            throw new AssertionError("the parser tried to fetch " + systemId);
        });
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
                throw e;
            }
        });
        return b.parse(new ByteArrayInputStream(xml));
    }

    /** @return the top-level value of a property list */
    static Object plist(byte[] xml) throws Exception {
        Document d = parse(xml);
        Element root = d.getDocumentElement();
        if (!root.getTagName().equals("plist") || !"1.0".equals(root.getAttribute("version"))) {
            throw new AssertionError("not a plist 1.0: " + root.getTagName());
        }
        if (d.getDoctype() == null || !"-//Apple//DTD PLIST 1.0//EN".equals(d.getDoctype().getPublicId())) {
            throw new AssertionError("no Apple plist DOCTYPE");
        }
        List<Element> values = children(root);
        if (values.size() != 1) {
            throw new AssertionError("a plist holds one value, not " + values.size());
        }
        return value(values.get(0));
    }

    private static Object value(Element e) {
        switch (e.getTagName()) {
        case "dict": {
            Map<String, Object> map = new LinkedHashMap<>();
            List<Element> kids = children(e);
            for (int i = 0; i < kids.size(); i += 2) {
                if (!kids.get(i).getTagName().equals("key") || i + 1 >= kids.size()) {
                    throw new AssertionError("dict entries come as key and value");
                }
                if (map.put(kids.get(i).getTextContent(), value(kids.get(i + 1))) != null) {
                    throw new AssertionError("duplicate key " + kids.get(i).getTextContent());
                }
            }
            return map;
        }
        case "array": {
            List<Object> list = new ArrayList<>();
            children(e).forEach(k -> list.add(value(k)));
            return list;
        }
        case "string":
            return e.getTextContent();
        case "integer":
            return Long.valueOf(e.getTextContent().trim());
        case "true":
            return Boolean.TRUE;
        case "false":
            return Boolean.FALSE;
        default:
            throw new AssertionError("unexpected plist element " + e.getTagName());
        }
    }

    static List<Element> children(Node n) {
        List<Element> list = new ArrayList<>();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                list.add((Element) c);
            } else if (c.getNodeType() == Node.TEXT_NODE && !c.getTextContent().isBlank()
                    && !((Element) n).getTagName().matches("string|key|integer")) {
                throw new AssertionError("stray text in " + ((Element) n).getTagName());
            }
        }
        return list;
    }

    static Element child(Element e, String name) {
        return children(e).stream().filter(c -> c.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + e.getTagName() + ">"));
    }

    static String text(Element e, String name) {
        return child(e, name).getTextContent();
    }
}
