package no.webcruiteresa.application;

/** A drop whose XML names a file that has not arrived (yet): worth retrying later. */
public class DropIncompleteException extends RuntimeException {
    public DropIncompleteException(String key, String detail) {
        super(key + ": " + detail);
    }
}
