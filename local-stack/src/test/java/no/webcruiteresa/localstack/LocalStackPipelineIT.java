package no.webcruiteresa.localstack;

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

    private static ExternalAwsTier tier;

    @BeforeAll
    static void start() {
        tier = ExternalAwsTier.start(LOCALSTACK.getEndpoint(), "webcruiter-drop");
    }

    @AfterAll
    static void stop() {
        if (tier != null) {
            tier.close();
        }
    }

    @Test
    void shouldArchiveEveryDocumentOnceAndRemoveOnlyItsSources_whenAPostingIsDropped() throws Exception {
        tier.runScenario("240600");
    }
}
