package no.webcruiteresa.adapter.fiksarkiv;

import java.time.Duration;
import java.time.ZoneId;

/**
 * What the Fiks Arkiv door sends besides the registrations themselves.
 *
 * @param fagsystem          our system's name in every referanseEksternNoekkel and in arkivmelding.system
 * @param fileFormat         format code of the sent files (a PRONOM id) and its name
 * @param documentType       dokumenttype code of every dokumentbeskrivelse and its name
 * @param accessCodeName     beskrivelse of the configured tilgangsrestriksjon
 * @param administrativeUnit administrativEnhet of the internal recipient
 * @param zone               the zone of mottattDato/sendtDato (start of the document's day)
 * @param replyTimeout       how long to wait for the archive's final answer before the outcome counts as unknown
 */
public record FiksArkivSettings(String fagsystem, String fileFormat, String fileFormatName, String documentType,
                                String documentTypeName, String accessCodeName, String administrativeUnit,
                                ZoneId zone, Duration replyTimeout) {
}
