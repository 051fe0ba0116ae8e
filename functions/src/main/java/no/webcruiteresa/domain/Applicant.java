package no.webcruiteresa.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An applicant as WebCruiter exports them. Everything here is personal data: only the name and the
 * postal address may be registered in the archive; toString() is overridden so it never leaks into logs.
 */
public record Applicant(String applicantId, String givenName, String familyName, PostalAddress postalAddress,
                        String email, String phone, LocalDate birthDate, String gender, String nationality,
                        String country, SpecialConsideration specialConsideration) {
    public Applicant {
        Posting.requireText(applicantId, "applicant.applicantId");
        Posting.requireText(givenName, "applicant.givenName");
        Posting.requireText(familyName, "applicant.familyName");
        specialConsideration = Objects.requireNonNullElse(specialConsideration, SpecialConsideration.NONE);
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    @Override
    public String toString() {
        return "Applicant[" + applicantId + "]";
    }
}
