package no.webcruiteresa.functions;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import no.webcruiteresa.domain.InvalidDropException;
import no.webcruiteresa.domain.PostingClosed;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the case lifecycle's queue messages (docs/schemas/posting-closed.schema.json). */
final class LifecycleMessages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LifecycleMessages() {
    }

    /** {"type":"PostingClosed","caseNumber":"240117","closedAt":"2027-02-01T12:00:00+01:00"} */
    static PostingClosed postingClosed(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            // Jackson's message quotes the input: say only where it stopped.
            var at = e.getLocation();
            throw new InvalidDropException("body", "a posting closed message must be JSON"
                    + (at == null ? "" : " (unreadable at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDropException("body", "a posting closed message must be a JSON object");
        }
        String type = root.path("type").asString("");
        if (!type.isEmpty() && !type.equals("PostingClosed")) {
            throw new InvalidDropException("type", "must be PostingClosed");
        }
        JsonNode caseNumber = root.path("caseNumber");
        if (!caseNumber.isString() && !caseNumber.isNumber()) {
            throw new InvalidDropException("caseNumber", "is required in the message");
        }
        String closedAt = root.path("closedAt").asString("");
        if (closedAt.isBlank()) {
            throw new InvalidDropException("closedAt", "is required in the message");
        }
        try {
            return new PostingClosed(caseNumber.asString(), OffsetDateTime.parse(closedAt).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidDropException("closedAt", "must be an ISO-8601 date-time with offset");
        }
    }
}
