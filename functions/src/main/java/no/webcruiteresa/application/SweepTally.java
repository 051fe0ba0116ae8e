package no.webcruiteresa.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.application.port.RetentionStore.StoredVersion;
import no.webcruiteresa.application.port.SweepAudit;
import no.webcruiteresa.domain.RetentionCategory;

/**
 * Counts of one sweep as it goes. Memory does not grow with the bucket: counters per category, and at most
 * {@link #LISTED} held items and errors by key hash (the totals count all of them).
 */
final class SweepTally {
    static final int LISTED = 100;

    private final Map<RetentionCategory, long[]> counts = new EnumMap<>(RetentionCategory.class);
    private final List<SweepAudit.Item> held = new ArrayList<>();
    private final List<SweepAudit.Item> errors = new ArrayList<>();
    private long examined;
    private long noncurrentDeleted;
    private long deleteMarkersDeleted;
    private long leftOut;

    // Slots of each category's counter array.
    private static final int DELETED = 0, DELETED_BYTES = 1, HELD = 2, HELD_BYTES = 3, KEPT = 4, KEPT_BYTES = 5,
            FAILED = 6;

    void examined(int items) {
        examined += items;
    }

    void deleted(RetentionCategory category, StoredVersion item) {
        add(category, DELETED, item.size());
        if (item.deleteMarker()) {
            deleteMarkersDeleted++;
        } else if (!item.current()) {
            noncurrentDeleted++;
        }
    }

    void kept(RetentionCategory category, StoredVersion item) {
        add(category, KEPT, item.size());
    }

    void held(RetentionCategory category, StoredVersion item, String reason) {
        add(category, HELD, item.size());
        list(held, new SweepAudit.Item(sha256(item.key()), category, reason));
    }

    void failed(RetentionCategory category, StoredVersion item, String errorCode) {
        counts.computeIfAbsent(category, c -> new long[7])[FAILED]++;
        list(errors, new SweepAudit.Item(sha256(item.key()), category, errorCode));
    }

    /** An error of the sweep itself (a listing that failed), not of one object. */
    void failed(String errorCode) {
        list(errors, new SweepAudit.Item(null, null, errorCode));
    }

    SweepAudit audit(String runId, Instant startedAt, Instant endedAt, String period, Instant cutoff, boolean dryRun,
                     boolean complete, boolean resumed) {
        Map<RetentionCategory, SweepAudit.Tally> tallies = new EnumMap<>(RetentionCategory.class);
        long[] totals = new long[7];
        for (RetentionCategory category : RetentionCategory.values()) {
            long[] c = counts.getOrDefault(category, new long[7]);
            tallies.put(category, new SweepAudit.Tally(c[DELETED], c[DELETED_BYTES], c[HELD], c[HELD_BYTES], c[KEPT],
                    c[KEPT_BYTES], c[FAILED]));
            for (int i = 0; i < totals.length; i++) {
                totals[i] += c[i];
            }
        }
        return new SweepAudit(runId, startedAt, endedAt, period, cutoff, dryRun, complete, resumed, examined,
                totals[DELETED], totals[HELD], totals[KEPT], totals[FAILED], tallies, noncurrentDeleted,
                deleteMarkersDeleted, held, errors, leftOut);
    }

    private void add(RetentionCategory category, int slot, long bytes) {
        long[] c = counts.computeIfAbsent(category, k -> new long[7]);
        c[slot]++;
        c[slot + 1] += bytes;
    }

    private void list(List<SweepAudit.Item> items, SweepAudit.Item item) {
        if (items.size() < LISTED) {
            items.add(item);
        } else {
            leftOut++;
        }
    }

    /** Keys name files and folders that may name a person; the audit record keeps only their hash. */
    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
