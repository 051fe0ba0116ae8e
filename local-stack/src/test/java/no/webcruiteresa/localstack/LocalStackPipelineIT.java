package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Tier 3: the same scenario as the embedded tier, on LocalStack's S3 and SQS, with LocalStack itself
 * delivering the bucket notifications. Needs Docker; skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPipelineIT {
    /** A community tag that runs without LOCALSTACK_AUTH_TOKEN; newer images need one (see README). */
    static final String IMAGE = System.getProperty("localstack.image", "localstack/localstack:4.4.0");

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse(IMAGE))
            .withServices("s3", "sqs");

    private static ArchiveSimulator archive;
    private static Pipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        archive = ArchiveSimulator.start(0, null);
        pipeline = Pipeline.start(new Pipeline.Settings(LOCALSTACK.getEndpoint(), LOCALSTACK.getEndpoint(),
                "webcruiter-drop", archive.root(), 60, true, true, null));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (archive != null) {
            archive.close();
        }
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @Test
    void shouldArchiveEveryDocumentOnceAndRemoveOnlyItsSources_whenAPostingIsDropped() throws Exception {
        PipelineScenario scenario = new PipelineScenario("240600");

        scenario.run(pipeline);

        assertThat(pipeline.awaitIdle(Duration.ofMinutes(3))).as("queues drained").isTrue();
        scenario.assertOutcome(archive.contents(), pipeline.s3(), pipeline.bucket(), pipeline.deadLettered());
    }
}
