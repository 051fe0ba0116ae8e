package no.webcruiteresa.adapter.noark5;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import no.webcruiteresa.application.port.Archive;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.FileSource;
import no.webcruiteresa.application.port.PersonnelFiles;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.Correspondent;
import no.webcruiteresa.domain.DocumentRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ESA through Noark 5 tjenestegrensesnitt. Navigates by link relations from the root only; the links it
 * discovers once (API modules, the classification class new cases go in) are kept for the instance's life.
 */
public class Noark5Archive implements Archive {
    private final Noark5Settings settings;
    private final Noark5Http http;
    private final Noark5Bodies bodies;
    private final Noark5Writer writer;
    private final ServerCatalogue catalogue;
    private final Correspondents correspondents;
    /**
     * How many cases one instance remembers. A container serves the drops of a few postings at a time; an evicted
     * case costs one lookup, never a wrong answer.
     */
    static final int CASES_REMEMBERED = 1000;

    private final Map<String, String> discovered = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> resources = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> casesBySystemId = recentlyUsed(CASES_REMEMBERED);
    private final Map<String, ArchivedCase> casesByHref = recentlyUsed(CASES_REMEMBERED);
    /** Cases found or created, by reference. Only what exists is remembered: a miss is always looked up. */
    private final Map<String, ArchivedCase> casesByReference = recentlyUsed(CASES_REMEMBERED);

    public Noark5Archive(Noark5Settings settings) {
        this(settings, CredentialsSource.fixed(settings.credentials()));
    }

    /** @param credentials where the credentials come from when they rotate; settings' own are then unused */
    public Noark5Archive(Noark5Settings settings, CredentialsSource credentials) {
        this.settings = settings;
        this.http = new Noark5Http(settings, credentials);
        this.bodies = new Noark5Bodies(http.json(), settings);
        this.catalogue = new ServerCatalogue(http, settings, this::root);
        this.writer = new Noark5Writer(http, settings.compatibility(), catalogue);
        this.correspondents = new Correspondents(http, writer, bodies);
    }

    /** The personnel files, through this instance's connection, writer and discovered links (FileOnHire). */
    public PersonnelFiles personnelFiles() {
        return new Noark5PersonnelFiles(this, http, writer, settings);
    }

    /** Before a SnapStart snapshot: no secret, token or open connection may be captured in it. */
    public void forgetCredentialsAndConnections() {
        http.forgetCredentialsAndConnections();
    }

    /**
     * A case once found stays where it is (cases are never deleted or moved, only closed), so a warm instance
     * answers from memory; a case not found is looked up every time, as another instance may have created it.
     */
    @Override
    public Optional<ArchivedCase> findCase(String reference) {
        ArchivedCase known = casesByReference.get(reference);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ArchivedCase> found = matching(link("saksmappe", () -> Links.requireHref(sakarkiv(), Relations.SAKSMAPPE)),
                "beskrivelse", reference).map(this::remember);
        found.ifPresent(c -> casesByReference.put(reference, c));
        return found;
    }

    @Override
    public ArchivedCase createCase(CaseRegistration registration) {
        String newCase = link("ny-saksmappe:" + registration.archivePart() + ":" + registration.classificationCode(),
                () -> newCaseLink(registration.archivePart(), registration.classificationCode()));
        JsonNode saksmappe = writer.create(URI.create(newCase), "saksmappe", bodies.saksmappe(registration));
        ArchivedCase created = remember(writer.customMetadata(saksmappe, bodies.caseMetadata(registration)));
        casesByReference.put(registration.reference(), created);
        return created;
    }

    /**
     * Reads the case with its ETag and, unless it already has the status, PUTs it back with the new saksstatus.
     * The body names only what a client may write (the server's own fields, links and refused fields stay out);
     * a PUT with If-Match fails (412) rather than overwrite a change made meanwhile, and the message is retried.
     */
    @Override
    public boolean setCaseStatus(ArchivedCase archivedCase, String status) {
        URI self = Links.require(caseResource(archivedCase), Relations.SELF);
        Noark5Http.Answer current = http.getWithEtag(self);
        if (status.equals(current.body().path("saksstatus").path("kode").asString(""))) {
            return false;
        }
        ObjectNode update = http.json().createObjectNode();
        for (String field : List.of("tittel", "offentligTittel", "beskrivelse", "saksdato", "saksansvarlig")) {
            if (current.body().hasNonNull(field)) {
                update.set(field, current.body().get(field));
            }
        }
        update.set("saksstatus", bodies.caseStatus(status));
        casesBySystemId.put(archivedCase.systemId(), http.put(self, update, current.etag()));
        return true;
    }

