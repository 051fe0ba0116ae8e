package no.webcruiteresa.domain;

/** Noark 5 journalposttype, the direction of a journalpost. */
public enum EntryType {
    INCOMING("I", "Inngående dokument"),
    OUTGOING("U", "Utgående dokument");

    private final String code;
    private final String codeName;

    EntryType(String code, String codeName) {
        this.code = code;
        this.codeName = codeName;
    }

    public String code() {
        return code;
    }

    public String codeName() {
        return codeName;
    }

    public static EntryType fromCode(String code) {
        for (EntryType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("journalposttype must be I or U, was '" + code + "'");
    }
}
