package no.webcruiteresa.localstack;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The functions wired as template.yaml wires them, against any S3 and SQS endpoint (embedded emulators,
 * moto, LocalStack): the template's queues with their redrive, the drop bucket's notification to the
 * intake queue, one SQS event source per function invoking it through FunctionInvoker, and the schedule.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());
    public static final String REGION = "eu-north-1";

    /**
     * @param timeScale           local visibility timeouts are the template's divided by this, so retries
     *                            come in seconds instead of minutes
     * @param nativeNotifications the S3 endpoint delivers bucket notifications itself (moto, LocalStack);
     *                            otherwise the pipeline announces new drops the way S3 would
     * @param pollQueues          run the event sources; off, functions run only when a test invokes them
     * @param retentionEvery      how often the retention sweep runs; null runs it only on demand
     * @param concurrency         function instances per queue, each with its own context, as Lambda scales out
     */
    public record Settings(URI s3Endpoint, URI sqsEndpoint, String bucket, URI archiveRoot, int timeScale,
                           boolean nativeNotifications, boolean pollQueues, Duration retentionEvery, int concurrency) {
        public Settings(URI s3Endpoint, URI sqsEndpoint, String bucket, URI archiveRoot, int timeScale,
                        boolean nativeNotifications, boolean pollQueues, Duration retentionEvery) {
            this(s3Endpoint, sqsEndpoint, bucket, archiveRoot, timeScale, nativeNotifications, pollQueues,
                    retentionEvery, 1);
        }
    }

    private final Settings settings;
    private final Topology topology;
    private final S3Client s3;
    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    private final Map<String, RequestStreamHandler> functions = new HashMap<>();
    private final List<QueuePoller> pollers = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private DropNotifier notifier;

    private Pipeline(Settings settings) {
        this.settings = settings;
        this.topology = Topology.from(SamTemplate.fromClasspath());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        this.s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(REGION))
                .credentialsProvider(credentials).endpointOverride(settings.s3Endpoint()).forcePathStyle(true).build();
        this.sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(REGION))
                .credentialsProvider(credentials).endpointOverride(settings.sqsEndpoint()).build();
    }

    /** Creates the resources, starts every function and, if asked, their event sources. */
    public static Pipeline start(Settings settings) {
        Pipeline pipeline = new Pipeline(settings);
        pipeline.createResources();
        pipeline.startFunctions();
        return pipeline;
    }

    private void createResources() {
        if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(settings.bucket()))) {
            s3.createBucket(r -> r.bucket(settings.bucket()));
        }
        List<Topology.QueueSpec> ordered = new ArrayList<>(topology.queues());
        ordered.sort((a, b) -> Boolean.compare(!a.isDeadLetterQueue(), !b.isDeadLetterQueue()));
        for (Topology.QueueSpec queue : ordered) {
            Map<QueueAttributeName, String> attributes = new HashMap<>();
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT,
                    String.valueOf(LocalTimings.visibilitySeconds(queue, settings.timeScale())));
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(queue.retentionSeconds()));
            if (!queue.isDeadLetterQueue()) {
                attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\""
                        + queueArn(queue.deadLetterQueueId()) + "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount()
                        + "\"}");
            }
            queueUrls.put(queue.logicalId(),
                    sqs.createQueue(r -> r.queueName(queue.logicalId()).attributes(attributes)).queueUrl());
        }
        Topology.Notification notification = topology.notification();
        String intakeUrl = queueUrls.get(notification.queueId());
        if (settings.nativeNotifications()) {
            String queueArn = queueArn(notification.queueId());
            List<QueueConfiguration> configurations = notification.suffixes().stream()
                    .map(suffix -> QueueConfiguration.builder().id("drop-intake" + suffix.replace('.', '-'))
                            .queueArn(queueArn).events(Event.fromValue(notification.event()))
                            .filter(f -> f.key(k -> k.filterRules(rule -> rule.name("suffix").value(suffix))))
                            .build())
                    .toList();
            s3.putBucketNotificationConfiguration(r -> r.bucket(settings.bucket())
                    .notificationConfiguration(c -> c.queueConfigurations(configurations)));
        } else {
            notifier = new DropNotifier(s3, sqs, settings.bucket(), notification, intakeUrl, REGION);
            notifier.sendTestEvent();
        }
    }

    private void startFunctions() {
        configureFunctions();
        for (Topology.FunctionSpec spec : topology.functions()) {
            RequestStreamHandler handler = functions.computeIfAbsent(spec.definition(), FunctionInvoker::new);
            if (!settings.pollQueues()) {
                continue;
            }
            if (spec.isQueueConsumer()) {
                for (int instance = 0; instance < Math.max(1, settings.concurrency()); instance++) {
                    RequestStreamHandler instanceHandler = instance == 0 ? handler : new FunctionInvoker(spec.definition());
                    QueuePoller poller = new QueuePoller(spec.definition(), instanceHandler, sqs,
                            queueUrls.get(spec.queueId()), queueArn(spec.queueId()), spec.batchSize(),
                            spec.timeoutSeconds(), REGION);
                    pollers.add(poller);
                    Thread thread = new Thread(poller, "poller-" + spec.definition() + "-" + instance);
                    thread.setDaemon(true);
                    thread.start();
                }
            } else if (spec.scheduleExpression() != null && settings.retentionEvery() != null) {
                long every = settings.retentionEvery().toSeconds();
                scheduler.scheduleAtFixedRate(() -> invokeScheduled(spec.definition()), every, every, TimeUnit.SECONDS);
            }
        }
        if (notifier != null && settings.pollQueues()) {
            scheduler.scheduleWithFixedDelay(notifier, 0, 300, TimeUnit.MILLISECONDS);
        }
    }

    public URI archiveRoot() {
        return settings.archiveRoot();
    }

    /** The functions read their settings as a Lambda reads its environment; here, one process-wide. */
    private void configureFunctions() {
        System.setProperty("MAIN_CLASS", "no.webcruiteresa.functions.WebcruiterEsaApplication");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setProperty("webcruiter-esa.aws.region", REGION);
        System.setProperty("webcruiter-esa.aws.s3-endpoint", settings.s3Endpoint().toString());
        System.setProperty("webcruiter-esa.aws.sqs-endpoint", settings.sqsEndpoint().toString());
        System.setProperty("webcruiter-esa.drop.bucket", settings.bucket());
        System.setProperty("webcruiter-esa.archive.url", settings.archiveRoot().toString());
        // Local only: the simulator (and a local test archive) speak plain http; deployed functions refuse it.
        System.setProperty("webcruiter-esa.archive.allow-insecure-url", "true");
        String archivedQueue = topology.function("removeXmlAttachment").orElseThrow().queueId();
        System.setProperty("webcruiter-esa.queues.archived-url", queueUrls.get(archivedQueue));
        // Retries in seconds, not minutes, and the waits cut from the same budget; a test may shorten the waits.
        LocalTimings timings = timings();
        System.setProperty("webcruiter-esa.retry.base-delay", timings.budget().baseDelay().toSeconds() + "s");
        System.setProperty("webcruiter-esa.retry.max-delay", timings.budget().maxDelay().toSeconds() + "s");
        System.setProperty("webcruiter-esa.retry.max-receive-count", String.valueOf(timings.budget().maxReceiveCount()));
        System.setProperty("webcruiter-esa.retry.visibility-timeout", timings.visibilityTimeout().toSeconds() + "s");
        System.setProperty("webcruiter-esa.archive.circuit-breaker-cool-down", "2s");
        setUnlessGiven("webcruiter-esa.drop.stale-lock-after", timings.staleLockAfter().toSeconds() + "s");
        setUnlessGiven("webcruiter-esa.drop.incomplete-deadline", timings.incompleteDeadline().toSeconds() + "s");
    }

    private static void setUnlessGiven(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /** The shortened retries and waits this pipeline gives its functions. */
    public LocalTimings timings() {
        return LocalTimings.of(topology, settings.timeScale());
    }

    /** The names {@link #configureFunctions()} sets, for tests that must leave the JVM as they found it. */
    public static List<String> systemProperties() {
        return List.of("MAIN_CLASS", "aws.accessKeyId", "aws.secretAccessKey", "webcruiter-esa.aws.region",
                "webcruiter-esa.aws.s3-endpoint", "webcruiter-esa.aws.sqs-endpoint", "webcruiter-esa.drop.bucket",
                "webcruiter-esa.archive.url", "webcruiter-esa.archive.allow-insecure-url",
                "webcruiter-esa.queues.archived-url", "spring.cloud.function.definition",
                "webcruiter-esa.retry.base-delay", "webcruiter-esa.retry.max-delay",
                "webcruiter-esa.retry.max-receive-count", "webcruiter-esa.retry.visibility-timeout",
                "webcruiter-esa.archive.circuit-breaker-cool-down",
                "webcruiter-esa.drop.stale-lock-after", "webcruiter-esa.drop.incomplete-deadline");
    }

    /** Invokes a function with a raw event, as Lambda would, and returns its raw response. */
    public byte[] invoke(String definition, byte[] event) {
        Topology.FunctionSpec spec = topology.function(definition).orElseThrow();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            functions.get(definition).handleRequest(new ByteArrayInputStream(event), out,
                    new LocalContext(definition, spec.timeoutSeconds(), 1024));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a scheduled function now, as its schedule would. */
    public Map<String, Object> invokeScheduled(String definition) {
        byte[] response = invoke(definition, LambdaEvents.scheduled(REGION));
        LOG.info(() -> definition + " ran on schedule");
        return LambdaEvents.asMap(response);
    }

    /** True when no queue holds a message, no function is running and no new drop awaits its notification. */
    public boolean idle() {
        if ((notifier != null && notifier.pending()) || pollers.stream().anyMatch(QueuePoller::busy)) {
            return false;
        }
        return topology.queues().stream().filter(q -> !q.isDeadLetterQueue()).allMatch(q -> depth(q.logicalId()) == 0);
    }

    /** Waits until the pipeline is idle on two checks in a row. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
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

    /** The queue a function consumes, by its bean name. */
    public String queueOf(String definition) {
        return queueUrls.get(topology.function(definition).orElseThrow().queueId());
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

    public String bucket() {
        return settings.bucket();
    }

    /** Records the functions reported as failed (each comes back for another delivery). */
    public long failedRecords() {
        return pollers.stream().mapToLong(p -> p.recordsFailed.get()).sum();
    }

    public int deadLettered() {
        return topology.queues().stream().filter(Topology.QueueSpec::isDeadLetterQueue)
                .mapToInt(q -> depth(q.logicalId())).sum();
    }

    @Override
    public void close() {
        pollers.forEach(QueuePoller::stop);
        scheduler.shutdownNow();
    }
}
