package no.webcruiteresa.adapter.noark5;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.domain.Correspondent;
import no.webcruiteresa.domain.EntryRegistration;
import tools.jackson.databind.JsonNode;

/**
 * Registers an entry's korrespondanseparter that are not there yet, by the relations v1.1 gives them
 * (arkivstruktur), or the sakarkiv ones older servers publish. A kind the server does not implement (501, or no
 * link) is left out and reported once: the entry and its documents are archived all the same.
 */
final class Correspondents {
    private static final Logger LOG = Logger.getLogger(Correspondents.class.getName());
    private final Set<String> unimplemented = ConcurrentHashMap.newKeySet();
    private volatile String postcodeField = "postnr";

    private final Noark5Http http;
    private final Noark5Writer writer;
    private final Noark5Bodies bodies;

    Correspondents(Noark5Http http, Noark5Writer writer, Noark5Bodies bodies) {
        this.http = http;
        this.writer = writer;
        this.bodies = bodies;
    }

    /** @param justCreated the journalpost was created by this attempt, so it has none yet and none are read */
    void addMissing(JsonNode journalpost, EntryRegistration entry, String administrativeUnit, boolean justCreated) {
        List<JsonNode> existing = justCreated ? List.of()
                : link(journalpost, Relations.KORRESPONDANSEPART, Relations.LEGACY_KORRESPONDANSEPART)
                        .map(http::list).orElse(List.of());
        for (Correspondent part : entry.correspondents()) {
            boolean internal = part.role() == Correspondent.Role.INTERNAL_RECIPIENT;
            boolean registered = existing.stream().anyMatch(p ->
                    part.role().code().equals(p.path("korrespondanseparttype").path("kode").asString(""))
                            && part.name().equals(p.path(internal ? "saksbehandler" : "navn").asString("")));
            if (!registered) {
                add(journalpost, part, internal, administrativeUnit);
            }
        }
    }

    private void add(JsonNode journalpost, Correspondent part, boolean internal, String administrativeUnit) {
        String kind = internal ? "korrespondansepartintern" : "korrespondansepartperson";
        if (unimplemented.contains(kind)) {
            return;
        }
        Optional<URI> link = internal
                ? link(journalpost, Relations.NY_KORRESPONDANSEPARTINTERN, Relations.LEGACY_NY_KORRESPONDANSEPARTINTERN)
                : link(journalpost, Relations.NY_KORRESPONDANSEPARTPERSON, Relations.LEGACY_NY_KORRESPONDANSEPARTPERSON);
        try {
            if (link.isEmpty()) {
                throw new ArchiveRejectedException(501, "no ny-" + kind + " link on the journalpost");
            }
            JsonNode created = writer.create(link.get(), kind, internal
                    ? bodies.korrespondansepartIntern(part, administrativeUnit)
                    : bodies.korrespondansepartPerson(part, postcodeField));
            noticeDroppedPostcode(part, created);
        } catch (ArchiveRejectedException e) {
            if (e.status() != 501) {
                throw e;
            }
            if (unimplemented.add(kind)) {
                LOG.warning("the archive does not implement " + kind + " (" + e.getMessage()
                        + "); entries are registered without that correspondent");
            }
        }
    }

    /**
     * A server that calls the postcode something else may drop {@code postnr} without a word; seen in its answer,
     * the next correspondents are sent with the name it uses.
     */
    private void noticeDroppedPostcode(Correspondent part, JsonNode created) {
        JsonNode address = created.path("postadresse");
        if (part.postalAddress() != null && part.postalAddress().postalCode() != null && address.isObject()
                && !address.has(postcodeField) && postcodeField.equals("postnr")) {
            postcodeField = "postnummer";
            LOG.warning("the archive dropped korrespondansepart.postadresse.postnr; sending the postcode as "
                    + "postnummer from now on (one correspondent was registered without it)");
        }
    }

    private static Optional<URI> link(JsonNode resource, String rel, String legacyRel) {
        return Links.find(resource, rel).or(() -> Links.find(resource, legacyRel)).map(URI::create);
    }
}
