package no.webcruiteresa.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The strict profile's ways of the reference server (nikita-noark5-core), as observed on a running instance:
 * saksmappe and journalpost are also served under arkivstruktur (mappe, registrering), and only there take a
 * PATCH, as an array with one {@code add} operation in the Noark 5 media type; skjermingMetadata is refused
 * inside skjerming ("left over") and added one code at a time through a {@code ny-skjermingmetadata} link.
 */
final class ReferenceServerQuirks {
    static final String NY_SKJERMINGMETADATA = "https://nikita.arkivlab.no/noark5/v5/ny-skjermingmetadata/";

    private final NoarkApi api;
    private final ArchiveStore store;
    private final MetadataCatalogue catalogue;

    ReferenceServerQuirks(NoarkApi api, ArchiveStore store, MetadataCatalogue catalogue) {
        this.api = api;
        this.store = store;
        this.catalogue = catalogue;
    }

    void beforeCreate(EntityTypes type, JsonNode body) {
        if (body.path("skjerming").has("skjermingMetadata")) {
            throw new Validation.Invalid("The following fields are left over after deserialising "
                    + "[{\"skjermingMetadata\":…}]. The " + type.name + " object you tried to create is malformed.");
        }
    }

    void addLinks(ArchiveStore.Entity entity, ObjectNode links) {
        String base = arkivstrukturAddress(entity);
        if (base != null) {
            NoarkApi.link(links, NY_SKJERMINGMETADATA, base + "/ny-skjermingmetadata");
        }
    }

    boolean isAlias(List<String> s) {
        if (!s.get(1).equals("arkivstruktur")) {
            return false;
        }
        return s.get(2).equals("mappe") || s.get(2).equals("registrering")
                || (s.size() == 5 && s.get(4).equals("ny-skjermingmetadata"));
    }

    void alias(HttpExchange exchange, List<String> s) throws IOException {
        ArchiveStore.Entity entity = store.get(s.get(3));
        if (entity == null || !s.get(2).equals(aliasKind(entity))) {
            api.error(exchange, 404, s.get(2) + " " + s.get(3) + " not found");
            return;
        }
        String method = exchange.getRequestMethod();
        if (s.size() == 4 && method.equals("GET")) {
            api.respond(exchange, 200, api.withLinks(entity));
        } else if (s.size() == 4 && method.equals("PATCH")) {
            patch(exchange, entity);
        } else if (s.size() == 5 && s.get(4).equals("ny-skjermingmetadata") && method.equals("POST")) {
            addScreenedMetadata(exchange, entity);
        } else {
            exchange.getRequestBody().readAllBytes();
            api.error(exchange, 405, "method not allowed");
        }
    }

    private void patch(HttpExchange exchange, ArchiveStore.Entity entity) throws IOException {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        JsonNode body = store.json().readTree(exchange.getRequestBody().readAllBytes());
        if (!contentType.startsWith(NoarkApi.MEDIA_TYPE)) {
            api.error(exchange, 415, "unsupported media type " + contentType);
            return;
        }
        if (!body.isArray() || body.size() != 1 || !body.get(0).path("op").asString("").equals("add")
                || !body.get(0).path("value").path("virksomhetsspesifikkeMetadata").isObject()) {
            throw new Validation.Invalid("JSON parse error: expected [{\"op\":\"add\",\"path\":…,\"value\":"
                    + "{\"virksomhetsspesifikkeMetadata\":{…}}}]");
        }
        ObjectNode merged = entity.data().path("virksomhetsspesifikkeMetadata").isObject()
                ? ((ObjectNode) entity.data().get("virksomhetsspesifikkeMetadata")).deepCopy()
                : store.json().createObjectNode();
        merged.setAll((ObjectNode) body.get(0).path("value").path("virksomhetsspesifikkeMetadata"));
        catalogue.checkCustomMetadata(merged);
        ObjectNode fields = store.json().createObjectNode();
        fields.set("virksomhetsspesifikkeMetadata", merged);
        store.update(entity.systemId(), null, fields);
        api.respond(exchange, 200, api.withLinks(store.get(entity.systemId())));
    }

    private void addScreenedMetadata(HttpExchange exchange, ArchiveStore.Entity entity) throws IOException {
        JsonNode body = store.json().readTree(exchange.getRequestBody().readAllBytes());
        ObjectNode code = store.json().createObjectNode().put("kode", body.path("kode").asString(""));
        String name = CodeLists.LISTS.get("skjermingMetadata").get(code.path("kode").asString());
        code.put("kodenavn", body.path("kodenavn").asString(name == null ? "" : name));
        Validation.checkCode("skjermingMetadata", code);
        if (!entity.data().path("skjerming").isObject()) {
            throw new Validation.Invalid(entity.type().name + " has no skjerming to add skjermingMetadata to");
        }
        ObjectNode skjerming = (ObjectNode) entity.data().get("skjerming");
        ArrayNode codes = skjerming.path("skjermingMetadata").isArray()
                ? (ArrayNode) skjerming.get("skjermingMetadata") : skjerming.putArray("skjermingMetadata");
        codes.add(code);
        store.updated();
        api.respond(exchange, 201, code);
    }

    private static String aliasKind(ArchiveStore.Entity entity) {
        return switch (entity.type()) {
            case SAKSMAPPE -> "mappe";
            case JOURNALPOST -> "registrering";
            case DOKUMENTBESKRIVELSE -> "dokumentbeskrivelse";
            default -> "";
        };
    }

    private static String arkivstrukturAddress(ArchiveStore.Entity entity) {
        return switch (entity.type()) {
            case SAKSMAPPE -> NoarkApi.BASE + "api/arkivstruktur/mappe/" + entity.systemId();
            case JOURNALPOST -> NoarkApi.BASE + "api/arkivstruktur/registrering/" + entity.systemId();
            case DOKUMENTBESKRIVELSE -> NoarkApi.href(entity);
            default -> null;
        };
    }
}
