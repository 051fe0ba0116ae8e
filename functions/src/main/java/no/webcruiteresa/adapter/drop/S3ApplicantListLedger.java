package no.webcruiteresa.adapter.drop;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import no.webcruiteresa.application.port.ApplicantListLedger;
import no.webcruiteresa.domain.ApplicantListWatch;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The applicant-list check's ledger: one JSON object in the drop bucket (case numbers, deadlines, document ids and
 * drop keys; nothing personal). Lost, it is rebuilt from the bucket's drops on the next run.
 */
public final class S3ApplicantListLedger implements ApplicantListLedger {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final S3Client s3;
    private final String bucket;
    private final String key;

    /** @param key where the ledger lives, e.g. {@code hiring/applicant-lists.json} */
    public S3ApplicantListLedger(S3Client s3, String bucket, String key) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    @Override
    public Map<String, ApplicantListWatch> load() {
        JsonNode root;
        try {
            root = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Map.of();
        }
        Map<String, ApplicantListWatch> watches = new HashMap<>();
        for (JsonNode posting : root.path("postings")) {
            String deadline = posting.path("applicationDeadline").asString("");
            ApplicantListWatch watch = new ApplicantListWatch(posting.path("caseNumber").asString(),
                    deadline.isEmpty() ? null : LocalDate.parse(deadline), strings(posting.path("publicListDocumentIds")),
                    posting.path("publicListArchived").asBoolean(false), strings(posting.path("seenKeys")));
            watches.put(watch.caseNumber(), watch);
        }
        return watches;
    }

    @Override
    public void save(Collection<ApplicantListWatch> watches) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode postings = root.putArray("postings");
        for (ApplicantListWatch watch : watches) {
            ObjectNode posting = postings.addObject().put("caseNumber", watch.caseNumber())
                    .put("applicationDeadline", watch.applicationDeadline() == null ? null
                            : watch.applicationDeadline().toString())
                    .put("publicListArchived", watch.publicListArchived());
            watch.publicListDocumentIds().stream().sorted().forEach(posting.putArray("publicListDocumentIds")::add);
            watch.seenKeys().stream().sorted().forEach(posting.putArray("seenKeys")::add);
        }
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(JSON.writeValueAsBytes(root)));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
