package no.webcruiteresa.domain;

import java.util.Objects;

/**
 * Where and how personnel files (personalmapper) are registered. Every value comes from configuration.
 *
 * @param archivePart        arkivdel of personnel files (PERSONAL)
 * @param classificationCode klasseID of new personnel files (400, "Personal")
 * @param administrativeUnit org. enhet responsible for personnel files
 * @param caseHandler        saksbehandler of personnel files, the internal recipient of the copies
 * @param caseStatus         saksstatus of a new personnel file (B, under behandling: it grows with the employment)
 * @param accessCode         tilgangsrestriksjon of the file and its entries (P, personalsaker)
 * @param legalBasis         skjermingshjemmel of the file and its entries (offentleglova § 25 and § 13)
 * @param fileTitle          the file's title before the employee id ("Personalmappe")
 * @param applicationTitle   title of the copied application ("Søknad med CV")
 * @param attachmentsTitle   title of copied references and diplomas ("Attester og vitnemål")
 * @param keepDecision       kassasjonsvedtak set on the hired person's application in the hiring case (B, bevares)
 * @param keepLegalBasis     kassasjonshjemmel written with it
 */
public record PersonnelFileSettings(String archivePart, String classificationCode, String administrativeUnit,
                                    String caseHandler, String caseStatus, String accessCode, String legalBasis,
                                    String fileTitle, String applicationTitle, String attachmentsTitle,
                                    String keepDecision, String keepLegalBasis) {
    public PersonnelFileSettings {
        Objects.requireNonNull(archivePart, "archivePart");
        Objects.requireNonNull(classificationCode, "classificationCode");
        Objects.requireNonNull(administrativeUnit, "administrativeUnit");
        Objects.requireNonNull(caseHandler, "caseHandler");
        Objects.requireNonNull(caseStatus, "caseStatus");
        Objects.requireNonNull(accessCode, "accessCode");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(fileTitle, "fileTitle");
        Objects.requireNonNull(applicationTitle, "applicationTitle");
        Objects.requireNonNull(attachmentsTitle, "attachmentsTitle");
        Objects.requireNonNull(keepDecision, "keepDecision");
        Objects.requireNonNull(keepLegalBasis, "keepLegalBasis");
    }

    public Screening screening() {
        return Screening.exempt(accessCode, legalBasis, false);
    }
}
