package no.webcruiteresa.application;

import java.time.Clock;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.domain.RetentionPolicy;

/**
 * Use case: delete the integration's own copies of personal data in the drop area once they are older
 * than the retention period. The archive is never touched.
 */
public class SweepRetention {
    private static final Logger LOG = Logger.getLogger(SweepRetention.class.getName());

    private final DropStore store;
    private final RetentionPolicy policy;
    private final Clock clock;

    public SweepRetention(DropStore store, RetentionPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    public SweepReport sweep() {
        var now = clock.instant();
        int examined = 0;
        int deleted = 0;
        for (DropStore.StoredObject object : store.list("")) {
            examined++;
            if (policy.expired(object.lastModified(), now)) {
                store.delete(object.key());
                deleted++;
            }
        }
        SweepReport report = new SweepReport(examined, deleted, policy.cutoff(now).toString());
        LOG.info(() -> "retention sweep: examined " + report.examined() + ", deleted " + report.deleted()
                + " older than " + report.cutoff());
        return report;
    }

    /** Counts only: the sweep's result is logged and returned, never the keys' contents. */
    public record SweepReport(int examined, int deleted, String cutoff) {
    }
}
