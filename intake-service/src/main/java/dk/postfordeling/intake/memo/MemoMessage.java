package dk.postfordeling.intake.memo;

import dk.postfordeling.contracts.RoutingHints;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.mime.MediaType;

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
        String caseId, String kleNumber, List<File> files, String caseSystem) {

    public static final String NAMESPACE = "https://DigitalPost.dk/MeMo-1";

    /** The namespace MeMo 1.2 messages declare for {@code kle:KLEdata} (KLE-online). */
    public static final String KLE_NAMESPACE = "http://kle-online.dk/";

    /**
     * One file of the message.
     *
     * @param main           whether it belongs to {@code MainDocument} (else {@code AdditionalDocument})
     * @param encodingFormat the media type the sender declared
     * @param filename       the sender's file name
     * @param content        decoded bytes, or {@code null} when the base64 content was invalid
     * @param language       the language the sender declared for the file (e.g. {@code da}), or {@code null}
     */
    public record File(boolean main, String encodingFormat, String filename, byte[] content, String language) {
    }

    /** Routing hints from the header: KLE subject key, case id, sender id type, label. */
    public RoutingHints hints() {
        return new RoutingHints(kleNumber, caseId, senderIdType, label, caseSystem);
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

    /**
     * The {@code MessageHeader/messageUUID} of a MeMo message, read as a stream that stops once the
     * header is passed (the documents are never read); empty when absent or not MeMo.
     */
    public static Optional<String> readMessageUuid(java.io.InputStream xml) {
        try {
            javax.xml.stream.XMLStreamReader reader = inputFactory().createXMLStreamReader(xml);
            try {
                int depth = 0;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        boolean memo = NAMESPACE.equals(reader.getNamespaceURI());
                        if (depth == 1 && !(memo && "Message".equals(reader.getLocalName()))
                                || depth == 2 && !(memo && "MessageHeader".equals(reader.getLocalName()))) {
                            return Optional.empty();
                        }
                        if (depth == 3 && memo && "messageUUID".equals(reader.getLocalName())) {
                            return Optional.ofNullable(blankToNull(reader.getElementText().strip()));
                        }
                    } else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
                return Optional.empty();
            } finally {
                reader.close();
            }
        } catch (javax.xml.stream.XMLStreamException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Parses a MeMo message as a stream (the document tree is never built); empty when the XML is
     * malformed or not a MeMo message. Elements are matched by namespace and local name as MeMo 1.1
     * and 1.2 declare them: {@code CaseID} with {@code caseID} and {@code caseSystem}, and
     * {@code KLEdata} in the KLE namespace (a message of an older sender that put it in the MeMo
     * namespace is read too).
     */
    public static Optional<MemoMessage> parse(byte[] xml) {
        try {
            javax.xml.stream.XMLStreamReader reader = inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                return Optional.ofNullable(new StreamParse(reader).read());
            } finally {
                reader.close();
            }
        } catch (javax.xml.stream.XMLStreamException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** One pass over a message: the path of open elements decides what each text belongs to. */
    private static final class StreamParse {

        private final javax.xml.stream.XMLStreamReader reader;
        private final java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
        private String version;
        private String messageUuid;
        private String label;
        private String idType;
        private String caseId;
        private String caseSystem;
        private String kle;
        private boolean headerSeen;
        private boolean bodySeen;
        private final List<File> files = new ArrayList<>();
        private Boolean fileMain;
        private String fileFormat;
        private String fileName;
        private byte[] fileContent;
        private String fileLanguage;

        StreamParse(javax.xml.stream.XMLStreamReader reader) {
            this.reader = reader;
        }

        MemoMessage read() throws javax.xml.stream.XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    if (!start()) {
                        return null;
                    }
                } else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
                    end();
                }
            }
            if (!headerSeen || !bodySeen) {
                return null;
            }
            String kleKey = kle != null && kle.matches("\\d{2}(\\.\\d{2}){0,2}") ? kle : null;
            return new MemoMessage(version, messageUuid, label, idType == null ? null : normaliseIdType(idType),
                    caseId, kleKey, List.copyOf(files), blankToNull(caseSystem));
        }

        /** Handles an opening element; false when the document is not a MeMo message. */
        private boolean start() throws javax.xml.stream.XMLStreamException {
            String ns = reader.getNamespaceURI();
            String name = (NAMESPACE.equals(ns) ? "" : KLE_NAMESPACE.equals(ns) ? "kle:" : "other:") + reader.getLocalName();
            String parent = path.peek();
            if (path.isEmpty()) {
                if (!name.equals("Message")) {
                    return false;
                }
                version = reader.getAttributeValue(null, "memoVersion");
            }
            path.push(name);
            String where = String.join("/", (Iterable<String>) path::descendingIterator);
            switch (where) {
                case "Message/MessageHeader" -> headerSeen = true;
                case "Message/MessageBody" -> bodySeen = true;
                case "Message/MessageHeader/messageUUID" -> messageUuid = text();
                case "Message/MessageHeader/label" -> label = text();
                case "Message/MessageHeader/Sender/idType" -> idType = text();
                case "Message/MessageHeader/ContentData/CaseID/caseID" -> caseId = text();
                case "Message/MessageHeader/ContentData/CaseID/caseSystem" -> caseSystem = text();
                case "Message/MessageHeader/ContentData/kle:KLEdata/kle:subjectKey",
                        "Message/MessageHeader/ContentData/KLEdata/subjectKey" -> kle = text();
                case "Message/MessageBody/MainDocument/File" -> beginFile(true);
                case "Message/MessageBody/AdditionalDocument/File" -> beginFile(false);
                default -> {
                    if (fileMain != null && "File".equals(parent)) {
                        switch (name) {
                            case "encodingFormat" -> fileFormat = text();
                            case "filename" -> fileName = text();
                            case "content" -> fileContent = decode(text());
                            case "language" -> fileLanguage = text();
                            default -> { }
                        }
                    }
                }
            }
            return true;
        }

        /** {@code getElementText} consumed the element's end: the path is popped here for it. */
        private String text() throws javax.xml.stream.XMLStreamException {
            String text = blankToNull(reader.getElementText().strip());
            path.pop();
            return text;
        }

        private void end() {
            String closed = path.pop();
            if ("File".equals(closed) && fileMain != null) {
                files.add(new File(fileMain, fileFormat, fileName, fileContent, fileLanguage));
                fileMain = null;
            }
        }

        private void beginFile(boolean main) {
            fileMain = main;
            fileFormat = null;
            fileName = null;
            fileContent = null;
            fileLanguage = null;
        }

        private static byte[] decode(String encoded) {
            try {
                return encoded == null ? null : Base64.getMimeDecoder().decode(encoded);
            } catch (IllegalArgumentException invalid) {
                return null;
            }
        }
    }

    private static javax.xml.stream.XMLInputFactory inputFactory() {
        javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newFactory();
        factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(javax.xml.stream.XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(javax.xml.stream.XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static String normaliseIdType(String idType) {
        String upper = idType.strip().toUpperCase(Locale.ROOT);
        return upper.equals("CPR") || upper.equals("CVR") ? upper : "OTHER";
    }



    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
