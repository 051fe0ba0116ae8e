package no.webcruiteresa.localstack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tier 3 on moto: the same scenario, with moto's S3 delivering the bucket notifications (its s3:TestEvent
 * first, keys URL-encoded) to moto's SQS. Uses the moto_server that {@code -Dmoto.endpoint} names, or
 * starts one on loopback when {@code moto_server} is on the PATH; skipped otherwise.
 */
class MotoPipelineIT {
    private static MotoServer motoServer;
    private static ExternalAwsTier tier;

    @BeforeAll
    static void start() throws Exception {
        String given = System.getProperty("moto.endpoint", "");
        if (given.isBlank()) {
            motoServer = MotoServer.startIfInstalled();
            assumeTrue(motoServer != null, "moto_server is not on the PATH");
        }
        tier = ExternalAwsTier.start(given.isBlank() ? motoServer.endpoint() : URI.create(given), "webcruiter-drop-moto");
    }

    @AfterAll
    static void stop() {
        if (tier != null) {
            tier.close();
        }
        if (motoServer != null) {
            motoServer.close();
        }
    }

    @Test
    void shouldArchiveEveryDocumentOnceAndRemoveOnlyItsSources_whenAPostingIsDropped() throws Exception {
        tier.runScenario("240700");
    }
}
