package no.webcruiteresa.domain;

/**
 * Skjerming: whether a journalpost and its documents are exempt from public access, under which
 * legal basis (skjermingshjemmel), and whether the applicant's name is screened in the public title.
 */
public record Screening(boolean exempt, String accessCode, String legalBasis, boolean screenApplicantName) {
    public static final Screening NONE = new Screening(false, null, null, false);

    public Screening {
        if (exempt && (isBlank(accessCode) || isBlank(legalBasis))) {
            throw new IllegalArgumentException("an exempt screening needs an access code and a legal basis");
        }
    }

    public static Screening exempt(String accessCode, String legalBasis, boolean screenApplicantName) {
        return new Screening(true, accessCode, legalBasis, screenApplicantName);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
