package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.adobe.testing.s3mock.S3MockApplication;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import no.webcruiteresa.adapter.drop.S3RetentionStore;
import no.webcruiteresa.adapter.drop.S3SweepJournal;
import no.webcruiteresa.application.SweepRetention;
import no.webcruiteresa.application.port.SweepAudit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;

/**
 * The retention sweep at scale, not part of the test suite (its name does not end in Test):
 * {@code mvn -B -q -pl local-stack -am verify -Dtest=RetentionScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DskipITs -Dretention.bench.objects=50000 [-Dretention.bench.s3=s3mock-memory|moto]}. The S3 runs in a process of
 * its own (S3Mock in a second JVM, or moto_server), so the heap measured here is the sweep's. Plain S3Mock 5.2.0
 * ({@code s3mock}, the default) rewrites its whole bucket index on every put and delete, so beyond a few thousand
 * objects it measures S3Mock, not the sweep; {@code s3mock-memory} is the same S3Mock with that index held in memory
 * ({@link S3MockIndexInMemory}); moto keeps its index in memory. Prints one RESULT line (docs/performance.md).
 */
class RetentionScaleBenchmark {
    private static final String BUCKET = "webcruiter-drop";

    @Test
    void sweepManyObjects() throws Exception {
        int objects = Integer.getInteger("retention.bench.objects", 0);
        assumeTrue(objects > 0, "set -Dretention.bench.objects=N");
        String server = System.getProperty("retention.bench.s3", "s3mock");
        if (!List.of("s3mock", "s3mock-memory", "moto").contains(server)) {
            throw new IllegalArgumentException("-Dretention.bench.s3 is s3mock, s3mock-memory or moto, not " + server);
        }
        boolean onMoto = server.equals("moto");
        int port = EmbeddedStack.freePort();
        MotoServer moto = onMoto ? MotoServer.startIfInstalled() : null;
        assumeTrue(!onMoto || moto != null, "moto_server is not on the PATH");
        Path root = onMoto ? null : Files.createTempDirectory("s3mock-bench");
        Process s3Mock = onMoto ? null : startS3Mock(port, root, server.equals("s3mock-memory"));
        try {
            S3Calls calls = new S3Calls(false);
            LiveHeapAtDeletes liveHeap = new LiveHeapAtDeletes(10);
            S3Client s3 = EmbeddedS3.client(onMoto ? moto.endpoint() : URI.create("http://127.0.0.1:" + port), calls,
                    liveHeap);
            if (onMoto) {
                s3.createBucket(r -> r.bucket(BUCKET));
            }
            Instant arrived = Instant.now();
            long fillStart = System.nanoTime();
            fill(s3, objects);
            long fillSeconds = Duration.ofNanos(System.nanoTime() - fillStart).toSeconds();

            calls.reset();
            HeapWatch heap = HeapWatch.start();
            liveHeap.start();
            S3RetentionStore store = new S3RetentionStore(s3, BUCKET, 16);
            long start = System.nanoTime();
            SweepAudit audit = new SweepRetention(store, new S3SweepJournal(s3, BUCKET, "retention/"),
                    new SweepRetention.Settings(RetentionFixture.TWELVE_MONTHS, RetentionFixture.LAYOUT, 1000),
                    Clock.fixed(arrived.atZone(ZoneOffset.UTC).plusMonths(13).toInstant(), ZoneOffset.UTC))
                    .sweep(false, () -> false);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            store.close();

            String result = String.format("RESULT objects=%d deleted=%d failed=%d seconds=%.1f list_calls=%d "
                            + "delete_calls=%d tag_calls=%d head_calls=%d peak_heap_used_mb=%d max_heap_after_gc_mb=%d "
                            + "live_heap_at_delete_mb=%d "
                            + "xmx_mb=%d fill_seconds=%d java=%s cores=%d s3=%s", objects, audit.deleted(), audit.failed(),
                    millis / 1000.0, calls.count("ListObjectsV2") + calls.count("ListObjectVersions"),
                    calls.count("DeleteObjects"), calls.count("GetObjectTagging"), calls.count("HeadObject"),
                    heap.peakUsedBytes() >> 20, heap.maxAfterGcBytes() >> 20, liveHeap.maxBytes() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, fillSeconds, System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), server);
            System.out.println(result);
            Files.writeString(Path.of("target", "retention-benchmark.txt"), result + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            heap.stop();
            assertThat(audit.deleted()).isEqualTo(objects);
        } finally {
            if (moto != null) {
                moto.close();
            }
            if (s3Mock != null) {
                s3Mock.destroy();
                s3Mock.waitFor();
                deleteTree(root);
            }
        }
    }

