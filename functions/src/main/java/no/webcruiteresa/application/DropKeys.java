package no.webcruiteresa.application;

import java.util.Optional;
import no.webcruiteresa.domain.DocumentDrop;

/**
 * The drop bucket's key layout: {@code <posting case number>/<document id>/<document id>.xml}, with the
 * document's PDFs in the same folder.
 */
public final class DropKeys {
    public static final String XML_SUFFIX = ".xml";

    private DropKeys() {
    }

    public static String xmlKey(String postingCaseNumber, String documentId) {
        return folder(postingCaseNumber, documentId) + documentId + XML_SUFFIX;
    }

    public static String folder(String postingCaseNumber, String documentId) {
        return postingCaseNumber + "/" + documentId + "/";
    }

    /** The XML key of the drop whose folder holds this file, when the key has the drop layout. */
    public static Optional<String> xmlKeyBeside(String fileKey) {
        String[] parts = fileKey.split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(xmlKey(parts[0], parts[1]));
    }

    public static String fileKey(String xmlKey, String fileName) {
        return xmlKey.substring(0, xmlKey.lastIndexOf('/') + 1) + fileName;
    }

    /** A drop must sit where its own XML says it belongs, so keys and archive references agree. */
    public static void requireInPlace(String xmlKey, DocumentDrop drop) {
        String expected = xmlKey(drop.posting().caseNumber(), drop.documentId());
        if (!expected.equals(xmlKey)) {
            throw new DropRejectedException(xmlKey, "documentId",
                    "the XML must be stored as " + expected + " (posting case number/document id)");
        }
    }
}
