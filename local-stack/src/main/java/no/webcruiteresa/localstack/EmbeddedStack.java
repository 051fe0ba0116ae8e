package no.webcruiteresa.localstack;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import no.webcruiteresa.simulator.ArchiveSimulator;
import no.webcruiteresa.simulator.ServerProfile;

/** The embedded local stack: S3Mock, ElasticMQ and the archive simulator on loopback, with the pipeline on them. */
public final class EmbeddedStack implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedStack.class.getName());

    /**
     * @param dataDir keeps S3 objects, queued messages and the archive between runs; null keeps everything in memory
     * @param pollQueues run the functions' event sources (off for tests that invoke functions themselves)
     * @param archiveUrl a real Noark 5 server to archive into instead of the simulator; null runs the simulator
     * @param archiveProfile how the simulator behaves (the standard, or the reference server's quirks)
     */
    public record Options(String bucket, int s3Port, int sqsPort, int archivePort, Path dataDir, int timeScale,
                          Duration retentionEvery, boolean pollQueues, int concurrency, URI archiveUrl,
                          ServerProfile archiveProfile) {
        public Options(String bucket, int s3Port, int sqsPort, int archivePort, Path dataDir, int timeScale,
                       Duration retentionEvery, boolean pollQueues) {
            this(bucket, s3Port, sqsPort, archivePort, dataDir, timeScale, retentionEvery, pollQueues, 1);
        }

        public Options(String bucket, int s3Port, int sqsPort, int archivePort, Path dataDir, int timeScale,
                       Duration retentionEvery, boolean pollQueues, int concurrency) {
            this(bucket, s3Port, sqsPort, archivePort, dataDir, timeScale, retentionEvery, pollQueues, concurrency,
                    null, ServerProfile.STANDARD);
        }

        public Options withArchive(URI url) {
            return new Options(bucket, s3Port, sqsPort, archivePort, dataDir, timeScale, retentionEvery, pollQueues,
                    concurrency, url, archiveProfile);
        }

        public Options withArchiveProfile(ServerProfile profile) {
            return new Options(bucket, s3Port, sqsPort, archivePort, dataDir, timeScale, retentionEvery, pollQueues,
                    concurrency, archiveUrl, profile);
        }

        /** Function instances per queue, as Lambda runs several at once under load. */
        public Options withConcurrency(int instances) {
            return new Options(bucket, s3Port, sqsPort, archivePort, dataDir, timeScale, retentionEvery, pollQueues,
                    instances, archiveUrl, archiveProfile);
        }

        public static Options defaults() {
            return new Options("webcruiter-drop", 9090, 9324, 8092, Path.of(".local-stack-data"), 60,
                    Duration.ofHours(24), true);
        }

        /** In memory on free ports: for tests that run beside other stacks. */
        public static Options forTests() {
            return new Options("webcruiter-drop", freePort(), freePort(), freePort(), null, 60, null, true);
        }

        public Options withPorts(int s3, int sqs, int archive) {
            return new Options(bucket, s3, sqs, archive, dataDir, timeScale, retentionEvery, pollQueues, concurrency,
                    archiveUrl, archiveProfile);
        }

        public Options withDataDir(Path dir) {
            return new Options(bucket, s3Port, sqsPort, archivePort, dir, timeScale, retentionEvery, pollQueues,
                    concurrency, archiveUrl, archiveProfile);
        }

        public Options withPollQueues(boolean poll) {
            return new Options(bucket, s3Port, sqsPort, archivePort, dataDir, timeScale, retentionEvery, poll,
                    concurrency, archiveUrl, archiveProfile);
        }
    }

    private final S3MockApplication s3Mock;
    private final SqsEmulator sqsServer;
    private final ArchiveSimulator archive;
    private final Pipeline pipeline;
    private boolean closed;

    private EmbeddedStack(Options options) {
        this.s3Mock = startS3(options);
        this.sqsServer = SqsEmulator.start(options.sqsPort(), options.dataDir() == null ? null
                : createDirectories(options.dataDir().resolve("sqs")));
        this.archive = options.archiveUrl() != null ? null : ArchiveSimulator.start(InetAddress.getLoopbackAddress(),
                options.archivePort(), options.dataDir() == null ? null : options.dataDir().resolve("archive"), 10,
                null, options.archiveProfile());
        this.pipeline = Pipeline.start(new Pipeline.Settings(URI.create("http://127.0.0.1:" + s3Mock.getHttpPort()),
                URI.create("http://127.0.0.1:" + options.sqsPort()), options.bucket(),
                archive == null ? options.archiveUrl() : archive.root(),
                options.timeScale(), false, options.pollQueues(), options.retentionEvery(), options.concurrency()));
    }

    public static EmbeddedStack start(Options options) {
        return new EmbeddedStack(options);
    }

    private static S3MockApplication startS3(Options options) {
        try {
            Path root = options.dataDir() == null ? Files.createTempDirectory("s3mock")
                    : Files.createDirectories(options.dataDir().resolve("s3"));
            Map<String, Object> properties = s3MockProperties(options.s3Port(), root, options.dataDir() != null);
            properties.put("com.adobe.testing.s3mock.store.initial-buckets", options.bucket());
            return S3MockApplication.start(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** S3Mock on loopback only, quiet, keeping its objects under {@code root} (after exit when {@code retain}). */
    static Map<String, Object> s3MockProperties(int port, Path root, boolean retain) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, port);
        properties.put(S3MockApplication.PROP_HTTPS_PORT, 0);
        properties.put("server.address", "127.0.0.1");
        // S3Mock's own HTTP connector ignores server.address: this binds it to loopback too.
        properties.put("spring.main.sources", LoopbackConnectors.class.getName());
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.com.adobe.testing", "WARN");
        properties.put("logging.level.org.springframework", "WARN");
        properties.put("logging.level.org.apache", "WARN");
        properties.put("com.adobe.testing.s3mock.store.region", Pipeline.REGION);
        properties.put("com.adobe.testing.s3mock.store.root", root.toAbsolutePath().toString());
        properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", retain);
        return properties;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** The simulator; fails when the stack archives into a real server. */
    public ArchiveSimulator archive() {
        if (archive == null) {
            throw new IllegalStateException("this stack archives into a real server, not the simulator");
        }
        return archive;
    }

    public boolean simulated() {
        return archive != null;
    }

    /** The root of the archive the functions use. */
    public URI archiveRoot() {
        return archive == null ? pipeline.archiveRoot() : archive.root();
    }

    public URI s3Endpoint() {
        return URI.create("http://127.0.0.1:" + s3Mock.getHttpPort());
    }

    public URI sqsEndpoint() {
        return URI.create(pipeline.queueUrl(pipeline.topology().queues().get(0).logicalId())).resolve("/");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        quietly(pipeline::close);
        if (archive != null) {
            quietly(archive::close);
        }
        quietly(sqsServer::close);
        // When the JVM is exiting, S3Mock's own shutdown hook may have closed it first.
        quietly(s3Mock::stop);
    }

    private static void quietly(Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            LOG.fine(() -> "while stopping: " + e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
