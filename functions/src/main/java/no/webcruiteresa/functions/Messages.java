package no.webcruiteresa.functions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchivedNotice;
import no.webcruiteresa.domain.InvalidDropException;
import no.webcruiteresa.domain.Posting;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads the queue message bodies the functions take: S3 notifications, "posting published", archived notices. */
final class Messages {
    private static final Logger LOG = Logger.getLogger(Messages.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Messages() {
    }

    /** The object keys an S3 notification announces as created. S3's test event announces none. */
    static List<String> createdKeys(String body, String bucket) {
        JsonNode root = tree(body, "S3 event notification");
        if ("s3:TestEvent".equals(root.path("Event").asString(""))) {
            LOG.info("ignoring s3:TestEvent");
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode record : root.path("Records")) {
            String eventName = record.path("eventName").asString("");
            String eventBucket = record.path("s3").path("bucket").path("name").asString("");
            if (!eventName.startsWith("ObjectCreated:") || !bucket.equals(eventBucket)) {
                LOG.info(() -> "ignoring " + eventName + " on bucket " + eventBucket);
                continue;
            }
            // S3 URL-encodes keys in notifications, with '+' for space.
            keys.add(URLDecoder.decode(record.path("s3").path("object").path("key").asString(""),
                    StandardCharsets.UTF_8));
        }
        return keys;
    }

    static Posting postingPublished(String body) {
        JsonNode root = tree(body, "posting published message");
        String deadline = root.path("applicationDeadline").asString("");
        return new Posting(text(root, "caseNumber"), text(root, "title"), text(root, "organisationalUnit"),
                deadline.isBlank() ? null : LocalDate.parse(deadline), root.path("positionCategory").asString(""));
    }

    static ArchivedNotice archivedNotice(String body) {
        JsonNode root = tree(body, "archived notice");
        return new ArchivedNotice(text(root, "xmlKey"), text(root, "documentId"), root.path("entryId").asString(""));
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        if (!value.isString() && !value.isNumber()) {
            throw new InvalidDropException(field, "is required in the message");
        }
        return value.asString();
    }

    private static JsonNode tree(String body, String what) {
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            if (root == null || !root.isObject()) {
                throw new InvalidDropException("body", "a " + what + " must be a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            // Jackson's own message quotes the text it could not read, which may be a name: only where it stopped.
            var at = e.getLocation();
            throw new InvalidDropException("body", "a " + what + " must be JSON"
                    + (at == null ? "" : " (unreadable at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }
}
