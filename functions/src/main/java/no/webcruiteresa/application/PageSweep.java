package no.webcruiteresa.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.webcruiteresa.application.port.RetentionStore;
import no.webcruiteresa.application.port.RetentionStore.StoredVersion;
import no.webcruiteresa.domain.LegalHolds;
import no.webcruiteresa.domain.RetentionCategory;
import no.webcruiteresa.domain.RetentionLayout;
import no.webcruiteresa.domain.RetentionPolicy;

/**
 * One page of the sweep: decides each stored version's fate and deletes the expired ones in one batch. Asks the
 * store only what the listing cannot tell: the first arrival of what looks young (a copy resets its
 * modification time, never its first arrival), and the hold tag of what is about to go.
 */
final class PageSweep {
    private final RetentionStore store;
    private final RetentionLayout layout;
    private final RetentionPolicy policy;
    private final LegalHolds holds;
    private final Instant now;
    private final boolean dryRun;
    private final SweepTally tally;

    PageSweep(RetentionStore store, RetentionLayout layout, RetentionPolicy policy, LegalHolds holds, Instant now,
              boolean dryRun, SweepTally tally) {
        this.store = store;
        this.layout = layout;
        this.policy = policy;
        this.holds = holds;
        this.now = now;
        this.dryRun = dryRun;
        this.tally = tally;
    }

    void sweep(List<StoredVersion> items) {
        tally.examined(items.size());
        List<StoredVersion> ours = items.stream().filter(i -> layout.categoryOf(i.key()).isPresent()).toList();
        List<StoredVersion> expired = expired(ours);
        List<StoredVersion> notHeldByCase = new ArrayList<>();
        for (StoredVersion item : expired) {
            Optional<LegalHolds.HoldReason> reason = holds.reason(layout.caseNumberOf(item.key()), false);
            if (reason.isPresent()) {
                tally.held(category(item), item, reason.get().name());
            } else {
                notHeldByCase.add(item);
            }
        }
        // Delete markers carry no data and no tags.
        RetentionStore.Lookup<Boolean> tags = store.holdTags(notHeldByCase.stream()
                .filter(i -> !i.deleteMarker()).toList());
        List<StoredVersion> doomed = new ArrayList<>();
        for (StoredVersion item : notHeldByCase) {
            if (tags.failed().containsKey(item)) {
                tally.failed(category(item), item, tags.failed().get(item));
            } else if (Boolean.TRUE.equals(tags.found().get(item))) {
                tally.held(category(item), item, LegalHolds.HoldReason.OBJECT_TAG.name());
            } else if (item.deleteMarker() || tags.found().containsKey(item)) {
                doomed.add(item);
            }
        }
        delete(doomed);
    }

    /** The expired items; counts the young ones as kept and failed lookups as errors. */
    private List<StoredVersion> expired(List<StoredVersion> ours) {
        List<StoredVersion> expired = new ArrayList<>();
        List<StoredVersion> youngLooking = new ArrayList<>();
        for (StoredVersion item : ours) {
            // First arrival is never later than the last modification, so an old modification settles it.
            if (policy.expired(item.lastModified(), now)) {
                expired.add(item);
            } else if (item.deleteMarker()) {
                tally.kept(category(item), item);
            } else {
                youngLooking.add(item);
            }
        }
        RetentionStore.Lookup<Instant> arrivals = store.firstArrivals(youngLooking);
        for (StoredVersion item : youngLooking) {
            Instant firstArrival = arrivals.found().get(item);
            if (arrivals.failed().containsKey(item)) {
                tally.failed(category(item), item, arrivals.failed().get(item));
            } else if (firstArrival != null && policy.expired(firstArrival, now)) {
                expired.add(item);
            } else if (firstArrival != null) {
                tally.kept(category(item), item);
            }
        }
        return expired;
    }

    private void delete(List<StoredVersion> doomed) {
        Map<StoredVersion, String> failures = dryRun || doomed.isEmpty() ? Map.of() : store.delete(doomed);
        for (StoredVersion item : doomed) {
            if (failures.containsKey(item)) {
                tally.failed(category(item), item, failures.get(item));
            } else {
                tally.deleted(category(item), item);
            }
        }
    }

    private RetentionCategory category(StoredVersion item) {
        return layout.categoryOf(item.key()).orElseThrow();
    }
}
