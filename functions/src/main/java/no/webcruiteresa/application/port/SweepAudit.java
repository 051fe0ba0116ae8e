package no.webcruiteresa.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.domain.RetentionCategory;

/**
 * The audit record of one retention sweep: what it deleted, kept and held, per category, in counts, bytes and
 * SHA-256 hashes of keys. It holds no key, name or content, so it can be kept as long as the archivist wants.
 *
 * @param complete     false when the sweep stopped before its deadline; the next run resumes where it stopped
 * @param resumed      this run continued from an earlier run's checkpoint
 * @param examined     every stored version listed, including ones the sweep never deletes
 * @param itemsLeftOut held items and errors beyond the ones listed here (their counts are in the totals)
 */
public record SweepAudit(String runId, Instant startedAt, Instant endedAt, String period, Instant cutoff,
                         boolean dryRun, boolean complete, boolean resumed, long examined, long deleted, long held,
                         long kept, long failed, Map<RetentionCategory, Tally> categories,
                         long noncurrentVersionsDeleted, long deleteMarkersDeleted, List<Item> heldItems,
                         List<Item> errors, long itemsLeftOut) {
    public SweepAudit {
        categories = Map.copyOf(categories);
        heldItems = List.copyOf(heldItems);
        errors = List.copyOf(errors);
    }

    /** In a dry run, "deleted" counts what would have been deleted. "kept" is data not yet old enough. */
    public record Tally(long deleted, long deletedBytes, long held, long heldBytes, long kept, long keptBytes,
                        long failed) {
    }

    /** @param reason a hold reason or an error code */
    public record Item(String keySha256, RetentionCategory category, String reason) {
    }
}
