package no.webcruiteresa.domain;

/**
 * A korrespondansepart: name and postal address only, by design. The address is null for the
 * internal case handler.
 */
public record Correspondent(Role role, String name, PostalAddress postalAddress) {
    /** Noark 5 korrespondanseparttype. */
    public enum Role {
        SENDER("EA", "Avsender"),
        RECIPIENT("EM", "Mottaker"),
        INTERNAL_RECIPIENT("IM", "Intern mottaker");

        private final String code;
        private final String codeName;

        Role(String code, String codeName) {
            this.code = code;
            this.codeName = codeName;
        }

        public String code() {
            return code;
        }

        public String codeName() {
            return codeName;
        }
    }

    @Override
    public String toString() {
        return "Correspondent[" + role + "]";
    }
}