    @Override
    public Optional<ArchivedEntry> findEntry(String reference) {
        return findJournalpost(reference).map(this::describe);
    }

    @Override
    public ArchivedEntry archiveEntry(ArchivedCase archivedCase, EntryRegistration entry, FileSource files) {
        JsonNode saksmappe = caseResource(archivedCase);
        Optional<JsonNode> found = findJournalpost(entry.reference());
        // What this call created is known to be empty: no list of its parts is read, and the files are described
        // by the server's answers to their uploads (its own checksums) instead of being read back.
        boolean created = found.isEmpty();
        JsonNode journalpost = found.orElseGet(() -> writer.create(
                Links.require(saksmappe, Relations.NY_JOURNALPOST), "journalpost", bodies.journalpost(entry)));
        journalpost = writer.customMetadata(journalpost, bodies.entryMetadata(entry));
        correspondents.addMissing(journalpost, entry, saksmappe.path("administrativEnhet").asString(""), created);
        List<JsonNode> existing = created ? List.of() : documents(journalpost);
        ServerCatalogue.FileFormat format = catalogue.fileFormat();
        List<ArchivedEntry.ArchivedFile> answered = new ArrayList<>();
        for (DocumentRegistration document : entry.documents()) {
            JsonNode journalpostNow = journalpost;
            Optional<JsonNode> known = existing.stream()
                    .filter(d -> d.path("dokumentnummer").asInt() == document.number()).findFirst();
            JsonNode beskrivelse = known.orElseGet(() -> writer.create(
                    Links.require(journalpostNow, Relations.NY_DOKUMENTBESKRIVELSE),
                    "dokumentbeskrivelse", bodies.dokumentbeskrivelse(entry, document, format.note())));
            List<JsonNode> objects = known.isEmpty() ? List.of()
                    : http.list(Links.require(beskrivelse, Relations.DOKUMENTOBJEKT));
            if (objects.stream().anyMatch(o -> o.hasNonNull("sjekksum"))) {
                continue;
            }
            JsonNode stored = objects.isEmpty()
                    ? upload(newObject(beskrivelse, document, format), document, files)
                    : uploadToHalfMade(beskrivelse, objects.get(0), document, format, files);
            if (stored.hasNonNull("sjekksum") && stored.hasNonNull("filstoerrelse")) {
                answered.add(archivedFile(stored));
            }
        }
        if (created && answered.size() == entry.documents().size()) {
            return entryOf(journalpost, answered);
        }
        // Read back what the archive now holds: its own checksums, not what this attempt believes it sent.
        return describe(journalpost);
    }

    /**
     * Uploads the file. A server may keep a refused upload's remains on the dokumentobjekt and refuse every later
     * upload to it; a repeated attempt that meets such a half-made object registers the file on a new one.
     */
    private JsonNode uploadToHalfMade(JsonNode beskrivelse, JsonNode objekt, DocumentRegistration document,
                                      ServerCatalogue.FileFormat format, FileSource files) {
        try {
            return upload(objekt, document, files);
        } catch (ArchiveRejectedException e) {
            if (e.status() != 400) {
                throw e;
            }
            return upload(newObject(beskrivelse, document, format), document, files);
        }
    }

    private JsonNode newObject(JsonNode beskrivelse, DocumentRegistration document, ServerCatalogue.FileFormat format) {
        return writer.create(Links.require(beskrivelse, Relations.NY_DOKUMENTOBJEKT), "dokumentobjekt",
                bodies.dokumentobjekt(document, new String[] {format.code(), format.name()}));
    }

    /** @return the server's answer: the dokumentobjekt with the checksum and size it computed, where it says them */
    private JsonNode upload(JsonNode objekt, DocumentRegistration document, FileSource files) {
        return http.upload(Links.require(objekt, Relations.FIL), document.mimeType(), document.size(),
                () -> files.open(document.fileName()));
    }

    Optional<JsonNode> findJournalpost(String reference) {
        return matching(link("journalpost", () -> Links.requireHref(sakarkiv(), Relations.JOURNALPOST)),
                "beskrivelse", reference);
    }

