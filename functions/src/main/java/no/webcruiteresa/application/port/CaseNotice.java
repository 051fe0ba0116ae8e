package no.webcruiteresa.application.port;

/**
 * Tells the responsible unit that a hiring case was created for it. Ids and public titles only: a posting's title
 * is public (offentleglova), and nothing about an applicant is known when the case is made.
 *
 * @param postingCaseNumber  WebCruiter's case number
 * @param caseSystemId       the archive's systemID of the saksmappe
 * @param caseId             the archive's mappeID ("year/sequence")
 * @param administrativeUnit the administrativEnhet the case was registered in
 * @param publicTitle        the case's offentligTittel
 * @param routed             false when no routing rule matched and the case went to the holding unit
 */
public record CaseNotice(String postingCaseNumber, String caseSystemId, String caseId, String administrativeUnit,
                         String publicTitle, boolean routed) {
}
