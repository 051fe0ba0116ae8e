package no.webcruiteresa.application;

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
