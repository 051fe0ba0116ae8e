package no.webcruiteresa.adapter.fiksarkiv;

/**
 * Our references ("WEBCRUITER 123", "WEBCRUITER WC201-1-1") as Fiks Arkiv external keys: fagsystem plus the
 * posting's case number or the document id. Create and lookup derive the key the same way, so they always agree.
 */
final class ExternalKeys {
    private ExternalKeys() {
    }

    static String noekkel(String fagsystem, String reference) {
        String prefix = fagsystem + " ";
        return reference.startsWith(prefix) ? reference.substring(prefix.length()) : reference;
    }

    static String reference(String fagsystem, String noekkel) {
        return fagsystem + " " + noekkel;
    }
}
