package no.webcruiteresa.adapter.noark5;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.CaseArchive;
import no.webcruiteresa.application.port.EntryArchive;
import no.webcruiteresa.application.port.FileSource;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.Correspondent;
import no.webcruiteresa.domain.DocumentRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import tools.jackson.databind.JsonNode;

/**
 * ESA through Noark 5 tjenestegrensesnitt. Navigates by link relations from the root only; the links it
 * discovers once (API modules, the classification class new cases go in) are kept for the instance's life.
 */
public class Noark5Archive implements CaseArchive, EntryArchive {
    private final Noark5Settings settings;
    private final Noark5Http http;
    private final Noark5Bodies bodies;
    private final Map<String, String> discovered = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> casesBySystemId = new ConcurrentHashMap<>();
    private final Map<String, ArchivedCase> casesByHref = new ConcurrentHashMap<>();

    public Noark5Archive(Noark5Settings settings) {
        this.settings = settings;
        this.http = new Noark5Http(settings);
        this.bodies = new Noark5Bodies(http.json(), settings);
    }

    @Override
    public Optional<ArchivedCase> findCase(String reference) {
        URI query = Noark5Http.filtered(link("saksmappe", () -> Links.requireHref(sakarkiv(), Relations.SAKSMAPPE)),
                "beskrivelse", reference);
        return http.list(query).stream().findFirst().map(this::remember);
    }

    @Override
    public ArchivedCase createCase(CaseRegistration registration) {
        String newCase = link("ny-saksmappe:" + registration.archivePart() + ":" + registration.classificationCode(),
                () -> newCaseLink(registration.archivePart(), registration.classificationCode()));
        return remember(http.post(URI.create(newCase), bodies.saksmappe(registration)));
    }

    @Override
    public Optional<ArchivedEntry> findEntry(String reference) {
        return findJournalpost(reference).map(this::describe);
    }

    @Override
    public ArchivedEntry archiveEntry(ArchivedCase archivedCase, EntryRegistration entry, FileSource files) {
        JsonNode saksmappe = caseResource(archivedCase);
        JsonNode journalpost = findJournalpost(entry.reference()).orElseGet(() ->
                http.post(Links.require(saksmappe, Relations.NY_JOURNALPOST), bodies.journalpost(entry)));
        addMissingCorrespondents(journalpost, entry, saksmappe.path("administrativEnhet").asString(""));
        List<JsonNode> existing = http.list(Links.require(journalpost, Relations.DOKUMENTBESKRIVELSE));
        for (DocumentRegistration document : entry.documents()) {
            JsonNode beskrivelse = existing.stream()
                    .filter(d -> d.path("dokumentnummer").asInt() == document.number()).findFirst()
                    .orElseGet(() -> http.post(Links.require(journalpost, Relations.NY_DOKUMENTBESKRIVELSE),
                            bodies.dokumentbeskrivelse(entry, document)));
            JsonNode objekt = http.list(Links.require(beskrivelse, Relations.DOKUMENTOBJEKT)).stream().findFirst()
                    .orElseGet(() -> http.post(Links.require(beskrivelse, Relations.NY_DOKUMENTOBJEKT),
                            bodies.dokumentobjekt(document)));
            if (!objekt.hasNonNull("sjekksum")) {
                http.upload(Links.require(objekt, Relations.FIL), document.mimeType(), document.size(),
                        () -> files.open(document.fileName()));
            }
        }
        // Read back what the archive now holds: its own checksums, not what this attempt believes it sent.
        return describe(journalpost);
    }

    private Optional<JsonNode> findJournalpost(String reference) {
        URI query = Noark5Http.filtered(link("journalpost", () -> Links.requireHref(sakarkiv(), Relations.JOURNALPOST)),
                "beskrivelse", reference);
        return http.list(query).stream().findFirst();
    }

    private void addMissingCorrespondents(JsonNode journalpost, EntryRegistration entry, String administrativeUnit) {
        List<JsonNode> existing = http.list(Links.require(journalpost, Relations.KORRESPONDANSEPART));
        for (Correspondent part : entry.correspondents()) {
            boolean internal = part.role() == Correspondent.Role.INTERNAL_RECIPIENT;
            boolean registered = existing.stream().anyMatch(p ->
                    part.role().code().equals(p.path("korrespondanseparttype").path("kode").asString(""))
                            && part.name().equals(p.path(internal ? "saksbehandler" : "navn").asString("")));
            if (registered) {
                continue;
            }
            if (internal) {
                http.post(Links.require(journalpost, Relations.NY_KORRESPONDANSEPARTINTERN),
                        bodies.korrespondansepartIntern(part, administrativeUnit));
            } else {
                http.post(Links.require(journalpost, Relations.NY_KORRESPONDANSEPARTPERSON),
                        bodies.korrespondansepartPerson(part));
            }
        }
    }