    private Optional<JsonNode> matching(String list, String field, String value) {
        return http.findBy(list, field, value);
    }

    List<JsonNode> documents(JsonNode journalpost) {
        URI list = Links.require(journalpost, Relations.DOKUMENTBESKRIVELSE);
        try {
            return http.list(list);
        } catch (ArchiveRejectedException e) {
            // Some servers page only filtered lists; every document of the entry carries our external reference.
            String reference = http.get(list).path("results").path(0).path("eksternReferanse").asString("");
            if (reference.isEmpty()) {
                throw e;
            }
            return http.list(Noark5Http.filtered(list.toString(), "eksternReferanse", reference));
        }
    }

    private ArchivedEntry describe(JsonNode journalpost) {
        List<ArchivedEntry.ArchivedFile> files = new ArrayList<>();
        for (JsonNode beskrivelse : documents(journalpost)) {
            for (JsonNode objekt : http.list(Links.require(beskrivelse, Relations.DOKUMENTOBJEKT))) {
                if (objekt.hasNonNull("sjekksum")) {
                    files.add(archivedFile(objekt));
                }
            }
        }
        return entryOf(journalpost, files);
    }

    /**
     * The same entry reads the same whether it was described from the upload answers or read back: files in
     * name order (servers list them in an order of their own), the case as the journalpost itself links to it.
     */
    private ArchivedEntry entryOf(JsonNode journalpost, List<ArchivedEntry.ArchivedFile> files) {
        List<ArchivedEntry.ArchivedFile> sorted = files.stream()
                .sorted(java.util.Comparator.comparing(ArchivedEntry.ArchivedFile::fileName)).toList();
        return new ArchivedEntry(journalpost.path("systemID").asString(), registryId(journalpost),
                caseOf(journalpost), sorted);
    }

    /** The case the journalpost is filed in, by its parent link; null when the server offers none. */
    ArchivedCase caseOf(JsonNode journalpost) {
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

    ArchivedCase remember(JsonNode saksmappe) {
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
        JsonNode found = matching(link("saksmappe", () -> Links.requireHref(sakarkiv(), Relations.SAKSMAPPE)),
                "systemID", archivedCase.systemId()).orElseThrow(() ->
                new IllegalStateException("case " + archivedCase.caseId() + " is no longer in the archive"));
        casesBySystemId.put(archivedCase.systemId(), found);
        return found;
    }

    /** arkivdel (by title) → its classification system → the class (by klasseID) → that class's ny-saksmappe. */
    String newCaseLink(String archivePart, String classificationCode) {
        String parts = Links.requireHref(arkivstruktur(), Relations.ARKIVDEL);
        // Configured by title (EL-SAKARKI) or by its systemID.
        JsonNode arkivdel = matching(parts, "tittel", archivePart).or(() -> matching(parts, "systemID", archivePart))
                .orElseThrow(() -> new IllegalStateException("the archive has no arkivdel with title or systemID '"
                        + archivePart + "'"));
        for (JsonNode system : http.list(Links.require(arkivdel, Relations.KLASSIFIKASJONSSYSTEM))) {
            Optional<JsonNode> klasse = matching(Links.requireHref(system, Relations.KLASSE), "klasseID", classificationCode);
            if (klasse.isPresent()) {
                return Links.requireHref(klasse.get(), Relations.NY_SAKSMAPPE);
            }
        }
        throw new IllegalStateException("arkivdel '" + archivePart + "' has no class '" + classificationCode + "'");
    }

    private JsonNode arkivstruktur() {
        return resource(link("arkivstruktur", () -> Links.requireHref(root(), Relations.ARKIVSTRUKTUR)));
    }

    JsonNode sakarkiv() {
        return resource(link("sakarkiv", () -> Links.requireHref(root(), Relations.SAKARKIV)));
    }

    private JsonNode root() {
        return resource(settings.root().toString());
    }

    /** The root and the API modules: their links do not change while the server runs, so they are read once. */
    private JsonNode resource(String href) {
        JsonNode known = resources.get(href);
        if (known == null) {
            known = http.get(URI.create(href));
            resources.put(href, known);
        }
        return known;
    }

    private static <K, V> Map<K, V> recentlyUsed(int capacity) {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    String link(String name, Supplier<String> discover) {
        String known = discovered.get(name);
        if (known == null) {
            known = discover.get();
            discovered.put(name, known);
        }
        return known;
    }
}
