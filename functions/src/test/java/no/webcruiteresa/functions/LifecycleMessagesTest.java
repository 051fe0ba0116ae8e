package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import no.webcruiteresa.domain.InvalidDropException;
import no.webcruiteresa.domain.PostingClosed;
import org.junit.jupiter.api.Test;

class LifecycleMessagesTest {
    @Test
    void shouldReadAPostingClosedMessage() {
        assertThat(LifecycleMessages.postingClosed("{\"type\":\"PostingClosed\",\"caseNumber\":\"240117\","
                + "\"closedAt\":\"2027-02-01T12:00:00+01:00\"}"))
                .isEqualTo(new PostingClosed("240117", Instant.parse("2027-02-01T11:00:00Z")));
    }

    @Test
    void shouldRefuseAMessageWithoutItsFields_namingTheFieldNotTheValue() {
        assertThatThrownBy(() -> LifecycleMessages.postingClosed("{\"closedAt\":\"2027-02-01T12:00:00Z\"}"))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("caseNumber");
        assertThatThrownBy(() -> LifecycleMessages.postingClosed("{\"caseNumber\":\"240117\"}"))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("closedAt");
        assertThatThrownBy(() -> LifecycleMessages.postingClosed("{\"caseNumber\":\"24-01\",\"closedAt\":\"2027-02-01T12:00:00Z\"}"))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("digits");
        assertThatThrownBy(() -> LifecycleMessages.postingClosed("{\"caseNumber\":\"1\",\"closedAt\":\"Kari Nordmann\"}"))
                .isInstanceOf(InvalidDropException.class).hasMessageNotContaining("Kari");
        assertThatThrownBy(() -> LifecycleMessages.postingClosed("{\"type\":\"PostingPublished\",\"caseNumber\":\"1\","
                + "\"closedAt\":\"2027-02-01T12:00:00Z\"}")).isInstanceOf(InvalidDropException.class);
        assertThatThrownBy(() -> LifecycleMessages.postingClosed("Kari Nordmann"))
                .isInstanceOf(InvalidDropException.class).hasMessageNotContaining("Kari");
    }
}
