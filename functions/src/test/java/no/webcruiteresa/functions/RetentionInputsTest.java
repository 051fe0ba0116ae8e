package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(RetentionConfiguration.dryRun(new ScheduledEvent(null))).isFalse();
        assertThat(RetentionConfiguration.dryRun(null)).isFalse();
    }

    @Test
    void shouldDateAParkedMessageFromItsSentTimestamp() {
        assertThat(SqsBatch.sentAt(message(Map.of("SentTimestamp", "1764547200000"), null)))
                .isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(SqsBatch.sentAt(message(Map.of("SentTimestamp", "1764547200000"),
                Map.of("first-arrival", new SqsEvent.MessageAttribute("2025-06-01T10:00:00Z", "String")))))
                .as("a redriven message").isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(SqsBatch.sentAt(message(Map.of("SentTimestamp", "soon"), null))).isNull();
        assertThat(SqsBatch.sentAt(message(null, null))).isNull();
    }

    private static SqsEvent.Message message(Map<String, String> attributes,
                                            Map<String, SqsEvent.MessageAttribute> messageAttributes) {
        return new SqsEvent.Message("m-1", null, "{}", attributes, messageAttributes, null);
    }

    private static ScheduledEvent scheduled(Map<String, Object> detail) {
        return new ScheduledEvent(detail);
    }
}
