package no.webcruiteresa.fiksarkiv;

/** A message that does not parse or does not conform to the Fiks Arkiv v1 schema. */
public class InvalidMessageException extends RuntimeException {
    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
