package no.webcruiteresa.adapter.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SecretsManagerCredentialsTest {
    private final AtomicReference<String> secret = new AtomicReference<>("{\"username\":\"arkivar\",\"password\":\"v1\"}");
    private final AtomicInteger reads = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SecretsManagerCredentials credentials = new SecretsManagerCredentials(() -> {
        reads.incrementAndGet();
        return secret.get();
    }, Duration.ofMinutes(5), clock);

    @Test
    void shouldReadTheKnownKeysOfTheSecretAndIgnoreOthers() {
        var values = SecretsManagerCredentials.parse("{\"username\":\"arkivar\",\"password\":\"p\",\"clientId\":\"c\","
                + "\"tokenUrl\":\"https://idp/token\",\"port\":5432}");

        assertThat(values).containsOnlyKeys("username", "password", "clientId", "tokenUrl")
                .containsEntry("tokenUrl", "https://idp/token");
    }

    @Test
    void shouldKeepTheValuesForTheirTimeToLive_thenReadTheRotatedSecret() {
        assertThat(reads).hasValue(0);
        assertThat(credentials.current()).containsEntry("password", "v1");
        secret.set("{\"username\":\"arkivar\",\"password\":\"v2\"}");

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(credentials.current()).as("still within the time-to-live").containsEntry("password", "v1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(credentials.current()).as("expired: read again").containsEntry("password", "v2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void rereadShouldSayWhetherAnythingChanged_andForgetShouldDropTheValues() {
        credentials.current();
        assertThat(credentials.reread()).isFalse();
        secret.set("{\"username\":\"arkivar\",\"password\":\"v2\"}");
        assertThat(credentials.reread()).isTrue();
        assertThat(reads).hasValue(3);

        credentials.forget();
        credentials.current();

        assertThat(reads).as("forgotten values are read again").hasValue(4);
    }

    /** A clock a test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
