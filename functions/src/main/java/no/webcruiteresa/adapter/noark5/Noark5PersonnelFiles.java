package no.webcruiteresa.adapter.noark5;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.PersonnelFiles;
import no.webcruiteresa.application.port.RecordedEntry;
import no.webcruiteresa.domain.PersonnelFileRegistration;
import no.webcruiteresa.domain.Screening;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Personnel files through Noark 5 tjenestegrensesnitt, beside {@link Noark5Archive} and sharing its connection,
 * writer and discovered links. A personnel file is a saksmappe in the configured arkivdel and class, screened
 * whole; an entry is kept by a kassasjon (kassasjonsvedtak B) registered through the journalpost's
 * {@code ny-kassasjon} link.
 */
final class Noark5PersonnelFiles implements PersonnelFiles {
    static final String KASSASJON = Relations.ARKIVSTRUKTUR + "kassasjon/";
    static final String NY_KASSASJON = Relations.ARKIVSTRUKTUR + "ny-kassasjon/";
    /** Noark 5 kassasjonsvedtak and the skjermingMetadata codes of a personnel file, with their exact names. */
    private static final Map<String, String> KASSASJONSVEDTAK = Map.of("B", "Bevares", "K", "Kasseres",
            "G", "Gjennomgås senere");
    private static final Map<String, String> FILE_SCREENED_METADATA = Map.of(
            "TM1", "Skjerming tittel mappe - unntatt første linje", "NPS", "Skjerming navn part i sak");

    private final Noark5Archive archive;
    private final Noark5Http http;
    private final Noark5Writer writer;
    private final Noark5Settings settings;
    private final Map<String, JsonNode> journalposts = new ConcurrentHashMap<>();

    Noark5PersonnelFiles(Noark5Archive archive, Noark5Http http, Noark5Writer writer, Noark5Settings settings) {
        this.archive = archive;
        this.http = http;
        this.writer = writer;
        this.settings = settings;
    }

    @Override
    public Optional<ArchivedCase> findFile(String reference) {
        return archive.findCase(reference);
    }

    @Override
    public ArchivedCase createFile(PersonnelFileRegistration registration) {
        String newCase = archive.link("ny-saksmappe:" + registration.archivePart() + ":"
                        + registration.classificationCode(),
                () -> archive.newCaseLink(registration.archivePart(), registration.classificationCode()));
        return archive.remember(writer.create(URI.create(newCase), "saksmappe", saksmappe(registration)));
    }

    @Override
    public Optional<RecordedEntry> readEntry(String reference) {
        return archive.findJournalpost(reference).map(journalpost -> {
            journalposts.put(journalpost.path("systemID").asString(), journalpost);
            List<RecordedEntry.RecordedDocument> documents = new ArrayList<>();
            for (JsonNode beskrivelse : archive.documents(journalpost)) {
                for (JsonNode objekt : http.list(Links.require(beskrivelse, Relations.DOKUMENTOBJEKT))) {
                    if (objekt.hasNonNull("sjekksum")) {
                        documents.add(new RecordedEntry.RecordedDocument(beskrivelse.path("dokumentnummer").asInt(),
                                "H".equals(beskrivelse.path("tilknyttetRegistreringSom").path("kode").asString("")),
                                objekt.path("filnavn").asString(""), objekt.path("mimeType").asString(""),
                                objekt.path("filstoerrelse").asLong(-1), objekt.path("sjekksum").asString(""),
                                Links.requireHref(objekt, Relations.FIL)));
                        break;
                    }
                }
            }
            documents.sort((a, b) -> Integer.compare(a.number(), b.number()));
            return new RecordedEntry(journalpost.path("systemID").asString(),
                    journalpost.path("registreringsID").asString(journalpost.path("systemID").asString()),
                    archive.caseOf(journalpost), date(journalpost.path("dokumentetsDato").asString("")), documents);
        });
    }

    @Override
    public InputStream openFile(RecordedEntry.RecordedDocument document) {
        return http.download(URI.create(document.location()));
    }

    @Override
    public void keep(RecordedEntry entry, String decision, String legalBasis) {
        JsonNode journalpost = journalposts.get(entry.systemId());
        if (journalpost == null) {
            journalpost = http.findBy(archive.link("journalpost",
                            () -> Links.requireHref(archive.sakarkiv(), Relations.JOURNALPOST)), "systemID",
                    entry.systemId()).orElseThrow(() -> new IllegalStateException("entry " + entry.entryId()
                    + " is no longer in the archive"));
        }
        Optional<String> existing = Links.find(journalpost, KASSASJON);
        if (existing.isPresent()) {
            JsonNode answer = http.get(URI.create(existing.get()));
            List<JsonNode> decisions = answer.has("results") ? Links.results(answer) : List.of(answer);
            if (decisions.stream().anyMatch(k -> decision.equals(k.path("kassasjonsvedtak").path("kode").asString("")))) {
                return;
            }
        }
        ObjectNode body = http.json().createObjectNode();
        body.set("kassasjonsvedtak", http.json().createObjectNode().put("kode", decision)
                .put("kodenavn", KASSASJONSVEDTAK.getOrDefault(decision, decision)));
        body.put("kassasjonshjemmel", legalBasis);
        writer.create(Links.require(journalpost, NY_KASSASJON), "kassasjon", body);
    }

    private ObjectNode saksmappe(PersonnelFileRegistration registration) {
        ObjectNode body = http.json().createObjectNode()
                .put("tittel", registration.title())
                .put("offentligTittel", registration.publicTitle())
                .put("beskrivelse", registration.reference())
                .put("saksdato", registration.caseDate().atStartOfDay(settings.compatibility().zone())
                        .toOffsetDateTime().toString())
                .put("administrativEnhet", registration.administrativeUnit())
                .put("saksansvarlig", registration.caseHandler());
        body.set("saksstatus", code("saksstatus", registration.caseStatus()));
        body.set("dokumentmedium", code("dokumentmedium", "E"));
        Screening screening = registration.screening();
        ObjectNode skjerming = body.putObject("skjerming");
        skjerming.set("tilgangsrestriksjon", http.json().createObjectNode()
                .put("kode", screening.accessCode()).put("kodenavn", settings.accessCodeName()));
        skjerming.put("skjermingshjemmel", screening.legalBasis());
        var metadata = skjerming.putArray("skjermingMetadata");
        FILE_SCREENED_METADATA.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                metadata.add(http.json().createObjectNode().put("kode", e.getKey()).put("kodenavn", e.getValue())));
        return body;
    }

    private ObjectNode code(String list, String code) {
        return http.json().createObjectNode().put("kode", code).put("kodenavn", Noark5Codes.name(list, code));
    }

    /** A Noark 5 datetime (or date) as the local date in the configured zone; null when absent or unreadable. */
    private LocalDate date(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(settings.compatibility().zone()).toLocalDate();
        } catch (DateTimeParseException e) {
            return value.length() >= 10 ? LocalDate.parse(value.substring(0, 10)) : null;
        }
    }
}
