package no.webcruiteresa.functions;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles an SQS batch one record at a time. A record that fails is reported by its message id so only it
 * is retried; its neighbours are acknowledged. Logs ids and error messages, never message bodies.
 */
final class SqsBatch {
    private static final Logger LOG = Logger.getLogger(SqsBatch.class.getName());

    private SqsBatch() {
    }

    static SQSBatchResponse process(String function, SQSEvent event, Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            String id = record.getMessageId();
            if (id == null || id.isBlank()) {
                // Lambda fails the whole batch on a blank identifier; failing loudly here does the same, on purpose.
                throw new IllegalArgumentException(function + ": an SQS record has no messageId");
            }
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, function + ": message " + id + " failed (receive count "
                        + record.getAttributes().getOrDefault("ApproximateReceiveCount", "?") + "): " + e);
                failures.add(new SQSBatchResponse.BatchItemFailure(id));
            }
        }
        LOG.info(() -> function + ": " + records.size() + " record(s), " + failures.size() + " failed");
        return new SQSBatchResponse(failures);
    }
}
