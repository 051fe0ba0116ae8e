package no.webcruiteresa.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.RetentionStore;
import no.webcruiteresa.application.port.SweepAudit;
import no.webcruiteresa.application.port.SweepJournal;
import no.webcruiteresa.domain.LegalHolds;
import no.webcruiteresa.domain.RetentionLayout;
import no.webcruiteresa.domain.RetentionPolicy;

/**
 * Use case: delete the integration's own copies of personal data once they are older than the retention period,
 * counted from their first arrival; keep what is held; never touch the archive (this use case has no archive
 * port). Walks the bucket a page at a time and saves a checkpoint after each page, so a run that nears its
 * deadline stops and the next one resumes there. Every run leaves an audit record, dry runs too.
 */
public class SweepRetention {
    private static final Logger LOG = Logger.getLogger(SweepRetention.class.getName());

    /** @param pageSize objects listed, and at most deleted, per request (S3 allows up to 1000) */
    public record Settings(RetentionPolicy policy, RetentionLayout layout, int pageSize) {
        public Settings {
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("page size must be 1 to 1000, was " + pageSize);
            }
        }
    }

    private final RetentionStore store;
    private final SweepJournal journal;
    private final Settings settings;
    private final Clock clock;

    public SweepRetention(RetentionStore store, SweepJournal journal, Settings settings, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param dryRun    count what would be deleted, delete nothing, and leave the checkpoint alone
     * @param timeIsUp  asked before each page; true stops the run (it resumes from the checkpoint next time)
     */
    public SweepAudit sweep(boolean dryRun, BooleanSupplier timeIsUp) {
        Instant started = clock.instant();
        String runId = UUID.randomUUID().toString();
        SweepTally tally = new SweepTally();
        RetentionStore.Position position = dryRun ? null : journal.checkpoint().orElse(null);
        boolean resumed = position != null;
        boolean complete = false;
        try {
            PageSweep pages = new PageSweep(store, settings.layout(), settings.policy(),
                    new LegalHolds(journal.heldCases()), started, dryRun, tally);
            while (!timeIsUp.getAsBoolean()) {
                RetentionStore.Page page = store.list(position, settings.pageSize());
                pages.sweep(page.items());
                position = page.next();
                if (position == null) {
                    complete = true;
                    break;
                }
                if (!dryRun) {
                    journal.saveCheckpoint(position);
                }
            }
            if (complete && !dryRun) {
                journal.clearCheckpoint();
            }
        } catch (RuntimeException e) {
            // The audit record is written all the same; the checkpoint of the last whole page stays.
            tally.failed("sweep stopped: " + e.getClass().getSimpleName());
        }
        SweepAudit audit = tally.audit(runId, started, clock.instant(), settings.policy().retention().toString(),
                settings.policy().cutoff(started), dryRun, complete, resumed);
        String location = journal.writeAudit(audit);
        LOG.info(() -> summary(audit, location));
        return audit;
    }

    private static String summary(SweepAudit a, String location) {
        return "retention sweep " + a.runId() + (a.dryRun() ? " (dry run)" : "") + ": "
                + (a.complete() ? "complete" : "stopped, resumes next run") + (a.resumed() ? " (resumed)" : "")
                + "; examined " + a.examined() + ", " + (a.dryRun() ? "would delete " : "deleted ") + a.deleted()
                + ", held " + a.held() + ", kept " + a.kept() + ", failed " + a.failed() + "; first arrival before "
                + a.cutoff() + " (" + a.period() + "); audit record " + location;
    }
}
