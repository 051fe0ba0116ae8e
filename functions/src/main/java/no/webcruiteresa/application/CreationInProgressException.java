package no.webcruiteresa.application;

/** Another worker is creating the same archive object right now: retry later and find what it made. */
public class CreationInProgressException extends RuntimeException {
    public CreationInProgressException(String what) {
        super(what + " is being created by another worker");
    }
}
