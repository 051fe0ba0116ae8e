package no.webcruiteresa.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's metadata catalogue: the virksomhetsspesifikkeMetadata keys it knows (tjenestegrensesnitt 6.x,
 * "Metadatakatalog") and the format code list. Both grow through their ny- links, as the standard provides.
 */
final class MetadataCatalogue {
    /** vnd-&lt;vendor&gt;-&lt;version&gt;:&lt;field&gt; or a centrally registered &lt;type&gt;-&lt;version&gt;:&lt;field&gt;. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+:[a-z0-9]+");
    private static final Set<String> KEY_TYPES = Set.of("string", "integer", "decimal", "boolean", "date", "datetime");

    private final ObjectMapper json;
    private final Map<String, ObjectNode> keys = new LinkedHashMap<>();
    private final Map<String, String> formats = new LinkedHashMap<>();

    MetadataCatalogue(ObjectMapper json, ServerProfile profile) {
        this.json = json;
        formats.put("fmt/18", "PDF 1.4");
        formats.put("fmt/95", "PDF/A-1a");
        formats.put("fmt/354", "PDF/A-1b");
        if (!profile.formatsMustBeRegistered()) {
            formats.put("fmt/276", "PDF 1.7");
        }
    }

    synchronized List<ObjectNode> keyList() {
        return keys.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> formatList() {
        List<ObjectNode> list = new ArrayList<>();
        formats.forEach((kode, name) -> list.add(json.createObjectNode().put("kode", kode).put("kodenavn", name)));
        return list;
    }

    synchronized ObjectNode registerKey(JsonNode body) {
        String navn = body.path("navn").asString("");
        String type = body.path("type").asString("");
        if (!KEY.matcher(navn).matches()) {
            throw new Validation.Invalid("virksomhetsspesifikkeMetadata: navn '" + navn
                    + "' must look like vnd-<vendor>-<version>:<field> in a-z and 0-9");
        }
        if (!KEY_TYPES.contains(type)) {
            throw new Validation.Invalid("virksomhetsspesifikkeMetadata: type must be one of " + KEY_TYPES);
        }
        if (keys.containsKey(navn)) {
            throw new Validation.Invalid("virksomhetsspesifikkeMetadata: '" + navn + "' is already registered");
        }
        ObjectNode key = json.createObjectNode().put("navn", navn).put("type", type)
                .put("beskrivelse", body.path("beskrivelse").asString(""));
        keys.put(navn, key);
        return key.deepCopy();
    }

    synchronized ObjectNode registerFormat(JsonNode body) {
        for (String field : body.propertyNames()) {
            if (!field.equals("kode") && !field.equals("kodenavn")) {
                throw new Validation.Invalid("format: the following fields are not recognised [" + field + "]");
            }
        }
        String kode = body.path("kode").asString("");
        String name = body.path("kodenavn").asString("");
        if (!kode.matches("(x-)?fmt/[0-9]+") || name.isBlank()) {
            throw new Validation.Invalid("format: kode must be a PRONOM id such as fmt/276, with a kodenavn");
        }
        if (formats.containsKey(kode)) {
            throw new Validation.Invalid("format: '" + kode + "' is already registered");
        }
        formats.put(kode, name);
        return json.createObjectNode().put("kode", kode).put("kodenavn", name);
    }

    synchronized void checkFormat(JsonNode format) {
        String kode = format.path("kode").asString("");
        String expected = formats.get(kode);
        if (expected == null) {
            throw new Validation.Invalid("format: unknown kode '" + kode + "'");
        }
        if (format.has("kodenavn") && !expected.equals(format.path("kodenavn").asString())) {
            throw new Validation.Invalid("format: kodenavn for kode '" + kode + "' must be '" + expected + "'");
        }
    }

    /** Flat keys, each registered, each value of its registered type. */
    synchronized void checkCustomMetadata(JsonNode metadata) {
        if (!metadata.isObject()) {
            throw new Validation.Invalid("virksomhetsspesifikkeMetadata must be an object of registered keys");
        }
        for (String field : metadata.propertyNames()) {
            ObjectNode key = keys.get(field);
            if (key == null) {
                throw new Validation.Invalid("virksomhetsspesifikkeMetadata: '" + field
                        + "' is not in the metadata catalogue");
            }
            JsonNode value = metadata.get(field);
            boolean fits = switch (key.path("type").asString()) {
                case "integer" -> value.canConvertToLong() && value.isIntegralNumber();
                case "decimal" -> value.isNumber();
                case "boolean" -> value.isBoolean();
                default -> value.isString();
            };
            if (!fits) {
                throw new Validation.Invalid("virksomhetsspesifikkeMetadata: '" + field + "' must be of type "
                        + key.path("type").asString());
            }
        }
    }
}
