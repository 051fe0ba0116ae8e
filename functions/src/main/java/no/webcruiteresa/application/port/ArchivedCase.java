package no.webcruiteresa.application.port;

/**
 * A case as the archive knows it.
 *
 * @param systemId the archive's systemID
 * @param caseId   mappeID as the archive assigned it, "year/sequence"
 */
public record ArchivedCase(String systemId, String caseId, String reference) {
}