    private ArchivedEntry describe(JsonNode journalpost) {
        List<ArchivedEntry.ArchivedFile> files = new ArrayList<>();
        for (JsonNode beskrivelse : http.list(Links.require(journalpost, Relations.DOKUMENTBESKRIVELSE))) {
            for (JsonNode objekt : http.list(Links.require(beskrivelse, Relations.DOKUMENTOBJEKT))) {
                if (objekt.hasNonNull("sjekksum")) {
                    files.add(archivedFile(objekt));
                }
            }
        }
        return new ArchivedEntry(journalpost.path("systemID").asString(), registryId(journalpost),
                caseOf(journalpost), files);
    }

    /** The case the journalpost is filed in, by its parent link; null when the server offers none. */
    private ArchivedCase caseOf(JsonNode journalpost) {
        return Links.find(journalpost, Relations.SAKSMAPPE).map(href -> {
            // Not computeIfAbsent: an HTTP call with retries must not hold the map's lock.
            ArchivedCase known = casesByHref.get(href);
            if (known == null) {
                known = remember(http.get(URI.create(href)));
                casesByHref.put(href, known);
            }
            return known;
        }).orElse(null);
    }

    private static ArchivedEntry.ArchivedFile archivedFile(JsonNode objekt) {
        return new ArchivedEntry.ArchivedFile(objekt.path("filnavn").asString(""),
                objekt.path("sjekksum").asString(""), objekt.path("filstoerrelse").asLong(-1));
    }

    private static String registryId(JsonNode journalpost) {
        return journalpost.path("registreringsID").asString(journalpost.path("systemID").asString());
    }

    private ArchivedCase remember(JsonNode saksmappe) {
        String systemId = saksmappe.path("systemID").asString();
        casesBySystemId.put(systemId, saksmappe);
        return new ArchivedCase(systemId, saksmappe.path("mappeID").asString(""),
                saksmappe.path("beskrivelse").asString(""));
    }

    private JsonNode caseResource(ArchivedCase archivedCase) {
        JsonNode known = casesBySystemId.get(archivedCase.systemId());
        if (known != null) {
            return known;
        }
        URI query = Noark5Http.filtered(link("saksmappe", () -> Links.requireHref(sakarkiv(), Relations.SAKSMAPPE)),
                "systemID", archivedCase.systemId());
        JsonNode found = http.list(query).stream().findFirst().orElseThrow(() ->
                new IllegalStateException("case " + archivedCase.caseId() + " is no longer in the archive"));
        casesBySystemId.put(archivedCase.systemId(), found);
        return found;
    }

    /** arkivdel (by title) → its classification system → the class (by klasseID) → that class's ny-saksmappe. */
    private String newCaseLink(String archivePart, String classificationCode) {
        String parts = Links.requireHref(arkivstruktur(), Relations.ARKIVDEL);
        // Configured by title (EL-SAKARKI) or by its systemID.
        JsonNode arkivdel = http.list(Noark5Http.filtered(parts, "tittel", archivePart)).stream().findFirst()
                .or(() -> http.list(Noark5Http.filtered(parts, "systemID", archivePart)).stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("the archive has no arkivdel with title or systemID '"
                        + archivePart + "'"));
        for (JsonNode system : http.list(Links.require(arkivdel, Relations.KLASSIFIKASJONSSYSTEM))) {
            URI classes = Noark5Http.filtered(Links.requireHref(system, Relations.KLASSE), "klasseID", classificationCode);
            Optional<JsonNode> klasse = http.list(classes).stream().findFirst();
            if (klasse.isPresent()) {
                return Links.requireHref(klasse.get(), Relations.NY_SAKSMAPPE);
            }
        }
        throw new IllegalStateException("arkivdel '" + archivePart + "' has no class '" + classificationCode + "'");
    }

    private JsonNode arkivstruktur() {
        return http.get(URI.create(link("arkivstruktur", () -> Links.requireHref(root(), Relations.ARKIVSTRUKTUR))));
    }

    private JsonNode sakarkiv() {
        return http.get(URI.create(link("sakarkiv", () -> Links.requireHref(root(), Relations.SAKARKIV))));
    }

    private JsonNode root() {
        return http.get(settings.root());
    }

    private String link(String name, Supplier<String> discover) {
        String known = discovered.get(name);
        if (known == null) {
            known = discover.get();
            discovered.put(name, known);
        }
        return known;
    }
}
