package no.webcruiteresa.functions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.application.port.Quarantine;
import no.webcruiteresa.application.port.QuarantineReport;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The redrive operation, run by a person after fixing the cause: releases quarantined drops (all, or the
 * given XML keys) so they are announced and archived again, and moves every message of the given dead-letter
 * queues back to its source queue (send first, then delete: a crash may duplicate, never lose).
 */
final class Redrive implements Function<Redrive.Request, Redrive.Report> {
    private static final Logger LOG = Logger.getLogger(Redrive.class.getName());

    /**
     * @param drops           XML keys to release from quarantine; ["*"] releases every quarantined drop
     * @param deadLetterQueues pairs "dead-letter queue URL>source queue URL"
     */
    record Request(List<String> drops, List<String> deadLetterQueues) {
    }

    record Report(int dropsReleased, int objectsReleased, int messagesMoved) {
    }

    private final Quarantine quarantine;
    private final SqsClient sqs;
    private final Metrics metrics;

    Redrive(Quarantine quarantine, SqsClient sqs, Metrics metrics) {
        this.quarantine = quarantine;
        this.sqs = sqs;
        this.metrics = metrics;
    }

    @Override
    public Report apply(Request request) {
        List<String> drops = request.drops() == null ? List.of() : request.drops();
        List<String> keys = new ArrayList<>(drops);
        if (drops.contains("*")) {
            keys = quarantine.reports().stream().map(QuarantineReport::key).filter(k -> k.endsWith(".xml")).toList();
        }
        int objects = 0;
        for (String key : keys) {
            objects += quarantine.release(key);
        }
        int moved = 0;
        for (String pair : request.deadLetterQueues() == null ? List.<String>of() : request.deadLetterQueues()) {
            String[] queues = pair.split(">", 2);
            moved += move(queues[0].trim(), queues[1].trim());
        }
        Report report = new Report(keys.size(), objects, moved);
        LOG.info(() -> "redrive: " + report);
        metrics.redriven(report.dropsReleased(), report.messagesMoved());
        metrics.publish("redrive");
        return report;
    }

    /** A resent message is new to SQS; it carries when the original first arrived, for the retention sweep. */
    private static Map<String, MessageAttributeValue> firstArrival(Message message) {
        MessageAttributeValue kept = message.messageAttributes().get(SqsBatch.FIRST_ARRIVAL);
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        if (kept == null && sent == null) {
            return Map.of();
        }
        return Map.of(SqsBatch.FIRST_ARRIVAL, kept != null ? kept : MessageAttributeValue.builder().dataType("String")
                .stringValue(Instant.ofEpochMilli(Long.parseLong(sent)).toString()).build());
    }

    private int move(String deadLetterQueue, String sourceQueue) {
        int moved = 0;
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(deadLetterQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)
                    .messageAttributeNames(SqsBatch.FIRST_ARRIVAL)).messages();
            if (messages.isEmpty()) {
                return moved;
            }
            for (Message message : messages) {
                sqs.sendMessage(r -> r.queueUrl(sourceQueue).messageBody(message.body())
                        .messageAttributes(firstArrival(message)));
                sqs.deleteMessage(r -> r.queueUrl(deadLetterQueue).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
    }
}
