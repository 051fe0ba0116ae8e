package no.webcruiteresa.adapter.drop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.webcruiteresa.application.port.RetentionStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * The drop bucket as the retention sweep sees it. A bucket that has (or had) versioning is listed by version, so
 * noncurrent versions and delete markers are found and deleted by version id; one that never had it is listed
 * by key. Per-object lookups (HEAD for the first arrival, tags for a hold) run on a few threads, because S3
 * answers each in milliseconds and has no batch form of them.
 */
public class S3RetentionStore implements RetentionStore {
    /** An object tag a person sets to keep an object past its retention period: {@code legal-hold=true}. */
    public static final String HOLD_TAG = "legal-hold";

    private final S3Client s3;
    private final String bucket;
    private final S3Lookups lookups;
    private Boolean versioned;

    /** @param lookupThreads parallel HEAD and tag requests; they are I/O, not CPU */
    public S3RetentionStore(S3Client s3, String bucket, int lookupThreads) {
        this.s3 = s3;
        this.bucket = bucket;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, lookupThreads), runnable -> {
            Thread thread = new Thread(runnable, "retention-lookup");
            thread.setDaemon(true);
            return thread;
        });
        this.lookups = new S3Lookups(pool);
    }

    @Override
    public Page list(Position after, int size) {
        return versioned() ? listVersions(after, size) : listObjects(after, size);
    }

    private Page listObjects(Position after, int size) {
        ListObjectsV2Response response = s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(size)
                .startAfter(after == null ? null : after.key()));
        List<StoredVersion> items = response.contents().stream().map(o -> new StoredVersion(o.key(), null,
                o.size(), o.lastModified(), false, true)).toList();
        boolean more = Boolean.TRUE.equals(response.isTruncated()) && !items.isEmpty();
        return new Page(items, more ? new Position(items.get(items.size() - 1).key(), null) : null);
    }

    /**
     * Lists versions and delete markers. A truncated page ends with whatever key was cut; its versions are left
     * for the next page (continuing after the previous key), so a resumed listing never starts at a version
     * id this sweep has just deleted.
     */
    private Page listVersions(Position after, int size) {
        Page page = listVersions(after, size, false);
        // One key with more versions than the page holds: ask for a full page before resorting to a version id.
        return page != null ? page : listVersions(after, 1000, true);
    }

    /** Null when a single key filled a truncated page and {@code orByVersionId} is false. */
    private Page listVersions(Position after, int size, boolean orByVersionId) {
        ListObjectVersionsResponse response = s3.listObjectVersions(r -> r.bucket(bucket).maxKeys(size)
                .keyMarker(after == null ? null : after.key())
                .versionIdMarker(after == null ? null : after.versionId()));
        List<StoredVersion> items = new ArrayList<>();
        response.versions().forEach(v -> items.add(new StoredVersion(v.key(), v.versionId(), v.size(),
                v.lastModified(), false, Boolean.TRUE.equals(v.isLatest()))));
        response.deleteMarkers().forEach(m -> items.add(new StoredVersion(m.key(), m.versionId(), 0,
                m.lastModified(), true, Boolean.TRUE.equals(m.isLatest()))));
        items.sort(Comparator.comparing(StoredVersion::key));
        if (!Boolean.TRUE.equals(response.isTruncated()) || items.isEmpty()) {
            return new Page(items, null);
        }
        String cut = items.get(items.size() - 1).key();
        List<StoredVersion> whole = items.stream().filter(i -> !i.key().equals(cut)).toList();
        if (whole.isEmpty()) {
            // Over 1000 versions of one key: continue by version id, as S3 says.
            return orByVersionId ? new Page(items, new Position(response.nextKeyMarker(),
                    response.nextVersionIdMarker())) : null;
        }
        return new Page(whole, new Position(whole.get(whole.size() - 1).key(), null));
    }

    @Override
    public Lookup<Instant> firstArrivals(List<StoredVersion> items) {
        return lookups.each(items, item -> {
            var head = s3.headObject(r -> r.bucket(bucket).key(item.key()).versionId(version(item)));
            return FirstArrival.of(head.metadata(), head.lastModified());
        });
    }

    @Override
    public Lookup<Boolean> holdTags(List<StoredVersion> items) {
        return lookups.each(items, item -> s3.getObjectTagging(r -> r.bucket(bucket).key(item.key())
                        .versionId(version(item))).tagSet().stream()
                .anyMatch(tag -> tag.key().equalsIgnoreCase(HOLD_TAG) && !tag.value().equalsIgnoreCase("false")));
    }

    @Override
    public Map<StoredVersion, String> delete(List<StoredVersion> items) {
        if (items.size() > 1000) {
            throw new IllegalArgumentException("S3 deletes at most 1000 objects per request");
        }
        Map<StoredVersion, String> failures = new HashMap<>();
        if (items.isEmpty()) {
            return failures;
        }
        List<ObjectIdentifier> ids = items.stream().map(i -> ObjectIdentifier.builder().key(i.key())
                .versionId(i.versionId()).build()).toList();
        try {
            List<S3Error> errors = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(ids).quiet(true)))
                    .errors();
            for (S3Error error : errors) {
                items.stream().filter(i -> i.key().equals(error.key())
                                && (error.versionId() == null || Objects.equals(error.versionId(), i.versionId())))
                        .forEach(i -> failures.put(i, Objects.requireNonNullElse(error.code(), "DeleteFailed")));
            }
        } catch (RuntimeException e) {
            items.forEach(i -> failures.put(i, S3Lookups.errorCode(e)));
        }
        return failures;
    }

    /** Null in a bucket without versions; "null" names an object stored before versioning was turned on. */
    private static String version(StoredVersion item) {
        return item.versionId();
    }

    private synchronized boolean versioned() {
        if (versioned == null) {
            BucketVersioningStatus status = s3.getBucketVersioning(r -> r.bucket(bucket)).status();
            // Suspended still keeps the versions made while it was enabled.
            versioned = status == BucketVersioningStatus.ENABLED || status == BucketVersioningStatus.SUSPENDED;
        }
        return versioned;
    }

    /** Shuts the lookup threads down; for tests and tools that make many stores. */
    public void close() {
        lookups.close();
    }
}
