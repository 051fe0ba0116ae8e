package no.webcruiteresa.application;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The one budget every wait of the pipeline is cut from. A failed message comes back after a delay that doubles per
 * delivery from {@code baseDelay} up to {@code maxDelay} (jittered, never below half), and after
 * {@code maxReceiveCount} deliveries its queue gives up and dead-letters it. Whatever an item waits for (its PDFs,
 * a crashed worker's lock, the queue's visibility timeout after a crash) must be over while it still has deliveries
 * left, or it ends in a dead-letter queue instead of the archive or quarantine.
 *
 * <p>The rule: those waits together take at most half of the {@linkplain #guaranteedSpan() guaranteed span}; the
 * other half rides out an archive outage that starts once the wait is over.
 */
public record RetryBudget(int maxReceiveCount, Duration baseDelay, Duration maxDelay) {
    /** SQS refuses a visibility timeout above 12 hours. */
    public static final Duration LONGEST_VISIBILITY = Duration.ofHours(12);

    public RetryBudget {
        if (maxReceiveCount < 1 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("a retry budget needs at least one delivery and 0 < baseDelay <= maxDelay");
        }
        if (maxDelay.compareTo(LONGEST_VISIBILITY) > 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is longer than SQS allows (12 h)");
        }
    }

    /** The longest delay after the {@code deliveries}-th failed delivery (whole seconds, at least one). */
    public Duration delayCap(int deliveries) {
        long cap = Math.min(maxDelay.toSeconds(), baseDelay.toSeconds() << Math.min(Math.max(0, deliveries - 1), 20));
        return Duration.ofSeconds(Math.max(1, cap));
    }

    /** The shortest delay after that delivery: jitter takes off at most half. */
    public Duration shortestDelay(int deliveries) {
        return Duration.ofSeconds(Math.max(1, delayCap(deliveries).toSeconds() / 2));
    }

    /** A delay between {@link #shortestDelay} and {@link #delayCap}, so retries of many messages spread out. */
    public Duration delayAfter(int deliveries, RandomGenerator random) {
        long low = shortestDelay(deliveries).toSeconds();
        long high = Math.max(low, delayCap(deliveries).toSeconds());
        return Duration.ofSeconds(low + random.nextLong(high - low + 1));
    }

    /** The shortest time from a message's first delivery to its last: what any wait can count on. */
    public Duration guaranteedSpan() {
        Duration span = Duration.ZERO;
        for (int delivery = 1; delivery < maxReceiveCount; delivery++) {
            span = span.plus(shortestDelay(delivery));
        }
        return span;
    }

    /** The longest time from first to last delivery, not counting the invocations themselves. */
    public Duration longestSpan() {
        Duration span = Duration.ZERO;
        for (int delivery = 1; delivery < maxReceiveCount; delivery++) {
            span = span.plus(delayCap(delivery));
        }
        return span;
    }

    /** Half the guaranteed span: what the waits of one item may use together. */
    public Duration waitAllowance() {
        return guaranteedSpan().dividedBy(2);
    }

    /**
     * Refuses timings that contradict the budget.
     *
     * @param visibilityTimeout how long a crashed invocation's message stays invisible before it comes back
     * @param staleLockAfter    when a crashed worker's creation lock is taken over
     * @param incompleteDeadline how long a drop waits for its PDFs before quarantine
     */
    public void requireRoomFor(Duration visibilityTimeout, Duration staleLockAfter, Duration incompleteDeadline) {
        Duration waits = visibilityTimeout.plus(staleLockAfter).plus(incompleteDeadline);
        if (waits.compareTo(waitAllowance()) > 0) {
            throw new IllegalStateException("timings contradict the retry budget: visibility timeout " + visibilityTimeout
                    + " + stale-lock-after " + staleLockAfter + " + incomplete-deadline " + incompleteDeadline + " = "
                    + waits + ", but " + maxReceiveCount + " deliveries backing off from " + baseDelay + " to " + maxDelay
                    + " guarantee only " + guaranteedSpan() + ", half of which may be spent waiting");
        }
    }
}
