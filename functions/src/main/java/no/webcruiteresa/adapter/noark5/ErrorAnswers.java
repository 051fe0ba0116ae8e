package no.webcruiteresa.adapter.noark5;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An archive's error answer as it may be logged: a server may echo the values it refused (a name, an address), so
 * only its shape is kept. Numbers, booleans and error codes stay; every other text is withheld, except the field
 * names in it that the request itself sent or that the answer uses as keys (the client learns refused optional fields
 * from them).
 */
final class ErrorAnswers {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Keys whose values are codes, not prose. */
    private static final Set<String> CODE_KEYS = Set.of("status", "code", "error", "errorcode", "error_code",
            "feilkode", "kode", "type");
    /** A code: one word in one case, as servers write them (BAD_REQUEST, invalid_grant, 400). */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_.:-]{1,60}|[a-z0-9_.:-]{1,60}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_.]+");
    /** A key as servers name fields (lowerCamel, snake): kept. Anything else may be an echoed value used as a key. */
    private static final Pattern FIELD_KEY = Pattern.compile("[a-z][A-Za-z0-9_.:-]{0,60}");
    private static final int MAX_CHARS = 500;

    private ErrorAnswers() {
    }

    /** The field names of a request body: every key at any depth. */
    static Set<String> fieldNames(JsonNode body) {
        Set<String> names = new LinkedHashSet<>();
        collectKeys(body, names);
        return names;
    }

    static String summary(byte[] body, Set<String> sentFields) {
        if (body == null || body.length == 0) {
            return "(no body)";
        }
        Set<String> vocabulary = new LinkedHashSet<>(sentFields);
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException e) {
            answer = null;
        }
        if (answer == null || !(answer.isObject() || answer.isArray())) {
            return withheld(new String(body, StandardCharsets.UTF_8), vocabulary, body.length + " bytes of text");
        }
        collectFieldKeys(answer, vocabulary);
        String shape = JSON.writeValueAsString(shape(answer, null, vocabulary));
        return shape.length() <= MAX_CHARS ? shape : shape.substring(0, MAX_CHARS) + "…";
    }

    private static JsonNode shape(JsonNode node, String key, Set<String> vocabulary) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = vocabulary.contains(field.getKey()) ? field.getKey() : "(key withheld)";
                copy.set(name, shape(field.getValue(), field.getKey(), vocabulary));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(member -> copy.add(shape(member, key, vocabulary)));
            return copy;
        }
        if (!node.isString()) {
            return node;
        }
        String text = node.asString();
        if (key != null && CODE_KEYS.contains(key.toLowerCase(java.util.Locale.ROOT)) && CODE.matcher(text).matches()) {
            return node;
        }
        return JSON.getNodeFactory().stringNode(withheld(text, vocabulary, "text"));
    }

    private static String withheld(String text, Set<String> vocabulary, String what) {
        Set<String> named = new LinkedHashSet<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (vocabulary.contains(word.group())) {
                named.add(word.group());
            }
            // "korrespondansepart.navn": the last part is the field.
            String last = word.group().substring(word.group().lastIndexOf('.') + 1);
            if (vocabulary.contains(last)) {
                named.add(last);
            }
        }
        return "(" + what + " withheld" + (named.isEmpty() ? "" : "; names " + String.join(", ", named)) + ")";
    }

    private static void collectFieldKeys(JsonNode node, Set<String> keys) {
        Set<String> all = new LinkedHashSet<>();
        collectKeys(node, all);
        all.stream().filter(key -> FIELD_KEY.matcher(key).matches()).forEach(keys::add);
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                keys.add(field.getKey());
                collectKeys(field.getValue(), keys);
            }
        } else if (node.isArray()) {
            node.forEach(member -> collectKeys(member, keys));
        }
    }
}
