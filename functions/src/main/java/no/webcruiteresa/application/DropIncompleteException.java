package no.webcruiteresa.application;

/** A drop whose XML names a file that has not arrived (yet): worth retrying later. */
public class DropIncompleteException extends RuntimeException {
    private final String detail;

    public DropIncompleteException(String key, String detail) {
        super(LogText.key(key) + ": " + detail);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
