package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.webcruiteresa.application.port.SweepAudit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's {@code s3mock-memory} server, small: the sweep runs on it as on plain S3Mock (pages, tag
 * lookups, a held object kept, batch deletes), while S3Mock's index file no longer follows each key.
 */
class S3MockIndexInMemoryTest {
    private static final int OBJECTS = 150;
    private static final String HELD = "000001/WC201-000001-0007/soknad.pdf";
    private static Path root;
    private static S3MockApplication server;
    private static final S3Calls CALLS = new S3Calls(false);
    private static RetentionFixture drop;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("s3mock-memory");
        server = S3MockIndexInMemory.start(EmbeddedStack.s3MockProperties(EmbeddedStack.freePort(), root, false));
        drop = new RetentionFixture(EmbeddedS3.client(URI.create("http://127.0.0.1:" + server.getHttpPort()), CALLS),
                50);
    }

    @AfterAll
    static void stop() {
        drop.close();
        server.stop();
    }

    @Test
    void sweepDeletesAllButTheHeldObject_whileTheIndexFileKeepsNoKey() throws Exception {
        Instant arrived = Instant.now();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < OBJECTS; i++) {
            keys.add((i % 10 == 0 ? "quarantine/" : "") + String.format("%06d/WC201-%06d-%04d/soknad.pdf", i / 100,
                    i / 100, i % 100));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        keys.forEach(key -> puts.add(pool.submit(() -> drop.put(key, Map.of()))));
        for (Future<?> put : puts) {
            put.get();
        }
        pool.shutdown();
        drop.s3.putObjectTagging(r -> r.bucket(drop.bucket).key(HELD)
                .tagging(t -> t.tagSet(s -> s.key("legal-hold").value("true"))));
        assertThat(drop.dataKeys()).hasSize(OBJECTS);
        CALLS.reset();

        SweepAudit audit = drop.sweepAt(arrived.atZone(ZoneOffset.UTC).plusMonths(13).toInstant());

        assertThat(audit.deleted()).isEqualTo(OBJECTS - 1);
        assertThat(audit.held()).isEqualTo(1);
        assertThat(audit.failed()).isZero();
        assertThat(audit.complete()).isTrue();
        assertThat(drop.dataKeys()).containsExactly(HELD);
        assertThat(CALLS.count("GetObjectTagging")).isEqualTo(OBJECTS);
        assertThat(CALLS.count("DeleteObjects")).isGreaterThanOrEqualTo(OBJECTS / 50);
        // Plain S3Mock would have written every key into this file; held in memory, it still names none.
        String indexFile = Files.readString(root.resolve(drop.bucket).resolve("bucketMetadata.json"));
        assertThat(indexFile).doesNotContain("soknad.pdf");
    }
}
