package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import no.webcruiteresa.application.port.SweepAudit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * In a versioned bucket "deleted" must mean deleted: the sweep removes noncurrent versions and delete markers
 * too. Runs on S3Mock, and again on moto (a second, independent implementation of S3 versioning): a moto_server
 * on {@code -Dmoto.endpoint}, or one started on loopback when it is on the PATH; that half is skipped otherwise.
 */
class RetentionVersionsTest {
    private static final String XML = "240117/WC201-240117-1001/WC201-240117-1001.xml";
    private static final String PDF = "240117/WC201-240117-1001/soknad.pdf";
    private static EmbeddedS3 s3Mock;
    private static MotoServer moto;

    @BeforeAll
    static void start() {
        s3Mock = EmbeddedS3.start();
    }

    @AfterAll
    static void stop() {
        s3Mock.close();
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void shouldLeaveNoVersionAndNoDeleteMarker_ofWhatItDeletes_onS3Mock() {
        shouldLeaveNoVersionAndNoDeleteMarker(s3Mock.client());
    }

    @Test
    void shouldLeaveNoVersionAndNoDeleteMarker_ofWhatItDeletes_onMoto() throws Exception {
        String given = System.getProperty("moto.endpoint", "");
        if (given.isBlank()) {
            moto = MotoServer.startIfInstalled();
            assumeTrue(moto != null, "moto_server is not on the PATH");
        }
        shouldLeaveNoVersionAndNoDeleteMarker(EmbeddedS3.client(given.isBlank() ? moto.endpoint() : URI.create(given)));
    }

    private static void shouldLeaveNoVersionAndNoDeleteMarker(S3Client s3) {
        try (RetentionFixture drop = new RetentionFixture(s3, 2)) {
            s3.putBucketVersioning(r -> r.bucket(drop.bucket).versioningConfiguration(v -> v
                    .status(BucketVersioningStatus.ENABLED)));
            Instant arrived = Instant.now();
            drop.put(PDF);
            drop.put(PDF);                                         // a noncurrent version
            drop.put(XML);
            s3.deleteObject(r -> r.bucket(drop.bucket).key(XML)); // a delete marker over the XML's data
            drop.put("240118/WC201-240118-1001/soknad.pdf");
            assertThat(versions(drop).versions()).hasSize(4);
            assertThat(versions(drop).deleteMarkers()).hasSize(1);
            // Pages of two stop mid-way through a key's versions: the next page must take that key whole.

            SweepAudit young = drop.sweepAt(arrived.atZone(ZoneOffset.UTC).plusMonths(6).toInstant());
            assertThat(young.deleted()).isZero();

            SweepAudit audit = drop.sweepAt(arrived.atZone(ZoneOffset.UTC).plusMonths(13).toInstant());

            ListObjectVersionsResponse left = versions(drop);
            assertThat(left.versions()).allSatisfy(v -> assertThat(v.key()).startsWith("retention/"));
            assertThat(left.deleteMarkers()).isEmpty();
            assertThat(audit.deleted()).isEqualTo(5);
            assertThat(audit.noncurrentVersionsDeleted()).isEqualTo(2);
            assertThat(audit.deleteMarkersDeleted()).isEqualTo(1);
        }
    }

    private static ListObjectVersionsResponse versions(RetentionFixture drop) {
        return drop.s3.listObjectVersions(r -> r.bucket(drop.bucket));
    }
}
