package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import no.webcruiteresa.application.RetryBudget;
import no.webcruiteresa.application.port.RecordingMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A retried record's WARN keeps our own messages but only the type of a library's, which may quote the input. */
class SqsBatchFailureLogTest {
    private final SqsBatch batch = new SqsBatch("archiveDocument", null,
            new RetryBudget(50, Duration.ofSeconds(30), Duration.ofHours(6)), null, new RecordingMetrics());
    private final Logger logger = Logger.getLogger(SqsBatch.class.getName());
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(handler);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
    }

    @Test
    void aLibrarysMessage_isWithheld_itsTypeIsSaid() {
        batch.process(event("m-1"), record -> String.valueOf(Integer.parseInt("Kari Nordmann")));

        assertThat(warnings).singleElement().asString()
                .contains("message m-1 retried (delivery 1", "NumberFormatException")
                .doesNotContain("Kari", "Nordmann");
    }

    @Test
    void aWrappedLibraryFailure_saysBothTypes_andNeitherMessage() {
        batch.process(event("m-2"), record -> {
            try {
                return String.valueOf(Integer.parseInt("Ola O'Brien"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(e);
            }
        });

        assertThat(warnings).singleElement().asString()
                .contains("caused by NumberFormatException")
                .doesNotContain("Ola", "Brien");
    }

    @Test
    void ourOwnMessage_isKept() {
        batch.process(event("m-3"), record -> {
            throw new IllegalStateException("archive unavailable (circuit open)");
        });

        assertThat(warnings).singleElement().asString().contains("archive unavailable (circuit open)");
    }

    private static SqsEvent event(String id) {
        return new SqsEvent(List.of(new SqsEvent.Message(id, null, "{}", Map.of("ApproximateReceiveCount", "1"), null,
                null)));
    }
}
