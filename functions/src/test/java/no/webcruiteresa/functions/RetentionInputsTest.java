package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the retention sweep reads from its inputs: the dry-run flag, and when a parked message was first sent. */
class RetentionInputsTest {
    @Test
    void shouldSweepForRealUnlessTheEventAsksForADryRun() {
        assertThat(RetentionConfiguration.dryRun(scheduled(Map.of("dryRun", true)))).isTrue();
        assertThat(RetentionConfiguration.dryRun(scheduled(Map.of("dryRun", "true")))).isTrue();
        assertThat(RetentionConfiguration.dryRun(scheduled(Map.of("dryRun", false)))).isFalse();
        assertThat(RetentionConfiguration.dryRun(scheduled(Map.of()))).isFalse();
        assertThat(RetentionConfiguration.dryRun(new ScheduledEvent())).isFalse();
        assertThat(RetentionConfiguration.dryRun(null)).isFalse();
    }

    @Test
    void shouldDateAParkedMessageFromItsSentTimestamp() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setAttributes(Map.of("SentTimestamp", "1764547200000"));
        assertThat(SqsBatch.sentAt(message)).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));

        SQSEvent.MessageAttribute carried = new SQSEvent.MessageAttribute();
        carried.setStringValue("2025-06-01T10:00:00Z");
        carried.setDataType("String");
        message.setMessageAttributes(Map.of("first-arrival", carried));
        assertThat(SqsBatch.sentAt(message)).as("a redriven message").isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));

        message.setMessageAttributes(null);
        message.setAttributes(Map.of("SentTimestamp", "soon"));
        assertThat(SqsBatch.sentAt(message)).isNull();
        message.setAttributes(null);
        assertThat(SqsBatch.sentAt(message)).isNull();
    }

    private static ScheduledEvent scheduled(Map<String, Object> detail) {
        ScheduledEvent event = new ScheduledEvent();
        event.setDetail(detail);
        return event;
    }
}
