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
import tools.jackson.databind.node.ArrayNode;
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
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** The server answered a JSON Merge Patch 415 or 405: it is not sent again by this instance. */
    private volatile boolean mergePatchRefused;
    /** Addresses, with the object's systemID as {@code {systemID}}, where a PATCH operation was taken. */
    private final Set<String> patchedAt = ConcurrentHashMap.newKeySet();

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
        JsonNode screenedMetadata = refused.contains(SCREENED_METADATA) ? removeScreenedMetadata(sent) : null;
        while (true) {
            try {
                JsonNode created = http.post(link, sent);
                if (screenedMetadata != null) {
                    addScreenedMetadata(created, screenedMetadata);
                }
                return created;
            } catch (ArchiveRejectedException e) {
                if (screenedMetadata == null && refusesScreenedMetadata(sent, e)) {
                    screenedMetadata = removeScreenedMetadata(sent);
                    if (refused.add(SCREENED_METADATA)) {
                        LOG.warning("the archive refuses skjermingMetadata inside skjerming; it is registered "
                                + "through the objects' ny-skjermingmetadata links from now on");
                    }
                    continue;
                }
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

    private static final String SCREENED_METADATA = "skjerming.skjermingMetadata";

    private static boolean refusesScreenedMetadata(ObjectNode sent, ArchiveRejectedException e) {
        return e.status() == 400 && e.getMessage() != null && e.getMessage().contains("skjermingMetadata")
                && sent.path("skjerming").has("skjermingMetadata");
    }

    private static JsonNode removeScreenedMetadata(ObjectNode sent) {
        return sent.path("skjerming").isObject() ? ((ObjectNode) sent.get("skjerming")).remove("skjermingMetadata") : null;
    }

    /**
     * Which metadata are screened, one code at a time through the object's ny-skjermingmetadata link (the
     * reference server's way). The object is screened either way: tilgangsrestriksjon and hjemmel are on it.
     */
    private void addScreenedMetadata(JsonNode created, JsonNode codes) {
        Optional<String> link = Links.findBySuffix(created, "/ny-skjermingmetadata/");
        if (link.isEmpty()) {
            if (reported.add("no-ny-skjermingmetadata")) {
                LOG.warning("the archive offers no ny-skjermingmetadata link; screened metadata codes are not "
                        + "registered (the objects are screened by tilgangsrestriksjon and skjermingshjemmel)");
            }
            return;
        }
        for (JsonNode code : codes) {
            http.post(URI.create(link.get()), code);
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
        URI self = Links.require(resource, Relations.SELF);
        if (mergePatchRefused) {
            return patchAsOperation(resource, self, custom);
        }
        try {
            return http.patch(self, patch);
        } catch (ArchiveRejectedException e) {
            if (e.status() != 415 && e.status() != 405) {
                catalogue.refuseCustomMetadata("PATCH answered " + e.getMessage());
                return resource;
            }
            mergePatchRefused = true;
        }
        return patchAsOperation(resource, self, custom);
    }

    /**
     * The reference server's PATCH: an array with one {@code add} operation in the Noark 5 media type, taken only
     * at the object's arkivstruktur address (mappe/registrering), which it publishes as the base of sub-links.
     */
    private JsonNode patchAsOperation(JsonNode resource, URI self, ObjectNode custom) {
        ArrayNode operations = http.json().createArrayNode();
        ObjectNode add = operations.addObject().put("op", "add").put("path", "virksomhetsspesifikkeMetadata");
        add.putObject("value").set("virksomhetsspesifikkeMetadata", custom);
        String last = "";
        String systemId = resource.path("systemID").asString("");
        List<URI> addresses = new java.util.ArrayList<>(Links.addressesOfSameObject(resource, self));
        if (!systemId.isEmpty()) {
            // Where an object of the same kind took it before, first: a rejected form costs a request each time.
            addresses.sort(java.util.Comparator.comparing(
                    (URI target) -> !patchedAt.contains(target.toString().replace(systemId, "{systemID}"))));
        }
        for (URI target : addresses) {
            try {
                http.patchOperations(target, operations);
                if (!systemId.isEmpty()) {
                    patchedAt.add(target.toString().replace(systemId, "{systemID}"));
                }
                return resource;
            } catch (ArchiveRejectedException e) {
                last = e.getMessage();
                if (e.status() != 405 && e.status() != 415 && e.status() != 404) {
                    break;
                }
            }
        }
        catalogue.refuseCustomMetadata("no PATCH form was taken: " + last);
        return resource;
    }
}
