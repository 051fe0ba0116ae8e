package no.webcruiteresa.application;

/** The creation locks' names, shared by the use cases that take them and the one that clears them when done. */
final class LockNames {
    private LockNames() {
    }

    static String forCase(String postingCaseNumber) {
        return "case/" + postingCaseNumber;
    }

    static String forEntry(String documentId) {
        return "entry/" + documentId;
    }
}
