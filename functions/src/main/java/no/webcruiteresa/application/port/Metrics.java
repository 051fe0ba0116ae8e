package no.webcruiteresa.application.port;

import java.time.Duration;

/**
 * What the functions count for operations: archived documents and bytes, quarantines, retries, failed postpones,
 * the retention sweep and redrives. Recorded during one invocation and published at its end under the function's
 * name; dimensions are low-cardinality names (a function, a quarantine rule), never ids. Recording never throws.
 */
public interface Metrics {

    /** A new journalpost with its files was written to the archive. @param latency the archive calls it took */
    void documentArchived(long bytes, Duration latency);

    /** Input was moved to quarantine. @param rule the rule it broke, named by the field it guards */
    void quarantined(String rule);

    /**
     * One batch of queue messages was handled.
     *
     * @param retries the messages in it that had been delivered before
     */
    void batchHandled(int messages, int failed, int retries);

    /** A failed message could not be postponed: it comes back only after the queue's whole visibility timeout. */
    void postponeFailed();

    /** A retention sweep ran (in a dry run, "deleted" counts what would have been deleted). */
    void retentionSwept(long deleted, long held, long errors);

    /** The redrive operation released quarantined drops and moved dead-lettered messages back. */
    void redriven(int dropsReleased, int messagesMoved);

    /** A new case went to the holding unit because no routing rule matched its posting. */
    default void postingUnrouted() {
    }

    /** The responsible unit could not be told of a new case (the case itself was created). */
    default void caseNoticeFailed() {
    }

    /** A case was finished because its posting closed. */
    default void caseClosed() {
    }

    /** A posting closed while documents of its case were still waiting: the close is retried later. */
    default void caseCloseWaiting() {
    }

    /** The applicant-list check ran: this many postings are past their deadline and grace without a public list. */
    default void missingPublicApplicantLists(int postings) {
    }

    /** Emits what was recorded since the last call, once at the end of an invocation. */
    void publish(String function);

    /** Records nothing. */
    static Metrics none() {
        return NoMetrics.INSTANCE;
    }
}
