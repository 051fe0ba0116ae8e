package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import no.webcruiteresa.simulator.ArchiveSimulator;

/**
 * The pipeline on an S3 and SQS that deliver bucket notifications themselves (moto, LocalStack), with the
 * archive simulator beside it: what the moto and LocalStack tiers share.
 */
final class ExternalAwsTier implements AutoCloseable {
    private final ArchiveSimulator archive;
    private final Pipeline pipeline;

    private ExternalAwsTier(ArchiveSimulator archive, Pipeline pipeline) {
        this.archive = archive;
        this.pipeline = pipeline;
    }

    static ExternalAwsTier start(URI endpoint, String bucket) {
        ArchiveSimulator archive = ArchiveSimulator.start(0, null);
        return new ExternalAwsTier(archive, Pipeline.start(new Pipeline.Settings(endpoint, endpoint, bucket,
                archive.root(), 60, true, true, null)));
    }

    /** Runs the shared end-to-end scenario for a posting and asserts its one allowed outcome. */
    void runScenario(String postingCaseNumber) throws InterruptedException {
        PipelineScenario scenario = new PipelineScenario(postingCaseNumber);

        scenario.run(pipeline);

        assertThat(pipeline.awaitIdle(Duration.ofMinutes(3))).as("queues drained").isTrue();
        scenario.assertOutcome(archive.contents(), pipeline.s3(), pipeline.bucket(), pipeline.deadLettered());
    }

    @Override
    public void close() {
        pipeline.close();
        archive.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
    }
}
