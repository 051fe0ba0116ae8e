package no.webcruiteresa.fiksarkiv;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Writes and reads Fiks Arkiv v1 payloads with the bindings generated from the official schemas, validating both
 * ways against those schemas. Reading is hardened: no DTD, no external entities, schemas only from this jar.
 */
public final class FiksArkivXml {
    static final String SCHEMA_DIR = "/fiks-arkiv/v1/";
    private static final String BINDINGS = "io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.";
    /** The message schemas the door uses (ten of the v1 set); they import the shared ones (metadatakatalog, arkivstruktur ...). */
    private static final List<String> MESSAGE_SCHEMAS = List.of(
            "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd",
            "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd",
            "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.oppdater.xsd",
            "no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel.xsd",
            "no.ks.fiks.arkiv.v1.feilmelding.ikkefunnet.xsd",
            "no.ks.fiks.arkiv.v1.feilmelding.serverfeil.xsd",
            "no.ks.fiks.arkiv.v1.innsyn.mappe.hent.xsd",
            "no.ks.fiks.arkiv.v1.innsyn.mappe.hent.resultat.xsd",
            "no.ks.fiks.arkiv.v1.innsyn.registrering.hent.xsd",
            "no.ks.fiks.arkiv.v1.innsyn.registrering.hent.resultat.xsd");

    private static final FiksArkivXml INSTANCE = new FiksArkivXml();

    private final Schema schema;
    private final JAXBContext context;
    private final SAXParserFactory parsers;

    private FiksArkivXml() {
        try {
            SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schemas.setResourceResolver(new BundledSchemas());
            Source[] sources = MESSAGE_SCHEMAS.stream().map(FiksArkivXml::bundled).toArray(Source[]::new);
            schema = schemas.newSchema(sources);
            context = JAXBContext.newInstance(String.join(":",
                    BINDINGS + "arkivmelding.opprett.v1",
                    BINDINGS + "arkivmelding.opprett.kvittering.v1",
                    BINDINGS + "arkivmelding.oppdater.v1",
                    BINDINGS + "feil.ugyldigforespoersel.v1",
                    BINDINGS + "feil.ikkefunnet.v1",
                    BINDINGS + "feil.serverfeil.v1",
                    BINDINGS + "mappe.hent.v1",
                    BINDINGS + "mappe.hent.resultat.v1",
                    BINDINGS + "registrering.hent.v1",
                    BINDINGS + "registrering.hent.resultat.v1"), FiksArkivXml.class.getClassLoader());
            parsers = SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            parsers.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            parsers.setXIncludeAware(false);
        } catch (SAXException | JAXBException | ParserConfigurationException e) {
            throw new IllegalStateException("Fiks Arkiv v1 schemas or bindings do not load", e);
        }
    }

    public static FiksArkivXml instance() {
        return INSTANCE;
    }

    /** The schemas, for anyone validating a payload they did not build with these bindings. */
    public Schema schema() {
        return schema;
    }

    /** Serialises a root element (from a generated ObjectFactory), refusing anything the schema refuses. */
    public byte[] write(JAXBElement<?> root) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(root, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new InvalidMessageException("message does not conform to the Fiks Arkiv v1 schema: "
                    + rootCause(e), e);
        }
    }

    /** Parses and validates a payload whose root element is of the given type. */
    public <T> T read(byte[] xml, Class<T> type) {
        Object value = readRoot(xml).getValue();
        if (!type.isInstance(value)) {
            throw new InvalidMessageException("expected " + type.getSimpleName() + ", got "
                    + value.getClass().getSimpleName(), null);
        }
        return type.cast(value);
    }

    /** Parses and validates a payload, keeping its root element's name (the error messages share one type). */
    public JAXBElement<?> readRoot(byte[] xml) {
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setSchema(schema);
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            Object parsed = unmarshaller.unmarshal(new SAXSource(reader, new InputSource(new ByteArrayInputStream(xml))));
            if (parsed instanceof JAXBElement<?> element) {
                return element;
            }
            throw new InvalidMessageException("unexpected root " + parsed.getClass().getSimpleName(), null);
        } catch (JAXBException | SAXException | ParserConfigurationException e) {
            throw new InvalidMessageException("payload does not parse against the Fiks Arkiv v1 schema: "
                    + rootCause(e), e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        Throwable linked = e instanceof JAXBException jaxb && jaxb.getLinkedException() != null
                ? jaxb.getLinkedException() : cause;
        return String.valueOf(linked.getMessage());
    }

    private static StreamSource bundled(String name) {
        InputStream in = FiksArkivXml.class.getResourceAsStream(SCHEMA_DIR + name);
        if (in == null) {
            throw new IllegalStateException("schema missing from the jar: " + name);
        }
        return new StreamSource(in, "classpath:" + SCHEMA_DIR + name);
    }

    /** Resolves the schemas' relative imports ("./metadatakatalog.xsd") to the copies in this jar, nothing else. */
    private static final class BundledSchemas implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null) {
                return null;
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            InputStream in = FiksArkivXml.class.getResourceAsStream(SCHEMA_DIR + name);
            if (in == null) {
                throw new IllegalStateException("schema import outside the bundled set: " + name);
            }
            return new BundledInput(publicId, "classpath:" + SCHEMA_DIR + name, in);
        }
    }

    private record BundledInput(String publicId, String systemId, InputStream byteStream) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader characterStream) { }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream stream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String id) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String id) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
