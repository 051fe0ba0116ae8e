package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tier 3 on moto: the same scenario, with moto's S3 delivering the bucket notifications (its s3:TestEvent
 * first, keys URL-encoded) to moto's SQS. Uses the moto_server that {@code -Dmoto.endpoint} names, or
 * starts one on loopback when {@code moto_server} is on the PATH; skipped otherwise.
 */
class MotoPipelineIT {
    private static MotoServer motoServer;
    private static ArchiveSimulator archive;
    private static Pipeline pipeline;

    @BeforeAll
    static void startPipeline() throws Exception {
        String given = System.getProperty("moto.endpoint", "");
        URI moto;
        if (!given.isBlank()) {
            moto = URI.create(given);
        } else {
            motoServer = MotoServer.startIfInstalled();
            assumeTrue(motoServer != null, "moto_server is not on the PATH");
            moto = motoServer.endpoint();
        }
        archive = ArchiveSimulator.start(0, null);
        pipeline = Pipeline.start(new Pipeline.Settings(moto, moto, "webcruiter-drop-moto", archive.root(), 60, true,
                true, null));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (archive != null) {
            archive.close();
        }
        if (motoServer != null) {
            motoServer.close();
        }
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @Test
    void shouldArchiveEveryDocumentOnceAndRemoveOnlyItsSources_whenAPostingIsDropped() throws Exception {
        PipelineScenario scenario = new PipelineScenario("240700");

        scenario.run(pipeline);

        assertThat(pipeline.awaitIdle(Duration.ofMinutes(3))).as("queues drained").isTrue();
        scenario.assertOutcome(archive.contents(), pipeline.s3(), pipeline.bucket(), pipeline.deadLettered());
    }
}
