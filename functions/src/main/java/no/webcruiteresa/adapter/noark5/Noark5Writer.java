package no.webcruiteresa.adapter.noark5;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates objects the way a particular server takes them: without the optional fields it refuses (configured,
 * or learnt from its first refusal, then never sent again by this instance), and with our custom metadata
 * written afterwards by PATCH, once its keys are in the server's catalogue. Mandatory fields are never dropped.
 */
final class Noark5Writer {
    private static final Logger LOG = Logger.getLogger(Noark5Writer.class.getName());

    /** Fields the archive may do without, per object kind. Titles, references and screening are never here. */
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            "saksmappe", Set.of("administrativEnhet", "saksansvarlig", "dokumentmedium"),
            "journalpost", Set.of("mottattDato", "sendtDato"),
            "korrespondansepartperson", Set.of("postadresse"),
            "korrespondansepartintern", Set.of("administrativEnhet"),
            "dokumentbeskrivelse", Set.of("beskrivelse"),
            "dokumentobjekt", Set.of("filnavn"));

    private final Noark5Http http;
    private final Noark5Compatibility compatibility;
    private final ServerCatalogue catalogue;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    Noark5Writer(Noark5Http http, Noark5Compatibility compatibility, ServerCatalogue catalogue) {
        this.http = http;
        this.compatibility = compatibility;
        this.catalogue = catalogue;
    }

    JsonNode create(URI link, String kind, ObjectNode body) {
        ObjectNode sent = body.deepCopy();
        for (String field : body.propertyNames()) {
            if (compatibility.omitFields().contains(kind + "." + field) || refused.contains(kind + "." + field)) {
                sent.remove(field);
            }
        }
        while (true) {
            try {
                return http.post(link, sent);
            } catch (ArchiveRejectedException e) {
                Optional<String> field = refusedOptionalField(kind, sent, e);
                if (field.isEmpty()) {
                    throw e;
                }
                if (refused.add(kind + "." + field.get())) {
                    LOG.warning("the archive refuses the optional field " + kind + "." + field.get()
                            + "; registering without it from now on (set archive.omit-fields to skip the probe)");
                }
                sent.remove(field.get());
            }
        }
    }

    /** The optional field a 400 names, if it names one we sent. */
    private static Optional<String> refusedOptionalField(String kind, ObjectNode sent, ArchiveRejectedException e) {
        if (e.status() != 400 || e.getMessage() == null) {
            return Optional.empty();
        }
        return OPTIONAL.getOrDefault(kind, Set.of()).stream()
                .filter(sent::has).filter(field -> e.getMessage().contains(field)).findFirst();
    }

    /**
     * Adds our custom metadata to an object that lacks it. Where the server will not take it, the object stays as
     * it is and this is reported once: the values are optional, the documents are not.
     *
     * @return the object as the server now holds it
     */
    JsonNode customMetadata(JsonNode resource, Map<String, String> values) {
        if (compatibility.customMetadataPrefix().isEmpty()) {
            return resource;
        }
        Map<String, String> keyed = new LinkedHashMap<>();
        values.forEach((field, value) -> keyed.put(compatibility.customMetadataPrefix() + ":" + field, value));
        JsonNode present = resource.path("virksomhetsspesifikkeMetadata");
        boolean complete = keyed.entrySet().stream()
                .allMatch(e -> e.getValue() == null || e.getValue().equals(present.path(e.getKey()).asString(null)));
        if (complete || !catalogue.customMetadataReady(List.copyOf(keyed.keySet()))) {
            return resource;
        }
        ObjectNode patch = http.json().createObjectNode();
        ObjectNode custom = patch.putObject("virksomhetsspesifikkeMetadata");
        keyed.forEach((key, value) -> {
            if (value != null) {
                custom.put(key, value);
            }
        });
        try {
            return http.patch(Links.require(resource, Relations.SELF), patch);
        } catch (ArchiveRejectedException e) {
            catalogue.refuseCustomMetadata("PATCH answered " + e.getMessage());
            return resource;
        }
    }
}
