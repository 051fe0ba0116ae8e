package no.webcruiteresa.adapter.drop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import no.webcruiteresa.application.LogText;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.application.port.Quarantine;
import no.webcruiteresa.application.port.QuarantineReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The quarantine as a prefix of the drop bucket: {@code quarantine/<original key>} for each moved object and
 * {@code quarantine/<xml key>.report.json} beside them. Objects are copied first, the report written, and only
 * then the originals deleted, so a crash at any point loses nothing.
 */
public class DropStoreQuarantine implements Quarantine {
    private static final Logger LOG = Logger.getLogger(DropStoreQuarantine.class.getName());
    private static final String REPORT_SUFFIX = ".report.json";
    private static final String BODY_SUFFIX = ".body";

    private final DropStore store;
    private final String prefix;
    private final ObjectMapper json = JsonMapper.builder().build();

    public DropStoreQuarantine(DropStore store, String prefix) {
        this.store = store;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public void quarantineDrop(String xmlKey, List<String> fileKeys, QuarantineReport report) {
        List<String> objects = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        // A repeat after a crash finds some objects already moved: they still belong in the report.
        for (String key : fileKeys) {
            (exists(key) || exists(prefix + key) ? objects : missing).add(key);
        }
        if (exists(xmlKey) || exists(prefix + xmlKey)) {
            objects.add(xmlKey);
        }
        for (String key : objects) {
            if (exists(key)) {
                store.copy(key, prefix + key);
            }
        }
        // The drop's first arrival, not the XML's last copy: retention counts from it (a redriven drop was copied).
        Instant firstSeen = store.describe(xmlKey).or(() -> store.describe(prefix + xmlKey))
                .map(DropStore.StoredObject::firstArrival).orElse(report.firstSeen());
        write(new QuarantineReport(report.key(), report.field(), report.rule(), firstSeen,
                report.quarantinedAt(), report.attempts(), objects, missing));
        // The XML goes last: while it is in the drop area, a repeat of its message finishes the move.
        for (String key : objects) {
            store.delete(key);
        }
        LOG.warning(() -> "quarantined " + LogText.key(xmlKey) + " (" + objects.size() + " objects, " + missing.size()
                + " missing): " + report.field() + ": " + report.rule());
    }

    @Override
    public void adopt(String xmlKey, String fileKey) {
        QuarantineReport report = report(xmlKey).orElseThrow(() ->
                new IllegalArgumentException("nothing is quarantined as " + LogText.key(xmlKey)));
        if (exists(fileKey)) {
            store.copy(fileKey, prefix + fileKey);
        }
        List<String> objects = new ArrayList<>(report.objects());
        if (!objects.contains(fileKey)) {
            objects.add(0, fileKey);
        }
        List<String> missing = report.missing().stream().filter(key -> !key.equals(fileKey)).toList();
        write(new QuarantineReport(report.key(), report.field(), report.rule(), report.firstSeen(),
                report.quarantinedAt(), report.attempts(), objects, missing));
        store.delete(fileKey);
        // The key of the drop only: a file name may carry a name.
        LOG.warning(() -> "moved a late file beside its quarantined drop " + LogText.key(xmlKey) + " (" + objects.size()
                + " objects, " + missing.size() + " still missing)");
    }

    private boolean exists(String key) {
        return store.size(key).isPresent();
    }

    private void write(QuarantineReport report) {
        store.write(prefix + report.key() + REPORT_SUFFIX, json.writeValueAsBytes(toJson(report)), "application/json",
                report.firstSeen());
    }

    /**
     * The body is parked as its own object ({@code messages/<source>/<message id>.body}) and the report holds only
     * its key, size and SHA-256: a report is read by people and tools, the body may be anything a sender wrote. Both
     * carry the message's first arrival, so the retention sweep deletes them together.
     */
    @Override
    public void quarantineMessage(String source, String messageId, String body, QuarantineReport report) {
        String parked = prefix + "messages/" + source + "/" + messageId;
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        store.write(parked + BODY_SUFFIX, bytes, "application/octet-stream", report.firstSeen());
        ObjectNode document = toJson(report);
        document.put("source", source).put("messageId", messageId).put("bodyKey", parked + BODY_SUFFIX)
                .put("bodySize", bytes.length).put("bodySha256", sha256(bytes));
        store.write(parked + REPORT_SUFFIX, json.writeValueAsBytes(document), "application/json", report.firstSeen());
        LOG.warning(() -> "quarantined message " + messageId + " of " + source + ": " + report.field() + ": "
                + report.rule());
    }

    @Override
    public boolean isQuarantined(String key) {
        return key.startsWith(prefix);
    }

    @Override
    public List<QuarantineReport> reports() {
        List<QuarantineReport> reports = new ArrayList<>();
        for (DropStore.StoredObject object : store.list(prefix)) {
            if (object.key().endsWith(REPORT_SUFFIX)) {
                store.read(object.key(), 1 << 20).map(this::fromJson).ifPresent(reports::add);
            }
        }
        reports.sort(Comparator.comparing(QuarantineReport::key));
        return reports;
    }

    @Override
    public Optional<QuarantineReport> report(String xmlKey) {
        return store.read(prefix + xmlKey + REPORT_SUFFIX, 1 << 20).map(this::fromJson);
    }

    @Override
    public int release(String xmlKey) {
        QuarantineReport report = report(xmlKey).orElseThrow(() ->
                new IllegalArgumentException("nothing is quarantined as " + LogText.key(xmlKey)));
        List<String> objects = new ArrayList<>(report.objects());
        // The XML goes back last: its arrival is what announces the drop again.
        objects.sort(Comparator.comparing((String key) -> key.equals(xmlKey)));
        for (String key : objects) {
            if (store.size(prefix + key).isPresent()) {
                store.copy(prefix + key, key);
            }
        }
        for (String key : objects) {
            store.delete(prefix + key);
        }
        store.delete(prefix + xmlKey + REPORT_SUFFIX);
        LOG.info(() -> "released " + LogText.key(xmlKey) + " from quarantine (" + objects.size() + " objects)");
        return objects.size();
    }

    private ObjectNode toJson(QuarantineReport report) {
        ObjectNode node = json.createObjectNode().put("key", report.key()).put("field", report.field())
                .put("rule", report.rule()).put("firstSeen", String.valueOf(report.firstSeen()))
                .put("quarantinedAt", String.valueOf(report.quarantinedAt())).put("attempts", report.attempts());
        report.objects().forEach(node.putArray("objects")::add);
        report.missing().forEach(node.putArray("missing")::add);
        return node;
    }

    private QuarantineReport fromJson(byte[] bytes) {
        JsonNode node = json.readTree(bytes);
        List<String> objects = new ArrayList<>();
        node.path("objects").forEach(o -> objects.add(o.asString()));
        List<String> missing = new ArrayList<>();
        node.path("missing").forEach(o -> missing.add(o.asString()));
        return new QuarantineReport(node.path("key").asString(), node.path("field").asString(),
                node.path("rule").asString(), instant(node.path("firstSeen").asString()),
                instant(node.path("quarantinedAt").asString()), node.path("attempts").asInt(), objects, missing);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(String value) {
        return value == null || value.isBlank() || value.equals("null") ? null : Instant.parse(value);
    }
}
