package no.webcruiteresa.simulator;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the simulated archive holds, flattened for assertions and reports: cases, entries and documents
 * with their stored files' checksums, and every object's metadata as JSON (for checks that no personal data
 * beyond name and address was registered).
 */
public record ArchiveContents(List<Case> cases, List<Entry> entries, List<Document> documents, String metadataJson) {
    public record Case(String systemId, String caseId, String title, String description, String classId,
                       String archivePart) {
    }

    public record Entry(String systemId, String caseSystemId, String registryId, String type, String status,
                        String title, String publicTitle, boolean screened, String screeningBasis,
                        List<String> correspondents, String json) {
    }

    public record Document(String entrySystemId, String externalReference, int number, String role, String status,
                           String fileName, String mimeType, String variant, String sha256, long size,
                           byte[] content) {
    }

    static ArchiveContents of(ArchiveStore store) {
        Map<String, ArchiveStore.Entity> all = store.snapshot().stream()
                .collect(Collectors.toMap(ArchiveStore.Entity::systemId, e -> e));
        List<Case> cases = store.all(EntityTypes.SAKSMAPPE).stream().map(e -> {
            ArchiveStore.Entity klasse = all.get(e.parentId());
            ArchiveStore.Entity arkivdel = all.get(all.get(klasse.parentId()).parentId());
            return new Case(e.systemId(), text(e.data(), "mappeID"), text(e.data(), "tittel"),
                    text(e.data(), "beskrivelse"), text(klasse.data(), "klasseID"), text(arkivdel.data(), "tittel"));
        }).toList();
        List<Entry> entries = store.all(EntityTypes.JOURNALPOST).stream().map(e -> new Entry(e.systemId(),
                e.parentId(), text(e.data(), "registreringsID"), e.data().path("journalposttype").path("kode").asString(""),
                e.data().path("journalstatus").path("kode").asString(""), text(e.data(), "tittel"),
                text(e.data(), "offentligTittel"), e.data().has("skjerming"),
                e.data().path("skjerming").path("skjermingshjemmel").asString(""),
                store.snapshot().stream().filter(p -> e.systemId().equals(p.parentId())
                                && (p.type() == EntityTypes.KORRESPONDANSEPARTPERSON
                                || p.type() == EntityTypes.KORRESPONDANSEPARTINTERN))
                        .map(p -> p.data().path("korrespondanseparttype").path("kode").asString() + ":"
                                + p.data().path(p.data().has("navn") ? "navn" : "saksbehandler").asString())
                        .toList(),
                e.data().toString())).toList();
        List<Document> documents = store.all(EntityTypes.DOKUMENTOBJEKT).stream().map(o -> {
            ArchiveStore.Entity beskrivelse = all.get(o.parentId());
            ObjectNode d = beskrivelse.data();
            return new Document(beskrivelse.parentId(), text(d, "eksternReferanse"), d.path("dokumentnummer").asInt(),
                    d.path("tilknyttetRegistreringSom").path("kode").asString(""),
                    d.path("dokumentstatus").path("kode").asString(""), text(o.data(), "filnavn"),
                    text(o.data(), "mimeType"), o.data().path("variantformat").path("kode").asString(""),
                    text(o.data(), "sjekksum"), o.data().path("filstoerrelse").asLong(-1), store.file(o.systemId()));
        }).toList();
        String metadata = store.snapshot().stream().map(e -> e.data().deepCopy().put("_type", e.type().name).toString())
                .collect(Collectors.joining(",\n", "[", "]"));
        return new ArchiveContents(cases, entries, documents, metadata);
    }

    private static String text(ObjectNode node, String field) {
        return node.path(field).asString("");
    }
}
