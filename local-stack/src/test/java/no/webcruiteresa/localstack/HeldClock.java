package no.webcruiteresa.localstack;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Test only: lets a test stop the functions' clock while it is still delivering, so that no deadline (a missing PDF,
 * a lock's age) can run out because the sender itself was slow; released, the clock is the system's again. Wraps the
 * {@code clock} bean of every function context in this JVM, and nothing else (not the S3 emulator's).
 */
@AutoConfiguration
@ConditionalOnBean(type = "no.webcruiteresa.functions.FunctionsConfiguration")
public class HeldClock {
    private static volatile Instant heldAt;

    /** From now until {@link #release}, the functions see this instant. */
    public static void hold() {
        heldAt = Instant.now();
    }

    public static void release() {
        heldAt = null;
    }

    @Bean
    static BeanPostProcessor holdableClock() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof Clock clock && name.equals("clock") ? new Holdable(clock) : bean;
            }
        };
    }

    private static final class Holdable extends Clock {
        private final Clock system;

        Holdable(Clock system) {
            this.system = system;
        }

        @Override
        public Instant instant() {
            Instant held = heldAt;
            return held != null ? held : system.instant();
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new Holdable(system.withZone(zone));
        }
    }
}
