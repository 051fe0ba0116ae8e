package no.webcruiteresa.adapter.drop;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.webcruiteresa.application.port.RetentionStore.Position;
import no.webcruiteresa.application.port.SweepAudit;
import no.webcruiteresa.application.port.SweepJournal;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sweep's records under one prefix of the drop bucket that the sweep never deletes from:
 * {@code <prefix>audit/<yyyy-MM-dd>/<start>-<run id>.json} for every run, {@code <prefix>checkpoint.json} while a
 * sweep is unfinished, and {@code <prefix>legal-hold.txt}, the hold list people edit (one WebCruiter case number
 * per line, {@code #} starts a comment).
 */
public class S3SweepJournal implements SweepJournal {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final ObjectMapper json = JsonMapper.builder().build();

    public S3SweepJournal(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    public String holdListKey() {
        return prefix + "legal-hold.txt";
    }

    public String checkpointKey() {
        return prefix + "checkpoint.json";
    }

    public String auditPrefix() {
        return prefix + "audit/";
    }

    @Override
    public Optional<Position> checkpoint() {
        return read(checkpointKey()).map(bytes -> {
            JsonNode node = json.readTree(bytes);
            String versionId = node.path("versionId").isNull() ? null : node.path("versionId").asString(null);
            return new Position(node.path("key").asString(), versionId);
        });
    }

    /** The checkpoint names one key (the last one the sweep finished); it is removed when a sweep completes. */
    @Override
    public void saveCheckpoint(Position after) {
        var node = json.createObjectNode().put("key", after.key()).put("versionId", after.versionId());
        put(checkpointKey(), json.writeValueAsBytes(node));
    }

    /** In a versioned bucket every saved checkpoint left a version naming a key: all of them go. */
    @Override
    public void clearCheckpoint() {
        s3.deleteObject(r -> r.bucket(bucket).key(checkpointKey()));
        var versions = s3.listObjectVersions(r -> r.bucket(bucket).prefix(checkpointKey()));
        List<ObjectIdentifier> ids = new ArrayList<>();
        versions.versions().stream().filter(v -> v.key().equals(checkpointKey()) && isVersion(v.versionId()))
                .forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
        versions.deleteMarkers().stream().filter(m -> m.key().equals(checkpointKey()) && isVersion(m.versionId()))
                .forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
        for (int from = 0; from < ids.size(); from += 1000) {
            List<ObjectIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + 1000));
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
    }

    private static boolean isVersion(String versionId) {
        return versionId != null && !versionId.equals("null");
    }

    @Override
    public String writeAudit(SweepAudit audit) {
        String key = auditPrefix() + DAY.format(audit.startedAt()) + "/"
                + audit.startedAt().toString().replace(':', '-') + "-" + audit.runId() + ".json";
        put(key, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(audit));
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public Set<String> heldCases() {
        return read(holdListKey()).map(bytes -> Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\n"))
                .map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    private Optional<byte[]> read(String key) {
        return S3Missing.unlessMissing(() -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
    }

    private void put(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(bytes));
    }
}
