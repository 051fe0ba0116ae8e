package no.webcruiteresa.application;

/** The archive holds something other than what the drop declared: never a silent success. */
public class ArchiveMismatchException extends RuntimeException {
    public ArchiveMismatchException(String documentId, String detail) {
        super("document " + documentId + ": " + detail);
    }
}
