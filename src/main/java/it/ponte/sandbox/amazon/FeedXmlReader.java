package it.ponte.sandbox.amazon;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Parses an uploaded feed with a parser that refuses DTDs and external entities: the XML comes from a client and
 * must not make the sandbox read files or URLs (XXE) or expand entities without end. Structural faults that make
 * the whole feed unreadable are a {@link FatalFeedException}; faults of one message are left to its rule.
 */
final class FeedXmlReader {

    private FeedXmlReader() {
    }

    static FeedEnvelope read(byte[] xml) {
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        if (!"AmazonEnvelope".equals(root.getLocalName() == null ? root.getTagName() : root.getLocalName())) {
            throw new FatalFeedException("The root element must be AmazonEnvelope, not " + root.getTagName() + ".");
        }
        Element header = child(root, "Header").orElseThrow(() -> new FatalFeedException("The AmazonEnvelope has no Header."));
        String merchant = text(header, "MerchantIdentifier")
                .orElseThrow(() -> new FatalFeedException("The Header has no MerchantIdentifier."));
        String messageType = text(root, "MessageType").orElseThrow(() -> new FatalFeedException("The AmazonEnvelope has no MessageType."));
        List<FeedEnvelope.Message> messages = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (Element message : children(root, "Message")) {
            String rawId = text(message, "MessageID").orElseThrow(() -> new FatalFeedException("A Message has no MessageID."));
            int id;
            try {
                id = Integer.parseInt(rawId);
            } catch (NumberFormatException e) {
                throw new FatalFeedException("MessageID '" + rawId + "' is not a number.");
            }
            if (id <= 0 || !ids.add(id)) {
                throw new FatalFeedException("MessageID " + id + " must be positive and unique in the feed.");
            }
            Element body = child(message, messageType).orElseThrow(() -> new FatalFeedException(
                    "Message " + id + " has no " + messageType + " element, as the MessageType requires."));
            messages.add(new FeedEnvelope.Message(id, body));
        }
        if (messages.isEmpty()) {
            throw new FatalFeedException("The feed has no Message.");
        }
        return new FeedEnvelope(merchant, messageType, messages);
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && name.equals(e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The trimmed text of a direct child; empty when the child is missing or blank. */
    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty());
    }

    private static Document parse(byte[] xml) {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (FatalFeedException e) {
            throw e;
        } catch (Exception e) {
            throw new FatalFeedException("The feed is not well-formed XML: " + e.getMessage());
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // Silence the parser's default stderr reporting: the failure is reported in the processing report.
        builder.setErrorHandler(null);
        return builder;
    }
}
