package no.webcruiteresa.application.port;

/** The archive refused a request (4xx): repeating it unchanged will not help. Carries the server's message. */
public class ArchiveRejectedException extends RuntimeException {
    private final int status;

    public ArchiveRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
