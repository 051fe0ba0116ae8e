package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.application.RetryBudget;
import no.webcruiteresa.application.port.RecordingMetrics;
import org.junit.jupiter.api.Test;

/** What one batch counts: received, failed, deliveries after the first; published once, even when it throws. */
class SqsBatchMetricsTest {
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final SqsBatch batch = new SqsBatch("createCase", null,
            new RetryBudget(50, Duration.ofSeconds(30), Duration.ofHours(6)), null, metrics);

    @Test
    void shouldCountTheBatch_andPublishItUnderTheFunction() {
        SQSEvent event = event(record("m-1", "1"), record("m-2", "3"), record("m-3", "2"));

        var response = batch.process(event, record -> {
            if (record.getMessageId().equals("m-2")) {
                throw new IllegalStateException("archive unavailable");
            }
            return "ready";
        });

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(metrics.published()).singleElement().satisfies(p -> {
            assertThat(p.function()).isEqualTo("createCase");
            assertThat(p.counts()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("MessagesReceived", 3L, "MessagesFailed", 1L, "Retries", 2L));
        });
    }

    @Test
    void shouldPublishWhatWasCounted_evenWhenTheBatchFailsAsAWhole() {
        SQSEvent event = event(record("m-1", "1"), record(" ", "1"));

        assertThatThrownBy(() -> batch.process(event, record -> "ready")).isInstanceOf(IllegalArgumentException.class);

        assertThat(metrics.published()).singleElement()
                .satisfies(p -> assertThat(p.function()).isEqualTo("createCase"));
    }

    private static SQSEvent event(SQSEvent.SQSMessage... records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static SQSEvent.SQSMessage record(String id, String receiveCount) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(id);
        record.setBody("{}");
        record.setAttributes(Map.of("ApproximateReceiveCount", receiveCount));
        return record;
    }
}
