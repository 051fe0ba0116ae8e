package no.webcruiteresa.application;

import java.time.Duration;
import java.util.function.Supplier;
import no.webcruiteresa.application.port.ArchiveOutcomeUnknownException;
import no.webcruiteresa.application.port.CreationLocks;

/**
 * A write to the archive that must not run twice at once, under a creation lock. A write whose outcome is unknown
 * (its answer was lost, it may still land) keeps the lock, which goes stale after stale-lock-after, so no twin is
 * made meanwhile; any other ending releases it.
 */
final class LockedWrite {
    private LockedWrite() {
    }

    /** @param what what is being made, for the error a second writer gets ("the case for posting 240117") */
    static <T> T run(CreationLocks locks, String lock, Duration staleLock, String what, Supplier<T> write) {
        if (!locks.tryAcquire(lock, staleLock)) {
            throw new CreationInProgressException(what);
        }
        boolean release = true;
        try {
            return write.get();
        } catch (ArchiveOutcomeUnknownException e) {
            release = false;
            throw e;
        } finally {
            if (release) {
                locks.release(lock);
            }
        }
    }
}
