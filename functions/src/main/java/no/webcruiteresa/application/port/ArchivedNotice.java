package no.webcruiteresa.application.port;

/**
 * The message between archiveDocument and removeXmlAttachment. Ids and keys only: no personal data.
 *
 * @param xmlKey     the drop's XML in the drop bucket
 * @param documentId WebCruiter's document id
 * @param entryId    the archive's registreringsID, for the log
 */
public record ArchivedNotice(String xmlKey, String documentId, String entryId) {
}
