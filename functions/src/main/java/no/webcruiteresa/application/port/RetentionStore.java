package no.webcruiteresa.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the retention sweep sees of the drop bucket: every stored version (in a versioned bucket also noncurrent
 * versions and delete markers), page by page, and the few facts it needs to decide each one's fate.
 */
public interface RetentionStore {
    /**
     * Up to {@code size} stored versions after {@code after} ({@code null}: from the start), in key order, and the
     * position to continue from ({@code null} when the listing is done). A page never splits one key's versions.
     */
    Page list(Position after, int size);

    /**
     * When each item first reached the integration: the time it carries from its first arrival, or its last
     * modification when it never was copied. Items that are gone meanwhile are in neither map.
     */
    Lookup<Instant> firstArrivals(List<StoredVersion> items);

    /** Whether a person tagged each item for legal hold. Items that are gone meanwhile are in neither map. */
    Lookup<Boolean> holdTags(List<StoredVersion> items);

    /**
     * Deletes each item for good: the version itself, so no noncurrent copy or delete marker is left of it. At most
     * 1000 items; returns the ones that could not be deleted with an error code (never a message that could echo a
     * key), the rest are gone.
     */
    Map<StoredVersion, String> delete(List<StoredVersion> items);

    /**
     * @param versionId     null in a bucket that never had versioning
     * @param deleteMarker  a versioned bucket's marker of a deleted object: no data, no size
     * @param current       false for a noncurrent version
     */
    record StoredVersion(String key, String versionId, long size, Instant lastModified, boolean deleteMarker,
                         boolean current) {
    }

    /** Where a listing continues: after this key (and, for a key with more versions than a page, this version). */
    record Position(String key, String versionId) {
    }

    record Page(List<StoredVersion> items, Position next) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** @param failed error codes of items whose lookup failed; they are reported and tried again next run */
    record Lookup<T>(Map<StoredVersion, T> found, Map<StoredVersion, String> failed) {
    }
}
