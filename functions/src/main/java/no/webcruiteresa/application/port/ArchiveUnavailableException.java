package no.webcruiteresa.application.port;

/** The archive could not be reached or answered 5xx/429: the request may succeed later. */
public class ArchiveUnavailableException extends RuntimeException {
    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
