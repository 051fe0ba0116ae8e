package no.webcruiteresa.adapter.noark5;

import java.util.Map;

/**
 * Code names (kodenavn) of the Noark 5 code values the client sends. Servers reject a kodenavn that does
 * not match their code list, so each code travels with its exact name.
 */
final class Noark5Codes {
    private static final Map<String, Map<String, String>> NAMES = Map.of(
            "journalstatus", Map.of("J", "Journalført", "F", "Ferdigstilt fra saksbehandler",
                    "E", "Ekspedert", "A", "Arkivert", "S", "Midlertidig registrering av innkommet dokument"),
            "saksstatus", Map.of("B", "Under behandling", "R", "Opprettet av saksbehandler",
                    "A", "Avsluttet", "S", "Avsluttet av saksbehandler", "F", "Ferdig fra saksbehandler"),
            "dokumentstatus", Map.of("F", "Dokumentet er ferdigstilt", "B", "Dokumentet er under redigering"),
            "variantformat", Map.of("P", "Produksjonsformat", "A", "Arkivformat"),
            "tilknyttetRegistreringSom", Map.of("H", "Hoveddokument", "V", "Vedlegg"),
            "dokumentmedium", Map.of("E", "Elektronisk arkiv"),
            "skjermingDokument", Map.of("H", "Skjerming av hele dokumentet"),
            "skjermingMetadata", Map.of("TRO", "Skjerming tittel registrering - utvalgte ord",
                    "NA", "Skjerming navn avsender", "NM", "Skjerming navn mottaker",
                    "TD", "Skjerming tittel dokumentbeskrivelse"));

    private Noark5Codes() {
    }

    static String name(String list, String code) {
        String name = NAMES.getOrDefault(list, Map.of()).get(code);
        if (name == null) {
            throw new IllegalArgumentException("no Noark 5 " + list + " code '" + code + "' known to the client");
        }
        return name;
    }
}
