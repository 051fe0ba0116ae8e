package no.webcruiteresa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
    private final RetentionPolicy twelveMonths = new RetentionPolicy(Period.ofMonths(12));
    private final Instant now = Instant.parse("2026-11-24T02:15:00Z");

    @Test
    void shouldExpireOnlyWhatIsOlderThanTheRetentionPeriod() {
        assertThat(twelveMonths.expired(Instant.parse("2025-11-24T02:14:59Z"), now)).isTrue();
        assertThat(twelveMonths.expired(Instant.parse("2025-11-24T02:15:00Z"), now)).isFalse();
        assertThat(twelveMonths.expired(Instant.parse("2026-06-01T00:00:00Z"), now)).isFalse();
    }

    @Test
    void shouldCountCalendarMonths_soADayLessStaysAndADayMoreGoes() {
        Instant arrived = Instant.parse("2025-02-28T10:00:00Z");
        assertThat(twelveMonths.expired(arrived, Instant.parse("2026-02-27T10:00:00Z"))).isFalse();
        assertThat(twelveMonths.expired(arrived, Instant.parse("2026-03-01T10:00:00Z"))).isTrue();
    }

    @Test
    void shouldRefuseAnEmptyPeriod() {
        assertThatThrownBy(() -> new RetentionPolicy(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