    /** Drops, a tenth of them quarantined, put by 16 threads. */
    private static void fill(S3Client s3, int objects) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> puts = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            String key = (i % 10 == 0 ? "quarantine/" : "") + String.format("%06d/WC201-%06d-%04d/soknad.pdf",
                    i / 100, i / 100, i % 100);
            puts.add(pool.submit(() -> s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("%PDF-1.7"))));
        }
        for (Future<?> put : puts) {
            put.get();
        }
        pool.shutdown();
    }

    /** The store and its log, once S3Mock has exited: a run leaves one empty folder per object behind. */
    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        Files.deleteIfExists(Path.of(root + ".log"));
    }

    private static Process startS3Mock(int port, Path root, boolean indexInMemory) throws Exception {
        // Beside the store, not in it: S3Mock takes every folder entry of its root for a bucket.
        Path log = Path.of(root + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                (indexInMemory ? S3MockIndexInMemory.class : S3MockApplication.class).getName(), "--http.port=" + port, "--server.port=0", "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + root, "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL()
                        .openConnection();
                if (c.getResponseCode() > 0) {
                    return process;
                }
            } catch (java.io.IOException e) {
                Thread.sleep(300);
            }
        }
        process.destroy();
        throw new IllegalStateException("S3Mock did not start");
    }

    /**
     * What the sweep keeps reachable in the middle of a page: before every n-th {@code DeleteObjects} (the page
     * listed, its tags looked up, the batch built), a full collection, then the heap in use. Unlike the other two
     * figures this does not depend on how far the collector has got; it adds a few full collections to the time.
     */
    private static final class LiveHeapAtDeletes implements ExecutionInterceptor {
        private final int every;
        private final AtomicLong deletes = new AtomicLong();
        private final AtomicLong max = new AtomicLong();
        private volatile boolean started;

        LiveHeapAtDeletes(int every) {
            this.every = every;
        }

        void start() {
            started = true;
        }

        long maxBytes() {
            return max.get();
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (started && context.request() instanceof DeleteObjectsRequest
                    && deletes.getAndIncrement() % every == 0) {
                System.gc();
                max.accumulateAndGet(HeapWatch.heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum(),
                        Math::max);
            }
        }
    }

    /** Peak heap over the sweep: the pools' peak usage, and the largest heap left after any collection. */
    private static final class HeapWatch {
        private static final java.util.Set<String> HEAP_POOLS = heapPools().stream().map(MemoryPoolMXBean::getName)
                .collect(java.util.stream.Collectors.toSet());
        private final AtomicLong maxAfterGc = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                // The map holds every pool (metaspace, code cache too): count the heap's.
                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                maxAfterGc.accumulateAndGet(after, Math::max);
            }
        };

        static HeapWatch start() {
            System.gc();
            HeapWatch watch = new HeapWatch();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> {
                NotificationEmitter emitter = (NotificationEmitter) gc;
                emitter.addNotificationListener(watch.listener, null, null);
                watch.emitters.add(emitter);
            });
            return watch;
        }

        long peakUsedBytes() {
            return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        long maxAfterGcBytes() {
            return maxAfterGc.get();
        }

        void stop() throws Exception {
            for (NotificationEmitter emitter : emitters) {
                emitter.removeNotificationListener(listener);
            }
        }

        private static List<MemoryPoolMXBean> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
        }
    }
}
