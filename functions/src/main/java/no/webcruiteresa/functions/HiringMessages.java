package no.webcruiteresa.functions;

import java.util.ArrayList;
import java.util.List;
import no.webcruiteresa.domain.Hire;
import no.webcruiteresa.domain.InvalidDropException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads the hiring messages: "candidate hired" (docs/schemas/candidate-hired.schema.json). */
final class HiringMessages {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private HiringMessages() {
    }

    static Hire candidateHired(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            // Never Jackson's message: it quotes the text it could not read.
            var at = e.getLocation();
            throw new InvalidDropException("body", "a candidate hired message must be JSON"
                    + (at == null ? "" : " (unreadable at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDropException("body", "a candidate hired message must be a JSON object");
        }
        if (root.has("type") && !"CandidateHired".equals(root.path("type").asString(""))) {
            throw new InvalidDropException("type", "must be CandidateHired");
        }
        List<String> attachments = new ArrayList<>();
        JsonNode list = root.path("attachmentDocumentIds");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw new InvalidDropException("attachmentDocumentIds", "must be a list of document ids");
            }
            list.forEach(id -> attachments.add(id.isString() ? id.asString() : null));
        }
        return new Hire(text(root, "caseNumber"), text(root, "applicantId"), text(root, "employeeId"),
                text(root, "applicationDocumentId"), attachments);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        if (!value.isString() && !value.isNumber()) {
            throw new InvalidDropException(field, "is required in the message");
        }
        return value.asString();
    }
}
