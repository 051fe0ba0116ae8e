package no.webcruiteresa.localstack;

import com.adobe.testing.s3mock.S3MockApplication;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole pipeline on loopback: S3Mock, ElasticMQ, the archive simulator, and every function wired as
 * template.yaml wires it (queues with redrive, drop notifications, SQS event sources, the schedule).
 */
public final class EmbeddedStack implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedStack.class.getName());
    public static final String REGION = "eu-north-1";

    /**
     * @param dataDir          keeps S3 objects and the archive between runs; null keeps everything in memory
     * @param timeScale        local visibility timeouts are the template's divided by this, so retries come
     *                         in seconds instead of minutes
     * @param retentionEvery   how often the retention sweep runs locally; null runs it only on demand
     */
    public record Options(String bucket, int s3Port, int sqsPort, int archivePort, Path dataDir, int timeScale,
                          java.time.Duration retentionEvery) {
        public static Options defaults() {
            return new Options("webcruiter-drop", 9090, 9324, 8092, null, 60, java.time.Duration.ofHours(24));
        }

        /** Free loopback ports, for tests that run beside other stacks. */
        public Options withFreePorts() {
            return withPorts(freePort(), freePort(), freePort());
        }

        public Options withPorts(int s3, int sqs, int archive) {
            return new Options(bucket, s3, sqs, archive, dataDir, timeScale, retentionEvery);
        }

        public Options withDataDir(Path dir) {
            return new Options(bucket, s3Port, sqsPort, archivePort, dir, timeScale, retentionEvery);
        }
    }

    private final Options options;
    private final Topology topology;
    private final S3MockApplication s3Mock;
    private final SQSRestServer sqsServer;
    private final ArchiveSimulator archive;
    private final S3Client s3;
    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    private final Map<String, RequestStreamHandler> functions = new HashMap<>();
    private final List<QueuePoller> pollers = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DropNotifier notifier;
    private boolean closed;

    private EmbeddedStack(Options options) {
        this.options = options;
        this.topology = Topology.from(SamTemplate.fromClasspath());
        this.s3Mock = startS3(options);
        this.sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(options.sqsPort())
                .withServerAddress(new NodeAddress("http", "127.0.0.1", options.sqsPort(), "")).start();
        this.sqsServer.waitUntilStarted();
        this.archive = ArchiveSimulator.start(options.archivePort(),
                options.dataDir() == null ? null : options.dataDir().resolve("archive"));
        this.s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(REGION))
                .credentialsProvider(credentials()).endpointOverride(s3Endpoint()).forcePathStyle(true).build();
        this.sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(REGION))
                .credentialsProvider(credentials()).endpointOverride(sqsEndpoint()).build();
        createQueues();
        Topology.Notification notification = topology.notification();
        this.notifier = new DropNotifier(s3, sqs, options.bucket(), notification.suffix(),
                queueUrls.get(notification.queueId()), REGION);
    }

    /** Starts everything and begins processing; returns once every function is ready. */
    public static EmbeddedStack start(Options options) {
        EmbeddedStack stack = new EmbeddedStack(options);
        stack.startFunctions();
        return stack;
    }

    private static S3MockApplication startS3(Options options) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, options.s3Port());
        properties.put(S3MockApplication.PROP_HTTPS_PORT, 0);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.com.adobe.testing", "WARN");
        properties.put("logging.level.org.springframework", "WARN");
        properties.put("logging.level.org.apache", "WARN");
        properties.put("server.address", "127.0.0.1");
        properties.put("com.adobe.testing.s3mock.store.initial-buckets", options.bucket());
        properties.put("com.adobe.testing.s3mock.store.region", REGION);
        try {
            Path root = options.dataDir() == null ? Files.createTempDirectory("s3mock")
                    : Files.createDirectories(options.dataDir().resolve("s3"));
            properties.put("com.adobe.testing.s3mock.store.root", root.toString());
            properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", options.dataDir() != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return S3MockApplication.start(properties);
    }

    private void createQueues() {
        List<Topology.QueueSpec> ordered = new ArrayList<>(topology.queues());
        ordered.sort((a, b) -> Boolean.compare(!a.isDeadLetterQueue(), !b.isDeadLetterQueue()));
        for (Topology.QueueSpec queue : ordered) {
            Map<QueueAttributeName, String> attributes = new HashMap<>();
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT,
                    String.valueOf(Math.max(2, queue.visibilityTimeoutSeconds() / Math.max(1, options.timeScale()))));
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(queue.retentionSeconds()));
            if (!queue.isDeadLetterQueue()) {
                attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\""
                        + queueArn(queue.deadLetterQueueId()) + "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount()
                        + "\"}");
            }
            String url = sqs.createQueue(r -> r.queueName(queue.logicalId()).attributes(attributes)).queueUrl();
            queueUrls.put(queue.logicalId(), url);
        }
    }

    private void startFunctions() {
        configureFunctions();
        for (Topology.FunctionSpec spec : topology.functions()) {
            RequestStreamHandler handler = functions.computeIfAbsent(spec.definition(), FunctionInvoker::new);
            if (spec.isQueueConsumer()) {
                QueuePoller poller = new QueuePoller(spec.definition(), handler, sqs, queueUrls.get(spec.queueId()),
                        queueArn(spec.queueId()), spec.batchSize(), spec.timeoutSeconds(), REGION);
                pollers.add(poller);
                Thread thread = new Thread(poller, "poller-" + spec.definition());
                thread.setDaemon(true);
                thread.start();
            } else if (options.retentionEvery() != null) {
                long every = options.retentionEvery().toSeconds();
                scheduler.scheduleAtFixedRate(() -> invokeScheduled(spec), every, every, TimeUnit.SECONDS);
            }
        }
        notifier.sendTestEvent();
        scheduler.scheduleWithFixedDelay(notifier, 0, 300, TimeUnit.MILLISECONDS);
    }

    /** The functions read their settings as a Lambda would read its environment. */
    private void configureFunctions() {
        System.setProperty("MAIN_CLASS", "no.webcruiteresa.functions.WebcruiterEsaApplication");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setProperty("webcruiter-esa.aws.region", REGION);
        System.setProperty("webcruiter-esa.aws.s3-endpoint", s3Endpoint().toString());
        System.setProperty("webcruiter-esa.aws.sqs-endpoint", sqsEndpoint().toString());
        System.setProperty("webcruiter-esa.drop.bucket", options.bucket());
        System.setProperty("webcruiter-esa.archive.url", archive.root().toString());
        String archivedQueue = topology.function("removeXmlAttachment").orElseThrow().queueId();
        System.setProperty("webcruiter-esa.queues.archived-url", queueUrls.get(archivedQueue));
    }

    /** Runs a scheduled function now, as its schedule would. */
    public Map<String, Object> invokeScheduled(String definition) {
        return invokeScheduled(topology.function(definition).orElseThrow());
    }

    private Map<String, Object> invokeScheduled(Topology.FunctionSpec spec) {
        String definition = spec.definition();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            functions.get(definition).handleRequest(new ByteArrayInputStream(LambdaEvents.scheduled(REGION)), out,
                    new LocalContext(definition, spec.timeoutSeconds(), 1024));
            LOG.info(() -> definition + " ran on schedule: " + out);
            return LambdaEvents.asMap(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when no queue holds a message, no function is running and no new drop awaits its notification. */
    public boolean idle() {
        if (notifier.pending() || pollers.stream().anyMatch(QueuePoller::busy)) {
            return false;
        }
        for (Topology.QueueSpec queue : topology.queues()) {
            if (!queue.isDeadLetterQueue() && depth(queue.logicalId()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Waits until the stack is idle on two checks in a row. */
    public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            quiet = idle() ? quiet + 1 : 0;
            if (quiet >= 2) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Visible plus in-flight messages. */
    public int depth(String queueLogicalId) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrls.get(queueLogicalId)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    public String queueArn(String logicalId) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrls.get(logicalId))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    public String queueUrl(String logicalId) {
        return queueUrls.get(logicalId);
    }

    public Topology topology() {
        return topology;
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public ArchiveSimulator archive() {
        return archive;
    }

    public String bucket() {
        return options.bucket();
    }

    public URI s3Endpoint() {
        return URI.create("http://127.0.0.1:" + s3Mock.getHttpPort());
    }

    public URI sqsEndpoint() {
        return URI.create("http://127.0.0.1:" + options.sqsPort());
    }

    public long failedRecords() {
        return pollers.stream().mapToLong(p -> p.recordsFailed.get()).sum();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pollers.forEach(QueuePoller::stop);
        scheduler.shutdownNow();
        quietly(archive::close);
        quietly(sqsServer::stopAndWait);
        // S3Mock's own shutdown hook may have closed it already when the JVM is exiting.
        quietly(s3Mock::stop);
    }

    private static void quietly(Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            LOG.fine(() -> "while stopping: " + e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
