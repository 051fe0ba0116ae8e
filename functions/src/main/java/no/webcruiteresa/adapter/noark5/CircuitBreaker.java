package no.webcruiteresa.adapter.noark5;

import java.time.Clock;
import java.time.Instant;
import no.webcruiteresa.application.port.ArchiveUnavailableException;

/**
 * After {@code threshold} archive calls in a row found the archive unavailable, further calls fail at once for
 * the cool-down, so a dead archive is not hammered by every message of a batch (each still comes back later
 * through its queue). One per function instance.
 */
final class CircuitBreaker {
    private final RetryPolicy policy;
    private final Clock clock;
    private int failures;
    private Instant openUntil = Instant.MIN;

    CircuitBreaker(RetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    synchronized void before() {
        if (policy.breakerThreshold() > 0 && clock.instant().isBefore(openUntil)) {
            throw new ArchiveUnavailableException("the archive was unavailable " + failures
                    + " times in a row; not calling it until " + openUntil + " (circuit open)", null);
        }
    }

    synchronized void succeeded() {
        failures = 0;
        openUntil = Instant.MIN;
    }

    synchronized void failed() {
        failures++;
        if (policy.breakerThreshold() > 0 && failures >= policy.breakerThreshold()) {
            openUntil = clock.instant().plus(policy.breakerCoolDown());
        }
    }
}
