package no.webcruiteresa.functions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.webcruiteresa.application.RetryBudget;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.application.port.Quarantine;
import no.webcruiteresa.application.port.QuarantineReport;
import no.webcruiteresa.domain.InvalidDropException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Handles an SQS batch one record at a time. A record that fails is reported by its message id so only it is
 * retried, after a visibility timeout that grows with each delivery (no busy loop while an archive is down or a
 * PDF is on its way); its neighbours are acknowledged. A message that cannot even be read is kept in quarantine
 * and acknowledged. Logs ids and error messages, never message bodies; every line of a record's handling carries its
 * correlation fields ({@link Correlation}) and each record ends with one outcome line.
 */
final class SqsBatch {
    private static final Logger LOG = Logger.getLogger(SqsBatch.class.getName());

    private final String function;
    private final SqsClient sqs;
    private final RetryBudget backoff;
    private final Quarantine quarantine;
    private final Metrics metrics;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    SqsBatch(String function, SqsClient sqs, RetryBudget backoff, Quarantine quarantine, Metrics metrics) {
        this.function = function;
        this.sqs = sqs;
        this.backoff = backoff;
        this.quarantine = quarantine;
        this.metrics = metrics;
    }

    /**
     * @param handler handles one record and says what became of it ("archived", "removed 3 objects", …): the outcome
     *                line of the record's step
     */
    SqsBatchResponse process(SqsEvent event, Function<SqsEvent.Message, String> handler) {
        try {
            return handle(event, handler);
        } finally {
            metrics.publish(function);
        }
    }

    private SqsBatchResponse handle(SqsEvent event, Function<SqsEvent.Message, String> handler) {
        List<SqsBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SqsEvent.Message> records = event == null ? List.of() : event.records();
        Map<String, Integer> outcomes = new TreeMap<>();
        int retries = 0;
        for (SqsEvent.Message record : records) {
            String id = record.messageId();
            if (id == null || id.isBlank()) {
                // Lambda fails the whole batch on a blank identifier; failing loudly here does the same, on purpose.
                throw new IllegalArgumentException(function + ": an SQS record has no messageId");
            }
            int deliveries = deliveries(record);
            retries += deliveries > 1 ? 1 : 0;
            try (Correlation ignored = Correlation.message(function, id)) {
                String outcome;
                try {
                    outcome = handleOrQuarantine(record, handler, deliveries);
                } catch (RuntimeException e) {
                    Duration delay = backoff.delayAfter(deliveries, ThreadLocalRandom.current());
                    Correlation.outcome("retried");
                    // "next in" only when the postpone took: otherwise the queue's own visibility timeout applies.
                    String next = postpone(record, delay) ? "next in " + delay.toSeconds() + " s"
                            : "next after the queue's visibility timeout";
                    LOG.log(Level.WARNING, function + ": message " + id + " retried (delivery " + deliveries
                            + ", " + next + "): " + failureOf(e));
                    failures.add(new SqsBatchResponse.BatchItemFailure(id));
                    outcomes.merge("retried", 1, Integer::sum);
                    continue;
                }
                String done = outcome;
                Correlation.outcome(word(done));
                LOG.info(() -> function + ": message " + id + " " + done + " (delivery " + deliveries + ")");
                outcomes.merge(word(done), 1, Integer::sum);
            }
        }
        LOG.info(() -> function + ": " + records.size() + " record(s), " + failures.size() + " failed "
                + outcomes);
        metrics.batchHandled(records.size(), failures.size(), retries);
        return new SqsBatchResponse(failures);
    }

    /** The record handled, or kept in quarantine when it cannot be read; a quarantine that fails is retried like any failure. */
    private String handleOrQuarantine(SqsEvent.Message record, Function<SqsEvent.Message, String> handler,
                                      int deliveries) {
        try {
            return handler.apply(record);
        } catch (InvalidDropException e) {
            String id = record.messageId();
            quarantine.quarantineMessage(function, id, record.body(), new QuarantineReport("message " + id,
                    e.field(), e.rule(), sentAt(record), Instant.now(), deliveries, List.of()));
            metrics.quarantined(e.field());
            return "quarantined(" + e.field() + ")";
        }
    }

    /** The outcome's first word ("removed 3 objects" → "removed"): the outcome field and what the batch counts. */
    private static String word(String outcome) {
        return outcome.replaceAll("^([a-z_]*).*$", "$1");
    }

    static int deliveries(SqsEvent.Message record) {
        try {
            return Integer.parseInt(record.attributes().getOrDefault("ApproximateReceiveCount", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Message attribute a redriven message carries: when its original first arrived (ISO-8601 instant). */
    static final String FIRST_ARRIVAL = "first-arrival";

    /**
     * When the message first arrived (retention of its parked body counts from then): the time a redrive carried
     * over, else when SQS received it; null when unknown.
     */
    static Instant sentAt(SqsEvent.Message record) {
        try {
            SqsEvent.MessageAttribute carried = record.messageAttributes().get(FIRST_ARRIVAL);
            if (carried != null && carried.stringValue() != null) {
                return Instant.parse(carried.stringValue());
            }
            String sent = record.attributes().get("SentTimestamp");
            return sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent));
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Best effort: if the visibility cannot be changed, the queue's own timeout applies. A failed postpone is
     * logged at WARN (a missing permission or a wrong queue would otherwise turn every backoff into the full
     * visibility timeout unseen). @return whether the message is now postponed by {@code delay}
     */
    private boolean postpone(SqsEvent.Message record, Duration delay) {
        String arn = record.eventSourceArn();
        if (sqs == null || arn == null || record.receiptHandle() == null || arn.split(":").length < 6) {
            return false;
        }
        try {
            String url = queueUrls.computeIfAbsent(arn, a -> {
                String[] parts = a.split(":");
                return sqs.getQueueUrl(r -> r.queueName(parts[5]).queueOwnerAWSAccountId(parts[4])).queueUrl();
            });
            sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(record.receiptHandle())
                    .visibilityTimeout((int) delay.toSeconds()));
            return true;
        } catch (RuntimeException e) {
            // Visible: without the postpone the message comes back after the queue's full visibility timeout.
            LOG.warning(function + ": could not postpone message " + record.messageId() + " by "
                    + delay.toSeconds() + " s: " + errorOf(e));
            metrics.postponeFailed();
            return false;
        }
    }

    /**
     * What a retried record's log line says of its failure. A message our code wrote is kept (it names ids, fields
     * and rules, never values: LogText); a library's may quote the input (a parser echoing a token, a server its
     * request), so of those only the types are said, with the AWS error code where there is one.
     */
    static String failureOf(RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        boolean ours = trace.length > 0 && trace[0].getClassName().startsWith(OUR_PACKAGES)
                || e.getClass().getName().startsWith(OUR_PACKAGES);
        // new SomeException(cause) copies the cause's message: then the words are the library's, not ours.
        boolean copiedFromCause = e.getCause() != null && String.valueOf(e.getMessage()).equals(e.getCause().toString());
        if (ours && !copiedFromCause) {
            return e.toString();
        }
        String failure = errorOf(e);
        return e.getCause() == null ? failure : failure + " caused by " + e.getCause().getClass().getSimpleName();
    }

    private static final String OUR_PACKAGES = "no.webcruiteresa.";

    /** The error's class and AWS error code; never its message, which may quote the request. */
    static String errorOf(RuntimeException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return e.getClass().getSimpleName() + " (" + aws.awsErrorDetails().errorCode() + ", HTTP "
                    + aws.statusCode() + ")";
        }
        return e.getClass().getSimpleName();
    }
}
