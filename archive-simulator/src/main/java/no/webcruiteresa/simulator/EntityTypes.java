package no.webcruiteresa.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which Noark 5 objects the simulator knows, where they live, what they may contain and what they hold. */
enum EntityTypes {
    ARKIV("arkivstruktur", "arkiv", Set.of("tittel", "beskrivelse"), Set.of("tittel"), Map.of(), List.of("arkivdel")),
    ARKIVDEL("arkivstruktur", "arkivdel", Set.of("tittel", "beskrivelse", "arkivdelstatus"), Set.of("tittel"),
            Map.of("arkivdelstatus", "arkivdelstatus"),
            List.of("klassifikasjonssystem", "saksmappe")),
    KLASSIFIKASJONSSYSTEM("arkivstruktur", "klassifikasjonssystem", Set.of("tittel"), Set.of("tittel"), Map.of(),
            List.of("klasse")),
    KLASSE("arkivstruktur", "klasse", Set.of("klasseID", "tittel"), Set.of("klasseID", "tittel"), Map.of(),
            List.of("saksmappe")),
    SAKSMAPPE("sakarkiv", "saksmappe",
            Set.of("tittel", "offentligTittel", "beskrivelse", "saksdato", "administrativEnhet", "saksansvarlig",
                    "saksstatus", "dokumentmedium", "skjerming", "virksomhetsspesifikkeMetadata", "noekkelord"),
            Set.of("tittel"),
            Map.of("saksstatus", "saksstatus", "dokumentmedium", "dokumentmedium"),
            List.of("journalpost")),
    JOURNALPOST("sakarkiv", "journalpost",
            Set.of("tittel", "offentligTittel", "beskrivelse", "journalposttype", "journalstatus", "dokumentetsDato",
                    "mottattDato", "sendtDato", "skjerming", "virksomhetsspesifikkeMetadata"),
            Set.of("tittel", "journalposttype", "journalstatus"),
            Map.of("journalposttype", "journalposttype", "journalstatus", "journalstatus"),
            List.of("dokumentbeskrivelse", "korrespondansepartperson", "korrespondansepartintern", "kassasjon")),
    // The disposal decision on a registration (Noark 5 kassasjon): B keeps it for good.
    KASSASJON("arkivstruktur", "kassasjon",
            Set.of("kassasjonsvedtak", "kassasjonshjemmel", "bevaringstid", "kassasjonsdato"),
            Set.of("kassasjonsvedtak"), Map.of("kassasjonsvedtak", "kassasjonsvedtak"), List.of()),
    KORRESPONDANSEPARTPERSON("arkivstruktur", "korrespondansepartperson",
            Set.of("korrespondanseparttype", "navn", "postadresse", "kontaktinformasjon", "virksomhetsspesifikkeMetadata"),
            Set.of("korrespondanseparttype", "navn"),
            Map.of("korrespondanseparttype", "korrespondanseparttype"), List.of()),
    KORRESPONDANSEPARTINTERN("arkivstruktur", "korrespondansepartintern",
            Set.of("korrespondanseparttype", "saksbehandler", "administrativEnhet", "virksomhetsspesifikkeMetadata"),
            Set.of("korrespondanseparttype"),
            Map.of("korrespondanseparttype", "korrespondanseparttype"), List.of()),
    DOKUMENTBESKRIVELSE("arkivstruktur", "dokumentbeskrivelse",
            Set.of("tittel", "beskrivelse", "dokumenttype", "dokumentstatus", "tilknyttetRegistreringSom",
                    "dokumentnummer", "eksternReferanse", "skjerming", "virksomhetsspesifikkeMetadata"),
            Set.of("tittel", "dokumenttype", "dokumentstatus", "tilknyttetRegistreringSom"),
            Map.of("dokumenttype", "dokumenttype", "dokumentstatus", "dokumentstatus",
                    "tilknyttetRegistreringSom", "tilknyttetRegistreringSom"),
            List.of("dokumentobjekt")),
    DOKUMENTOBJEKT("arkivstruktur", "dokumentobjekt",
            Set.of("versjonsnummer", "variantformat", "format", "filnavn", "mimeType"),
            Set.of("versjonsnummer", "variantformat", "format"),
            Map.of("variantformat", "variantformat"), List.of());

    static final Set<String> SKJERMING_FIELDS = Set.of("tilgangsrestriksjon", "skjermingshjemmel",
            "skjermingMetadata", "skjermingDokument", "skjermingsvarighet", "skjermingOpphoererDato");
    static final Set<String> POSTADRESSE_FIELDS = Set.of("adresselinje1", "adresselinje2", "adresselinje3",
            "postnr", "poststed", "landkode");

    final String module;
    final String name;
    final Set<String> allowed;
    final Set<String> required;
    final Map<String, String> codeFields;
    final List<String> children;

    EntityTypes(String module, String name, Set<String> allowed, Set<String> required, Map<String, String> codeFields,
                List<String> children) {
        this.module = module;
        this.name = name;
        this.allowed = allowed;
        this.required = required;
        this.codeFields = codeFields;
        this.children = children;
    }

    String rel() {
        return "https://rel.arkivverket.no/noark5/v5/api/" + module + "/" + name + "/";
    }

    String newRel() {
        return "https://rel.arkivverket.no/noark5/v5/api/" + module + "/ny-" + name + "/";
    }

    static EntityTypes byName(String name) {
        for (EntityTypes type : values()) {
            if (type.name.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
