package no.webcruiteresa.simulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The strict checks a POSTed object must pass; each failure is a 400 with the reason. */
final class Validation {
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    // Tjenestegrensesnitt v1.1 types every one of these as datetime, saksdato and dokumentetsDato included.
    private static final Set<String> DATE_TIMES = Set.of("saksdato", "dokumentetsDato", "mottattDato", "sendtDato",
            "journaldato");
    private static final Set<String> INTEGERS = Set.of("dokumentnummer", "versjonsnummer", "bevaringstid");

    private Validation() {
    }

    /** @param screenedMetadataRequired false where the server takes skjermingMetadata through its own link */
    static void check(EntityTypes type, JsonNode body, boolean screenedMetadataRequired) {
        if (body == null || !body.isObject()) {
            throw new Invalid("the body must be a JSON object");
        }
        ObjectNode object = (ObjectNode) body;
        for (String field : object.propertyNames()) {
            if (!type.allowed.contains(field)) {
                throw new Invalid(type.name + ": unknown or read-only field '" + field + "'");
            }
        }
        for (String field : type.required) {
            JsonNode value = object.path(field);
            if (value.isMissingNode() || value.isNull() || (value.isString() && value.asString().isBlank())) {
                throw new Invalid(type.name + ": required field '" + field + "' is missing");
            }
        }
        for (Map.Entry<String, String> code : type.codeFields.entrySet()) {
            if (object.has(code.getKey())) {
                checkCode(code.getValue(), object.get(code.getKey()));
            }
        }
        if (object.has("format")) {
            checkPair("format", object.get("format"));
        }
        if (object.has("skjerming")) {
            checkSkjerming(object.get("skjerming"), screenedMetadataRequired);
        }
        if (object.has("postadresse")) {
            checkFields("postadresse", object.get("postadresse"), EntityTypes.POSTADRESSE_FIELDS);
        }
        for (String field : object.propertyNames()) {
            checkType(field, object.get(field));
        }
    }

    private static void checkSkjerming(JsonNode skjerming, boolean screenedMetadataRequired) {
        checkFields("skjerming", skjerming, EntityTypes.SKJERMING_FIELDS);
        for (String required : new String[] {"tilgangsrestriksjon", "skjermingshjemmel", "skjermingMetadata"}) {
            if (!skjerming.has(required) && (screenedMetadataRequired || !required.equals("skjermingMetadata"))) {
                throw new Invalid("skjerming: " + required + " is required");
            }
        }
        checkCode("tilgangsrestriksjon", skjerming.get("tilgangsrestriksjon"));
        if (!skjerming.has("skjermingMetadata")) {
            return;
        }
        JsonNode metadata = skjerming.get("skjermingMetadata");
        if (!metadata.isArray() || metadata.isEmpty()) {
            throw new Invalid("skjerming: skjermingMetadata must be a non-empty list of codes");
        }
        metadata.forEach(code -> checkCode("skjermingMetadata", code));
        if (skjerming.has("skjermingDokument")) {
            checkCode("skjermingDokument", skjerming.get("skjermingDokument"));
        }
    }

    private static void checkFields(String what, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            throw new Invalid(what + " must be an object");
        }
        for (String field : node.propertyNames()) {
            if (!allowed.contains(field)) {
                throw new Invalid(what + ": unknown field '" + field + "'");
            }
        }
    }

    static void checkCode(String list, JsonNode value) {
        checkPair(list, value);
        String problem = CodeLists.check(list, value.path("kode").asString(), value.path("kodenavn").asString());
        if (problem != null) {
            throw new Invalid(problem);
        }
    }

    private static void checkPair(String field, JsonNode value) {
        if (!value.isObject() || !value.path("kode").isString()
                || (value.has("kodenavn") && !value.path("kodenavn").isString())) {
            throw new Invalid(field + " must be an object {\"kode\": ..., \"kodenavn\": ...}");
        }
        for (String key : value.propertyNames()) {
            if (!key.equals("kode") && !key.equals("kodenavn")) {
                throw new Invalid(field + ": unknown field '" + key + "'");
            }
        }
    }

    private static void checkType(String field, JsonNode value) {
        try {
            if (DATE_TIMES.contains(field)) {
                OffsetDateTime.parse(value.asString());
            } else if (INTEGERS.contains(field) && !value.canConvertToInt()) {
                throw new Invalid(field + " must be an integer");
            }
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " must be an ISO 8601 date-time with offset (type datetime)");
        }
    }
}
