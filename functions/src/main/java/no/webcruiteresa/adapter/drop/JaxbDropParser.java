package no.webcruiteresa.adapter.drop;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import no.webcruiteresa.adapter.drop.xml.Document;
import no.webcruiteresa.application.port.DropParser;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.InvalidDropException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Parses a drop's XML with JAXB under the drop schema. Hardened: any DOCTYPE is refused, so no DTD,
 * external entity or entity expansion is ever processed. Errors name the element and the rule but never
 * the offending value, which may be personal data.
 */
public class JaxbDropParser implements DropParser {
    public static final String SCHEMA = "/schema/webcruiter-drop-1.xsd";
    /** Names and values the drop schema itself declares: the only quoted text of a parser message that is kept. */
    private static final Pattern SCHEMA_TERM = Pattern.compile("(?:name|value)=\"([^\"]+)\"");
    private static final Set<String> XSD_TYPES = Set.of("date", "dateTime", "boolean", "positiveInteger", "integer",
            "decimal", "string", "token", "anyURI");
    private static final String NAMESPACE_PREFIX = "\"urn:webcruiter-esa:drop:1\":";
    private static final String DOCTYPE_FEATURE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final int MAX_PROBLEMS = 5;
    private static final String UNREADABLE_VALUE = "value cannot be read as its type (value withheld)";

    private final JAXBContext context;
    private final Schema schema;
    private final SAXParserFactory parsers;
    private final Set<String> schemaTerms;

    public JaxbDropParser() {
        try {
            schemaTerms = schemaTerms();
            context = JAXBContext.newInstance(Document.class);
            SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schema = schemas.newSchema(JaxbDropParser.class.getResource(SCHEMA));
            parsers = SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setXIncludeAware(false);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            parsers.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (JAXBException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot set up the drop XML parser", e);
        }
    }

    @Override
    public DocumentDrop parse(byte[] xml) {
        ElementPath path = new ElementPath(schemaTerms);
        List<InvalidDropException> problems = new ArrayList<>();
        try {
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            path.setParent(reader);
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setSchema(schema);
            // Collect every schema error of the document so the first one can be reported with all its context
            // (an attribute's bad value is followed by an error that names the attribute).
            unmarshaller.setEventHandler(event -> {
                Throwable cause = event.getLinkedException();
                if (cause == null && event.getMessage() != null && event.getMessage().startsWith("cvc-")) {
                    cause = new SAXException(event.getMessage());
                }
                problems.add(invalid(path, cause));
                return problems.size() < MAX_PROBLEMS;
            });
            Document document = unmarshaller.unmarshal(
                    new SAXSource(path, new InputSource(new ByteArrayInputStream(xml))), Document.class).getValue();
            if (!problems.isEmpty()) {
                throw combined(problems);
            }
            return DropMapping.toDomain(document);
        } catch (UnmarshalException e) {
            if (!problems.isEmpty()) {
                // The event handler stopped the parse after collecting enough to report.
                throw combined(problems);
            }
            throw invalid(path, e.getLinkedException() != null ? e.getLinkedException() : e.getCause());
        } catch (JAXBException | SAXException | ParserConfigurationException e) {
            throw invalid(path, e);
        }
    }

    private static InvalidDropException combined(List<InvalidDropException> problems) {
        // Schema errors say what is wrong; JAXB's conversion errors that follow them only echo it.
        problems = problems.stream().sorted(java.util.Comparator.comparing(
                (InvalidDropException p) -> p.rule().startsWith(UNREADABLE_VALUE))).toList();
        String rules = problems.stream().map(InvalidDropException::rule).distinct()
                .collect(java.util.stream.Collectors.joining("; "));
        return new InvalidDropException(problems.get(0).field(), rules);
    }

    private InvalidDropException invalid(ElementPath path, Throwable cause) {
        if (cause instanceof java.io.CharConversionException) {
            return new InvalidDropException(path.current(), "the XML is not valid UTF-8: " + cause.getMessage());
        }
        if (!(cause instanceof SAXException)) {
            // JAXB's own conversion errors quote the raw value, which may be personal data.
            return new InvalidDropException(path.current(), UNREADABLE_VALUE);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : withheld(cause.getMessage());
        String where = cause instanceof SAXParseException spe && spe.getLineNumber() > 0
                ? " (line " + spe.getLineNumber() + ")" : "";
        return new InvalidDropException(path.current(), message + where);
    }

    /**
     * The parser's message with every quoted part withheld unless it is a term of the schema. Quoted parts are values
     * from the document (which may hold an apostrophe: O'Brien) or names a broken document made up, so from the first
     * quote that is not a schema term to the last quote of the message everything is withheld; the schema terms
     * inside that stretch are listed after it.
     */
    String withheld(String message) {
        StringBuilder kept = new StringBuilder();
        int at = 0;
        while (true) {
            int open = firstQuote(message, at);
            if (open < 0) {
                return kept.append(message.substring(at)).toString();
            }
            int close = message.indexOf(message.charAt(open), open + 1);
            if (close > 0 && isSchemaTerm(message.substring(open + 1, close))) {
                kept.append(message, at, close + 1);
                at = close + 1;
                continue;
            }
            int last = Math.max(message.lastIndexOf('\''), message.lastIndexOf('"'));
            List<String> terms = new ArrayList<>();
            for (int i = open; i < last; ) {
                int end = message.indexOf(message.charAt(i), i + 1);
                if (end < 0) {
                    break;
                }
                String token = message.substring(i + 1, end);
                if (isSchemaTerm(token)) {
                    terms.add(token.replace(NAMESPACE_PREFIX, ""));
                }
                i = firstQuote(message, end + 1);
                if (i < 0) {
                    break;
                }
            }
            kept.append(message, at, open).append("(value withheld")
                    .append(terms.isEmpty() ? "" : "; the message names " + String.join(", ", terms)).append(")");
            return kept.append(message.substring(last + 1)).toString();
        }
    }

    private static int firstQuote(String text, int from) {
        int single = text.indexOf('\'', from);
        int dbl = text.indexOf('"', from);
        return single < 0 ? dbl : dbl < 0 ? single : Math.min(single, dbl);
    }

    private boolean isSchemaTerm(String token) {
        if (token.equals(DOCTYPE_FEATURE)) {
            return true;
        }
        String bare = token.replace(NAMESPACE_PREFIX, "").replaceAll("^[\\[{</]+|[\\]}>]+$", "");
        if (bare.isEmpty()) {
            return false;
        }
        for (String part : bare.split(",\\s*")) {
            if (!schemaTerms.contains(part) && !XSD_TYPES.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> schemaTerms() {
        try (var in = JaxbDropParser.class.getResourceAsStream(SCHEMA)) {
            Set<String> terms = new HashSet<>();
            Matcher term = SCHEMA_TERM.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (term.find()) {
                terms.add(term.group(1));
            }
            return Set.copyOf(terms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tracks the element being read, so a schema error can name its field (names the schema does not know withheld). */
    private static final class ElementPath extends XMLFilterImpl {
        private final Deque<String> elements = new ArrayDeque<>();
        private final Set<String> known;
        private String last = "document";

        ElementPath(Set<String> known) {
            this.known = known;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            elements.addLast(known.contains(localName) ? localName : "(undeclared)");
            last = String.join(".", elements);
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            last = String.join(".", elements);
            super.endElement(uri, localName, qName);
            elements.pollLast();
        }

        String current() {
            return last;
        }
    }
}
