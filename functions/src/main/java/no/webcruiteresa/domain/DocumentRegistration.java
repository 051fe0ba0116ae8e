package no.webcruiteresa.domain;

/**
 * One dokumentbeskrivelse with its single dokumentobjekt (version 1) and file.
 *
 * @param number dokumentnummer within the journalpost, 1 for the main document
 */
public record DocumentRegistration(int number, boolean main, String title, String fileName, String status,
                                   String variantFormat, String mimeType, long size, String sha256) {
}
