package no.webcruiteresa.localstack;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import no.webcruiteresa.adapter.drop.S3RetentionStore;
import no.webcruiteresa.adapter.drop.S3SweepJournal;
import no.webcruiteresa.application.SweepRetention;
import no.webcruiteresa.application.port.SweepAudit;
import no.webcruiteresa.domain.RetentionLayout;
import no.webcruiteresa.domain.RetentionPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A fresh drop bucket and the retention sweep on it, run at whatever time a test moves the clock to. */
final class RetentionFixture implements AutoCloseable {
    static final RetentionPolicy TWELVE_MONTHS = new RetentionPolicy(java.time.Period.ofMonths(12));
    static final RetentionLayout LAYOUT = new RetentionLayout("quarantine/", List.of("locks/", "retention/"));

    final S3Client s3;
    final String bucket = "drop-" + UUID.randomUUID().toString().substring(0, 8);
    final S3SweepJournal journal;
    private final S3RetentionStore store;
    private final int pageSize;

    RetentionFixture(S3Client s3, int pageSize) {
        this.s3 = s3;
        this.pageSize = pageSize;
        s3.createBucket(r -> r.bucket(bucket));
        this.journal = new S3SweepJournal(s3, bucket, "retention/");
        this.store = new S3RetentionStore(s3, bucket, 4);
    }

    void put(String key) {
        put(key, Map.of());
    }

    void put(String key, Map<String, String> metadata) {
        s3.putObject(r -> r.bucket(bucket).key(key).metadata(metadata).contentType("application/pdf"),
                RequestBody.fromString("%PDF-1.7 " + key));
    }

    SweepAudit sweepAt(Instant now) {
        return sweepAt(now, false, () -> false);
    }

    SweepAudit sweepAt(Instant now, boolean dryRun, BooleanSupplier timeIsUp) {
        SweepRetention sweep = new SweepRetention(store, journal,
                new SweepRetention.Settings(TWELVE_MONTHS, LAYOUT, pageSize), Clock.fixed(now, ZoneOffset.UTC));
        return sweep.sweep(dryRun, timeIsUp);
    }

    List<String> keys() {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    /** Keys apart from the sweep's own records. */
    List<String> dataKeys() {
        return keys().stream().filter(k -> !k.startsWith("retention/")).toList();
    }

    Map<String, String> metadata(String key) {
        return s3.headObject(r -> r.bucket(bucket).key(key)).metadata();
    }

    @Override
    public void close() {
        store.close();
    }
}
