package no.webcruiteresa.domain;

import java.time.LocalDate;

/** What to register for a new hiring case (saksmappe). Postings are public, so the case is not screened. */
public record CaseRegistration(String postingCaseNumber, String reference, String title, String publicTitle,
                               LocalDate caseDate, String administrativeUnit, String caseHandler,
                               String accessGroup, String caseType, String caseStatus, String archivePart,
                               String classificationCode) {
}
