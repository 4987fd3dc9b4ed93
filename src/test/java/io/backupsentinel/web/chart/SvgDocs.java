package io.backupsentinel.web.chart;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Parses chart SVG with the JDK's XML parser and checks what every chart must be: accessible, CSP-safe. */
final class SvgDocs {
    private SvgDocs() {
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** Well-formed, an accessible image with a title and description, no style or script of any kind. */
    static Document check(String svg) {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("viewBox")).matches("0 0 \\d+ \\d+");
        assertThat(root.getAttribute("width")).isEqualTo("100%");
        String id = root.getAttribute("id");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo(id + "-title " + id + "-desc");
        Element first = firstChild(root);
        assertThat(first.getLocalName()).isEqualTo("title");
        assertThat(first.getAttribute("id")).isEqualTo(id + "-title");
        assertThat(first.getTextContent()).isNotBlank();
        assertThat(doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent()).isNotBlank();
        for (Element e : all(doc)) {
            assertThat(e.getLocalName()).as("element").isNotIn("style", "script", "foreignObject", "a", "image");
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                String name = attrs.item(i).getNodeName().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute of <%s>", e.getLocalName()).isNotEqualTo("style").doesNotStartWith("on")
                        .isNotEqualTo("href").isNotEqualTo("xlink:href");
            }
        }
        return doc;
    }

    static List<Element> all(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("*", "*");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static List<Element> byClass(Document doc, String cssClass) {
        return all(doc).stream().filter(e -> List.of(e.getAttribute("class").split(" ")).contains(cssClass)).toList();
    }

    private static Element firstChild(Element e) {
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                return el;
            }
        }
        throw new AssertionError("no child element");
    }
}
