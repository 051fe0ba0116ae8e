package no.webcruiteresa.localstack;

import java.time.Duration;
import no.webcruiteresa.application.RetryBudget;

/**
 * The local stack's shortened timings, cut from one retry budget as the template's are: retries in seconds instead
 * of minutes, and the waits (lock takeover, missing PDFs) as shares of what those retries guarantee, so a crashed
 * worker's lock is taken over and a missing PDF is quarantined while the message still has deliveries left.
 *
 * @param visibilityTimeout the longest queue visibility timeout: how long a crashed invocation's message stays away
 */
public record LocalTimings(RetryBudget budget, Duration visibilityTimeout, Duration staleLockAfter,
                           Duration incompleteDeadline) {
    static final Duration BASE_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(8);

    /** @param timeScale the template's visibility timeouts are divided by this */
    public static LocalTimings of(Topology topology, int timeScale) {
        int maxReceiveCount = topology.queues().stream().filter(q -> !q.isDeadLetterQueue())
                .mapToInt(Topology.QueueSpec::maxReceiveCount).min().orElse(1);
        Duration visibility = Duration.ofSeconds(topology.queues().stream()
                .mapToInt(q -> visibilitySeconds(q, timeScale)).max().orElse(2));
        RetryBudget budget = new RetryBudget(maxReceiveCount, BASE_DELAY, MAX_DELAY);
        Duration span = budget.guaranteedSpan();
        // An eighth for a crashed worker's lock and a quarter for late PDFs leave room for the visibility timeout
        // inside half the span (RetryBudget's rule); a local invocation holds a lock for seconds, far less.
        return new LocalTimings(budget, visibility, span.dividedBy(8).withNanos(0), span.dividedBy(4).withNanos(0));
    }

    static int visibilitySeconds(Topology.QueueSpec queue, int timeScale) {
        return Math.max(2, queue.visibilityTimeoutSeconds() / Math.max(1, timeScale));
    }
}
