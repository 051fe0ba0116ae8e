package no.webcruiteresa.domain;

import java.time.LocalDate;

/**
 * What to register for a new personnel file: a saksmappe in the personnel arkivdel, screened whole. Its titles
 * carry the employee id only, never a name.
 *
 * @param reference the file's reference ("WEBCRUITER PERSONALMAPPE 10042"), by which a repeat finds it
 */
public record PersonnelFileRegistration(String employeeId, String reference, String title, String publicTitle,
                                        LocalDate caseDate, String administrativeUnit, String caseHandler,
                                        String caseStatus, String archivePart, String classificationCode,
                                        Screening screening) {
}
