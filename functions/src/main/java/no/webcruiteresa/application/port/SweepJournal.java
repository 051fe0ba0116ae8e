package no.webcruiteresa.application.port;

import java.util.Optional;
import java.util.Set;

/**
 * The retention sweep's own records, kept where it never deletes: the checkpoint a sweep stopped by its deadline
 * resumes from, the audit record of every run, and the legal-hold list of WebCruiter case numbers.
 */
public interface SweepJournal {
    Optional<RetentionStore.Position> checkpoint();

    void saveCheckpoint(RetentionStore.Position after);

    void clearCheckpoint();

    /** Stores the run's audit record and returns where it is. */
    String writeAudit(SweepAudit audit);

    /** WebCruiter case numbers whose data must be kept however old it is (an appeal, a complaint). */
    Set<String> heldCases();
}
