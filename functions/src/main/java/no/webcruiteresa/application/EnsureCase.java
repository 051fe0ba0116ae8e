package no.webcruiteresa.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchiveOutcomeUnknownException;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.CaseArchive;
import no.webcruiteresa.application.port.CreationLocks;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.RegistrationSettings;

/** Use case: exactly one archive case per WebCruiter posting. */
public class EnsureCase {
    private static final Logger LOG = Logger.getLogger(EnsureCase.class.getName());

    private final CaseArchive archive;
    private final RegistrationSettings settings;
    private final RegistrationRules rules;
    private final Clock clock;
    private final CreationLocks locks;
    private final Duration staleLock;

    public EnsureCase(CaseArchive archive, RegistrationSettings settings, Clock clock, CreationLocks locks,
                      Duration staleLock) {
        this.archive = archive;
        this.settings = settings;
        this.rules = new RegistrationRules(settings);
        this.clock = clock;
        this.locks = locks;
        this.staleLock = staleLock;
    }

    public ArchivedCase ensure(Posting posting) {
        String reference = settings.caseReference(posting.caseNumber());
        return archive.findCase(reference).orElseGet(() -> create(posting, reference));
    }

    /** Under a lock, and looking again once it is held: a worker that raced us may have just made the case. */
    private ArchivedCase create(Posting posting, String reference) {
        String lock = LockNames.forCase(posting.caseNumber());
        if (!locks.tryAcquire(lock, staleLock)) {
            throw new CreationInProgressException("the case for posting " + posting.caseNumber());
        }
        boolean release = true;
        try {
            return archive.findCase(reference).orElseGet(() -> {
                ArchivedCase created = archive.createCase(rules.caseFor(posting, LocalDate.now(clock)));
                LOG.info(() -> "created case " + created.caseId() + " for posting " + posting.caseNumber());
                return created;
            });
        } catch (ArchiveOutcomeUnknownException e) {
            // The case may still be created by the lost write: the lock goes stale instead, so no twin is made meanwhile.
            release = false;
            throw e;
        } finally {
            if (release) {
                locks.release(lock);
            }
        }
    }
}
