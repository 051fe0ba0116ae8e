package no.webcruiteresa.application.port;

/**
 * A write whose answer never came (a timeout, a broken connection, a 500): the archive may have acted on it, now or
 * later. Whoever holds a creation lock keeps it until it goes stale, so no second delivery creates a twin before the
 * write has landed.
 */
public class ArchiveOutcomeUnknownException extends ArchiveUnavailableException {
    public ArchiveOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
