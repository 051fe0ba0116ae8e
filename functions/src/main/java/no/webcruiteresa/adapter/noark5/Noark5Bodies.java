package no.webcruiteresa.adapter.noark5;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.Correspondent;
import no.webcruiteresa.domain.DocumentRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.EntryType;
import no.webcruiteresa.domain.PostalAddress;
import no.webcruiteresa.domain.Screening;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps registrations to Noark 5 JSON bodies, every field with the type tjenestegrensesnitt v1.1 gives it. ESA's
 * local values ride in virksomhetsspesifikkeMetadata, sent apart from the create body (servers take them only
 * once their keys are registered).
 */
final class Noark5Bodies {
    private final ObjectMapper json;
    private final Noark5Settings settings;

    Noark5Bodies(ObjectMapper json, Noark5Settings settings) {
        this.json = json;
        this.settings = settings;
    }

    ObjectNode saksmappe(CaseRegistration registration) {
        ObjectNode body = json.createObjectNode()
                .put("tittel", registration.title())
                .put("offentligTittel", registration.publicTitle())
                .put("beskrivelse", registration.reference())
                .put("saksdato", dateTime(registration.caseDate()))
                .put("administrativEnhet", registration.administrativeUnit())
                .put("saksansvarlig", registration.caseHandler());
        body.set("saksstatus", code("saksstatus", registration.caseStatus()));
        body.set("dokumentmedium", code("dokumentmedium", "E"));
        return body;
    }

    /** ESA's case values as flat, namespaced keys (tjenestegrensesnitt: vnd-&lt;vendor&gt;-&lt;version&gt;:&lt;field&gt;). */
    Map<String, String> caseMetadata(CaseRegistration registration) {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("tilleggsinfo", registration.reference());
        custom.put("tilgangsgruppe", registration.accessGroup());
        // The routed unit again: some servers refuse saksmappe.administrativEnhet (the reference server does).
        custom.put("administrativenhet", registration.administrativeUnit());
        custom.put("saksart", registration.caseType());
        return custom;
    }

    Map<String, String> entryMetadata(EntryRegistration entry) {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("journalstatus", entry.localStatus());
        custom.put("dokumentid", entry.documentId());
        custom.put("skjema", entry.form().code());
        return custom;
    }

    ObjectNode journalpost(EntryRegistration entry) {
        ObjectNode body = json.createObjectNode()
                .put("tittel", entry.title())
                .put("offentligTittel", entry.publicTitle())
                .put("beskrivelse", entry.reference())
                .put("dokumentetsDato", dateTime(entry.documentDate()));
        body.set("journalposttype", json.createObjectNode()
                .put("kode", entry.type().code()).put("kodenavn", entry.type().codeName()));
        body.set("journalstatus", code("journalstatus", entry.status()));
        String dateField = entry.type() == EntryType.INCOMING ? "mottattDato" : "sendtDato";
        body.put(dateField, dateTime(entry.documentDate()));
        screening(entry.screening(), entryScreenedMetadata(entry), body);
        return body;
    }

    /** @param postcodeField {@code postnr} as v1.1 names it, or the name a server uses instead */
    ObjectNode korrespondansepartPerson(Correspondent part, String postcodeField) {
        ObjectNode body = json.createObjectNode();
        body.set("korrespondanseparttype", json.createObjectNode()
                .put("kode", part.role().code()).put("kodenavn", part.role().codeName()));
        body.put("navn", part.name());
        PostalAddress address = part.postalAddress();
        if (address != null) {
            ObjectNode postadresse = body.putObject("postadresse");
            for (int i = 0; i < address.streetLines().size(); i++) {
                postadresse.put("adresselinje" + (i + 1), address.streetLines().get(i));
            }
            postadresse.put(postcodeField, address.postalCode()).put("poststed", address.postalTown());
            if (address.country() != null) {
                postadresse.put("landkode", address.country());
            }
        }
        return body;
    }

    ObjectNode korrespondansepartIntern(Correspondent part, String administrativeUnit) {
        ObjectNode body = json.createObjectNode();
        body.set("korrespondanseparttype", json.createObjectNode()
                .put("kode", part.role().code()).put("kodenavn", part.role().codeName()));
        body.put("saksbehandler", part.name()).put("administrativEnhet", administrativeUnit);
        return body;
    }

    /** @param formatNote where the archive lacks the file's format: the real one, for the record */
    ObjectNode dokumentbeskrivelse(EntryRegistration entry, DocumentRegistration document, String formatNote) {
        ObjectNode body = json.createObjectNode()
                .put("tittel", document.title())
                .put("dokumentnummer", document.number())
                .put("eksternReferanse", entry.documentId());
        if (formatNote != null) {
            body.put("beskrivelse", formatNote);
        }
        body.set("dokumenttype", json.createObjectNode()
                .put("kode", settings.documentType()).put("kodenavn", settings.documentTypeName()));
        body.set("dokumentstatus", code("dokumentstatus", document.status()));
        body.set("tilknyttetRegistreringSom", code("tilknyttetRegistreringSom", document.main() ? "H" : "V"));
        screening(entry.screening(), List.of("TD"), body);
        return body;
    }

    /** @param format the format code and name the archive knows for the file */
    ObjectNode dokumentobjekt(DocumentRegistration document, String[] format) {
        ObjectNode body = json.createObjectNode()
                .put("versjonsnummer", 1)
                .put("filnavn", document.fileName())
                .put("mimeType", document.mimeType());
        body.set("variantformat", code("variantformat", document.variantFormat()));
        body.set("format", json.createObjectNode().put("kode", format[0]).put("kodenavn", format[1]));
        return body;
    }

    /**
     * Which metadata of an exempt entry are screened: the external correspondents' names (the applicant's
     * identity, offentleglova § 25) and, when names are screened in it, the words of the public title.
     */
    static List<String> entryScreenedMetadata(EntryRegistration entry) {
        List<String> screened = new ArrayList<>();
        if (entry.screening().screenApplicantName()) {
            screened.add("TRO");
        }
        for (Correspondent part : entry.correspondents()) {
            String code = switch (part.role()) {
                case SENDER -> "NA";
                case RECIPIENT -> "NM";
                case INTERNAL_RECIPIENT -> null;
            };
            if (code != null && !screened.contains(code)) {
                screened.add(code);
            }
        }
        if (screened.isEmpty()) {
            screened.add("TRO");
        }
        return screened;
    }

    private void screening(Screening screening, List<String> screenedMetadata, ObjectNode body) {
        if (!screening.exempt()) {
            return;
        }
        ObjectNode skjerming = body.putObject("skjerming");
        skjerming.set("tilgangsrestriksjon", json.createObjectNode()
                .put("kode", screening.accessCode()).put("kodenavn", settings.accessCodeName()));
        skjerming.put("skjermingshjemmel", screening.legalBasis());
        ArrayNode metadata = skjerming.putArray("skjermingMetadata");
        screenedMetadata.forEach(code -> metadata.add(code("skjermingMetadata", code)));
        skjerming.set("skjermingDokument", code("skjermingDokument", "H"));
    }

    /** Noark 5 datetime: the start of the day in the configured zone, with its offset. */
    private String dateTime(LocalDate date) {
        return date.atStartOfDay(settings.compatibility().zone()).toOffsetDateTime().toString();
    }

    ObjectNode caseStatus(String status) {
        return code("saksstatus", status);
    }

    private ObjectNode code(String list, String code) {
        return json.createObjectNode().put("kode", code).put("kodenavn", Noark5Codes.name(list, code));
    }
}
