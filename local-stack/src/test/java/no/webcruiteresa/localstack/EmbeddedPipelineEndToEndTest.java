package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tier 2: the whole pipeline on the embedded emulators and the archive simulator, driven only by drops. */
class EmbeddedPipelineEndToEndTest {
    private static EmbeddedStack stack;

    @BeforeAll
    static void startStack() {
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests());
    }

    @AfterAll
    static void stopStack() {
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @Test
    void shouldArchiveEveryDocumentOnceAndRemoveOnlyItsSources_whenAPostingIsDropped() throws Exception {
        PipelineScenario scenario = new PipelineScenario("240500");

        scenario.run(stack.pipeline());

        assertThat(stack.pipeline().awaitIdle(Duration.ofMinutes(2))).as("queues drained").isTrue();
        scenario.assertOutcome(stack.archive().contents(), stack.pipeline().s3(), stack.pipeline().bucket(),
                stack.pipeline().deadLettered());
    }
}
