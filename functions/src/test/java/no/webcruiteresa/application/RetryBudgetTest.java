package no.webcruiteresa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {
    private static final RetryBudget TEMPLATE = new RetryBudget(50, Duration.ofSeconds(30), Duration.ofHours(6));
    private static final RetryBudget LOCAL = new RetryBudget(50, Duration.ofSeconds(1), Duration.ofSeconds(8));

    @Test
    void shouldGuaranteeTheSumOfTheShortestDelaysBeforeTheLastDelivery() {
        // 15 s doubling to 7680 s over 10 deliveries, then 39 times half of 6 h.
        assertThat(TEMPLATE.guaranteedSpan()).isEqualTo(Duration.ofSeconds(15 * 1023 + 39 * 10_800));
        // 1, 1, 2, then 46 times 4 s: about three minutes.
        assertThat(LOCAL.guaranteedSpan()).isEqualTo(Duration.ofSeconds(188));
        assertThat(LOCAL.longestSpan()).isEqualTo(Duration.ofSeconds(1 + 2 + 4 + 46 * 8));
    }

    @Test
    void shouldKeepEveryJitteredDelayBetweenHalfTheCapAndTheCap() {
        Random random = new Random(1);
        for (int delivery = 1; delivery < 60; delivery++) {
            Duration delay = TEMPLATE.delayAfter(delivery, random);
            assertThat(delay).isBetween(TEMPLATE.shortestDelay(delivery), TEMPLATE.delayCap(delivery));
        }
        assertThat(TEMPLATE.delayCap(40)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void shouldRefuseALockTakeoverThatComesAfterTheQueueGivesUp() {
        assertThatThrownBy(() -> LOCAL.requireRoomFor(Duration.ofSeconds(12), Duration.ofMinutes(10), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stale-lock-after PT10M");
        assertThatThrownBy(() -> LOCAL.requireRoomFor(Duration.ofSeconds(12), Duration.ofSeconds(20), Duration.ofMinutes(24)))
                .hasMessageContaining("incomplete-deadline PT24M");
        LOCAL.requireRoomFor(Duration.ofSeconds(12), Duration.ofSeconds(23), Duration.ofSeconds(47));
        TEMPLATE.requireRoomFor(Duration.ofMinutes(12), Duration.ofMinutes(10), Duration.ofHours(24));
    }

    @Test
    void shouldRefuseABackoffLongerThanSqsAllows() {
        assertThatThrownBy(() -> new RetryBudget(50, Duration.ofSeconds(30), Duration.ofHours(13)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
