package no.webcruiteresa.adapter.noark5;

import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.Correspondent;
import no.webcruiteresa.domain.DocumentRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.EntryType;
import no.webcruiteresa.domain.PostalAddress;
import no.webcruiteresa.domain.Screening;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Maps registrations to Noark 5 JSON bodies. ESA's local values ride in virksomhetsspesifikkeMetadata. */
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
                .put("saksdato", registration.caseDate().toString())
                .put("administrativEnhet", registration.administrativeUnit())
                .put("saksansvarlig", registration.caseHandler());
        body.set("saksstatus", code("saksstatus", registration.caseStatus()));
        body.set("dokumentmedium", code("dokumentmedium", "E"));
        ObjectNode esa = body.putObject("virksomhetsspesifikkeMetadata").putObject("esa");
        esa.put("tilleggsinfo", registration.reference())
                .put("tilgangsgruppe", registration.accessGroup())
                .put("saksart", registration.caseType());
        return body;
    }

    ObjectNode journalpost(EntryRegistration entry) {
        ObjectNode body = json.createObjectNode()
                .put("tittel", entry.title())
                .put("offentligTittel", entry.publicTitle())
                .put("beskrivelse", entry.reference())
                .put("dokumentetsDato", entry.documentDate().toString());
        body.set("journalposttype", json.createObjectNode()
                .put("kode", entry.type().code()).put("kodenavn", entry.type().codeName()));
        body.set("journalstatus", code("journalstatus", entry.status()));
        String dateField = entry.type() == EntryType.INCOMING ? "mottattDato" : "sendtDato";
        body.put(dateField, entry.documentDate() + "T00:00:00Z");
        screening(entry.screening(), body);
        ObjectNode custom = body.putObject("virksomhetsspesifikkeMetadata");
        custom.putObject("esa").put("journalstatus", entry.localStatus());
        custom.putObject("webcruiter").put("dokumentId", entry.documentId()).put("skjema", entry.form().code());
        return body;
    }

    ObjectNode korrespondansepartPerson(Correspondent part) {
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
            postadresse.put("postnr", address.postalCode()).put("poststed", address.postalTown());
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

    ObjectNode dokumentbeskrivelse(EntryRegistration entry, DocumentRegistration document) {
        ObjectNode body = json.createObjectNode()
                .put("tittel", document.title())
                .put("dokumentnummer", document.number())
                .put("eksternReferanse", entry.documentId());
        body.set("dokumenttype", json.createObjectNode()
                .put("kode", settings.documentType()).put("kodenavn", settings.documentTypeName()));
        body.set("dokumentstatus", code("dokumentstatus", document.status()));
        body.set("tilknyttetRegistreringSom", code("tilknyttetRegistreringSom", document.main() ? "H" : "V"));
        screening(entry.screening(), body);
        return body;
    }

    ObjectNode dokumentobjekt(DocumentRegistration document) {
        ObjectNode body = json.createObjectNode()
                .put("versjonsnummer", 1)
                .put("filnavn", document.fileName())
                .put("mimeType", document.mimeType());
        body.set("variantformat", code("variantformat", document.variantFormat()));
        body.set("format", json.createObjectNode()
                .put("kode", settings.fileFormat()).put("kodenavn", settings.fileFormatName()));
        return body;
    }

    private void screening(Screening screening, ObjectNode body) {
        if (!screening.exempt()) {
            return;
        }
        ObjectNode skjerming = body.putObject("skjerming");
        skjerming.set("tilgangsrestriksjon", json.createObjectNode()
                .put("kode", screening.accessCode()).put("kodenavn", settings.accessCodeName()));
        skjerming.put("skjermingshjemmel", screening.legalBasis());
        skjerming.set("skjermingDokument", code("skjermingDokument", "H"));
    }

    private ObjectNode code(String list, String code) {
        return json.createObjectNode().put("kode", code).put("kodenavn", Noark5Codes.name(list, code));
    }
}
