package dk.postfordeling.intake.memo;

import dk.postfordeling.contracts.RoutingHints;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.tika.mime.MediaType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A Digital Post message in the MeMo format (namespace {@code https://DigitalPost.dk/MeMo-1},
 * versions 1.1 and 1.2), as received through SF1606 "Modtag post": the header (message id, label,
 * sender's id type, optional {@code ContentData} with {@code CaseID} and {@code KLEdata/subjectKey})
 * and the files of {@code MainDocument} and {@code AdditionalDocument}, base64-decoded.
 *
 * <p>The XML parser refuses document type declarations, so external entities cannot be used to
 * read files or reach the network.
 */
public record MemoMessage(String memoVersion, String messageUuid, String label, String senderIdType,
        String caseId, String kleNumber, List<File> files) {

    public static final String NAMESPACE = "https://DigitalPost.dk/MeMo-1";

    /**
     * One file of the message.
     *
     * @param main           whether it belongs to {@code MainDocument} (else {@code AdditionalDocument})
     * @param encodingFormat the media type the sender declared
     * @param filename       the sender's file name
     * @param content        decoded bytes, or {@code null} when the base64 content was invalid
     */
    public record File(boolean main, String encodingFormat, String filename, byte[] content) {
    }

    /** Routing hints from the header: KLE subject key, case id, sender id type, label. */
    public RoutingHints hints() {
        return new RoutingHints(kleNumber, caseId, senderIdType, label);
    }

    /** Cheap check before parsing: XML whose text names the MeMo namespace. */
    public static boolean looksLikeMemo(MediaType type, byte[] content) {
        String subtype = type.getSubtype();
        if (!type.getType().equals("application") && !type.getType().equals("text") || !subtype.contains("xml")) {
            return false;
        }
        int probe = Math.min(content.length, 4096);
        return new String(content, 0, probe, StandardCharsets.UTF_8).contains(NAMESPACE);
    }

    /** Parses a MeMo message; empty when the XML is malformed or not a MeMo message. */
    public static Optional<MemoMessage> parse(byte[] xml) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception malformed) {
            return Optional.empty();
        }
        Element root = document.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"Message".equals(root.getLocalName())) {
            return Optional.empty();
        }
        Element header = child(root, "MessageHeader");
        Element body = child(root, "MessageBody");
        if (header == null || body == null) {
            return Optional.empty();
        }
        Element sender = child(header, "Sender");
        Element contentData = child(header, "ContentData");
        String caseId = null;
        String kle = null;
        if (contentData != null) {
            Element caseElement = child(contentData, "CaseID");
            if (caseElement != null) {
                caseId = text(child(caseElement, "CaseID")) != null ? text(child(caseElement, "CaseID")) : text(caseElement);
            }
            kle = text(child(child(contentData, "KLEdata"), "subjectKey"));
            if (kle != null && !kle.matches("\\d{2}(\\.\\d{2}){0,2}")) {
                kle = null;
            }
        }
        List<File> files = new ArrayList<>();
        collectFiles(child(body, "MainDocument"), true, files);
        NodeList additional = body.getElementsByTagNameNS(NAMESPACE, "AdditionalDocument");
        for (int i = 0; i < additional.getLength(); i++) {
            collectFiles((Element) additional.item(i), false, files);
        }
        String idType = text(child(sender, "idType"));
        return Optional.of(new MemoMessage(root.getAttribute("memoVersion"), text(child(header, "messageUUID")),
                text(child(header, "label")), idType == null ? null : normaliseIdType(idType), blankToNull(caseId),
                blankToNull(kle), List.copyOf(files)));
    }

    private static void collectFiles(Element document, boolean main, List<File> files) {
        if (document == null) {
            return;
        }
        NodeList list = document.getElementsByTagNameNS(NAMESPACE, "File");
        for (int i = 0; i < list.getLength(); i++) {
            Element file = (Element) list.item(i);
            byte[] content;
            try {
                String encoded = text(child(file, "content"));
                content = encoded == null ? null : Base64.getMimeDecoder().decode(encoded);
            } catch (IllegalArgumentException invalid) {
                content = null;
            }
            files.add(new File(main, text(child(file, "encodingFormat")), text(child(file, "filename")), content));
        }
    }

    private static String normaliseIdType(String idType) {
        String upper = idType.strip().toUpperCase(Locale.ROOT);
        return upper.equals("CPR") || upper.equals("CVR") ? upper : "OTHER";
    }

    private static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && NAMESPACE.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? null : blankToNull(element.getTextContent().strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
