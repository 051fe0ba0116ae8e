package no.webcruiteresa.application;

import java.util.Optional;
import no.webcruiteresa.application.port.DropParser;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.InvalidDropException;

/** Reads and validates a drop's XML, naming the key in every rejection. */
public class DropReader {
    private final DropStore store;
    private final DropParser parser;
    private final long maxXmlBytes;

    public DropReader(DropStore store, DropParser parser, long maxXmlBytes) {
        this.store = store;
        this.parser = parser;
        this.maxXmlBytes = maxXmlBytes;
    }

    /** The drop, or empty when its XML is no longer in the drop area; refused unless it sits where it says. */
    public Optional<DocumentDrop> read(String xmlKey) {
        Optional<DocumentDrop> drop = parse(xmlKey);
        drop.ifPresent(d -> DropKeys.requireInPlace(xmlKey, d));
        return drop;
    }

    /**
     * The drop wherever it sits, or empty when its XML is gone: a misplaced drop still names its files, so that
     * exactly those can be quarantined with it.
     */
    public Optional<DocumentDrop> parse(String xmlKey) {
        if (!xmlKey.endsWith(DropKeys.XML_SUFFIX)) {
            throw new DropRejectedException(xmlKey, "key", "a drop is triggered by its .xml object only");
        }
        Optional<byte[]> xml;
        try {
            xml = store.read(xmlKey, maxXmlBytes);
        } catch (InvalidDropException e) {
            throw new DropRejectedException(xmlKey, e);
        }
        if (xml.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(xml.get()));
        } catch (InvalidDropException e) {
            throw new DropRejectedException(xmlKey, e);
        }
    }
}
