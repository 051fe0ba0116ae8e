package no.webcruiteresa.simulator;

import java.util.Map;

/**
 * The simulator's own copy of the Noark 5 code lists it checks, written from the standard independently
 * of the client's table so that a misreading in one is caught by the other.
 */
final class CodeLists {
    static final Map<String, Map<String, String>> LISTS = Map.ofEntries(
            Map.entry("journalposttype", Map.of(
                    "I", "Inngående dokument", "U", "Utgående dokument",
                    "N", "Organinternt dokument for oppfølging", "X", "Organinternt dokument uten oppfølging",
                    "S", "Saksframlegg")),
            Map.entry("journalstatus", Map.of(
                    "J", "Journalført", "F", "Ferdigstilt fra saksbehandler", "E", "Ekspedert", "A", "Arkivert",
                    "S", "Midlertidig registrering av innkommet dokument", "R", "Reservert dokument",
                    "U", "Utgår", "G", "Godkjent av leder")),
            Map.entry("saksstatus", Map.of(
                    "B", "Under behandling", "A", "Avsluttet", "U", "Utgår", "R", "Opprettet av saksbehandler",
                    "S", "Avsluttet av saksbehandler", "P", "Unntatt prosesstyring", "F", "Ferdig fra saksbehandler")),
            Map.entry("dokumentstatus", Map.of(
                    "B", "Dokumentet er under redigering", "F", "Dokumentet er ferdigstilt")),
            Map.entry("variantformat", Map.of(
                    "P", "Produksjonsformat", "A", "Arkivformat", "O", "Dokument hvor deler av innholdet er skjermet")),
            Map.entry("tilknyttetRegistreringSom", Map.of("H", "Hoveddokument", "V", "Vedlegg")),
            Map.entry("korrespondanseparttype", Map.of(
                    "EA", "Avsender", "EM", "Mottaker", "EK", "Kopimottaker", "GM", "Gruppemottaker",
                    "IA", "Intern avsender", "IM", "Intern mottaker", "IK", "Intern kopimottaker")),
            Map.entry("dokumentmedium", Map.of(
                    "E", "Elektronisk arkiv", "F", "Fysisk arkiv", "B", "Blandet fysisk og elektronisk arkiv")),
            Map.entry("tilgangsrestriksjon", Map.of("P", "Personalsaker")),
            Map.entry("arkivdelstatus", Map.of("A", "Aktiv periode", "O", "Overlappingsperiode",
                    "P", "Avsluttet periode", "U", "Uaktuelle mapper")),
            Map.entry("skjermingMetadata", Map.ofEntries(
                    Map.entry("KID", "Skjerming klasseID"), Map.entry("TKL", "Skjerming tittel klasse"),
                    Map.entry("TM1", "Skjerming tittel mappe - unntatt første linje"),
                    Map.entry("TMO", "Skjerming tittel mappe - utvalgte ord"),
                    Map.entry("NPS", "Skjerming navn part i sak"),
                    Map.entry("TR1", "Skjerming tittel registrering - unntatt første linje"),
                    Map.entry("TRO", "Skjerming tittel registrering - utvalgte ord"),
                    Map.entry("NA", "Skjerming navn avsender"), Map.entry("NM", "Skjerming navn mottaker"),
                    Map.entry("TD", "Skjerming tittel dokumentbeskrivelse"), Map.entry("MT", "Skjerming merknadstekst"),
                    Map.entry("M", "Midlertidig skjerming"))),
            Map.entry("skjermingDokument", Map.of(
                    "H", "Skjerming av hele dokumentet", "D", "Skjerming av deler av dokumentet")),
            Map.entry("kassasjonsvedtak", Map.of("B", "Bevares", "K", "Kasseres", "G", "Gjennomgås senere")),
            Map.entry("dokumenttype", Map.of(
                    "B", "Brev", "R", "Rundskriv", "F", "Faktura", "O", "Ordrebekreftelse")));

    private CodeLists() {
    }

    /** null when the pair is valid, otherwise why not. */
    static String check(String list, String code, String name) {
        Map<String, String> codes = LISTS.get(list);
        if (codes == null) {
            return null;
        }
        String expected = codes.get(code);
        if (expected == null) {
            return list + ": unknown kode '" + code + "'";
        }
        if (!expected.equals(name)) {
            return list + ": kodenavn for kode '" + code + "' must be '" + expected + "', was '" + name + "'";
        }
        return null;
    }
}
