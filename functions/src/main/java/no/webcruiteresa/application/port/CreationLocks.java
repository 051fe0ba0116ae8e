package no.webcruiteresa.application.port;

import java.time.Duration;

/**
 * Short-lived named locks around the steps that create something in the archive (a case, a journalpost), so
 * concurrent deliveries of the same input converge on one object instead of racing to make two.
 */
public interface CreationLocks {
    /**
     * @param staleAfter a lock older than this was left by a crashed worker and is taken over
     * @return false when another worker holds the lock
     */
    boolean tryAcquire(String name, Duration staleAfter);

    void release(String name);
}
