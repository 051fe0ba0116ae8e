package no.webcruiteresa.localstack;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does what Lambda's SQS event source mapping does: receives batches, invokes the function with them and
 * deletes only the records it did not report as failed. Failed records stay invisible for the queue's
 * visibility timeout, are redelivered, and move to the dead-letter queue by the queue's redrive policy.
 */
final class QueuePoller implements Runnable {
    private static final Logger LOG = Logger.getLogger(QueuePoller.class.getName());

    private final String function;
    private final RequestStreamHandler handler;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final int timeoutSeconds;
    private final String region;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean busy = new AtomicBoolean();
    final AtomicLong invocations = new AtomicLong();
    final AtomicLong recordsFailed = new AtomicLong();

    QueuePoller(String function, RequestStreamHandler handler, SqsClient sqs, String queueUrl, String queueArn,
                int batchSize, int timeoutSeconds, String region) {
        this.function = function;
        this.handler = handler;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.batchSize = Math.min(10, Math.max(1, batchSize));
        this.timeoutSeconds = timeoutSeconds;
        this.region = region;
    }

    @Override
    public void run() {
        while (running.get()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.log(Level.WARNING, function + ": polling failed: " + e);
                    sleep();
                }
            }
        }
    }

    boolean busy() {
        return busy.get();
    }

    void stop() {
        running.set(false);
    }

    private void pollOnce() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) {
            return;
        }
        busy.set(true);
        try {
            invocations.incrementAndGet();
            List<String> failed;
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(LambdaEvents.sqsBatch(messages, queueArn, region)),
                        out, new LocalContext(function, timeoutSeconds, 1024));
                failed = LambdaEvents.batchItemFailures(out.toByteArray());
            } catch (Exception e) {
                // A function that throws fails its whole batch, as on Lambda.
                LOG.log(Level.WARNING, function + ": invocation failed, the whole batch will be retried: " + e);
                recordsFailed.addAndGet(messages.size());
                return;
            }
            recordsFailed.addAndGet(failed.size());
            List<DeleteMessageBatchRequestEntry> done = messages.stream()
                    .filter(m -> !failed.contains(m.messageId()))
                    .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                            .receiptHandle(m.receiptHandle()).build())
                    .toList();
            if (!done.isEmpty()) {
                sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
            }
        } finally {
            busy.set(false);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
