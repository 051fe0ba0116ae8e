package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        SqsEvent event = event(record("m-1", "1"), record("m-2", "3"), record("m-3", "2"));

        var response = batch.process(event, record -> {
            if (record.messageId().equals("m-2")) {
                throw new IllegalStateException("archive unavailable");
            }
            return "ready";
        });

        assertThat(response.batchItemFailures()).hasSize(1);
        assertThat(metrics.published()).singleElement().satisfies(p -> {
            assertThat(p.function()).isEqualTo("createCase");
            assertThat(p.counts()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("MessagesReceived", 3L, "MessagesFailed", 1L, "Retries", 2L));
        });
    }

    @Test
    void shouldPublishWhatWasCounted_evenWhenTheBatchFailsAsAWhole() {
        SqsEvent event = event(record("m-1", "1"), record(" ", "1"));

        assertThatThrownBy(() -> batch.process(event, record -> "ready")).isInstanceOf(IllegalArgumentException.class);

        assertThat(metrics.published()).singleElement()
                .satisfies(p -> assertThat(p.function()).isEqualTo("createCase"));
    }

    private static SqsEvent event(SqsEvent.Message... records) {
        return new SqsEvent(List.of(records));
    }

    private static SqsEvent.Message record(String id, String receiveCount) {
        return new SqsEvent.Message(id, null, "{}", Map.of("ApproximateReceiveCount", receiveCount), null, null);
    }
}
