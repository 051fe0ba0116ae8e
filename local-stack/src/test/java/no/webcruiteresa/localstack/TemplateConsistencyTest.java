package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import no.webcruiteresa.application.RetryBudget;
import no.webcruiteresa.functions.WebcruiterEsaApplication;
import no.webcruiteresa.functions.WebcruiterEsaProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** template.yaml checked against the code: beans, events, queues and timeouts must agree. */
class TemplateConsistencyTest {
    private static final Path EVENTS = Path.of("..", "events");
    private static final SamTemplate TEMPLATE = SamTemplate.fromClasspath();
    private static final Topology TOPOLOGY = Topology.from(TEMPLATE);
    private static ConfigurableApplicationContext functions;

    @BeforeAll
    static void startTheFunctionsApplication() {
        // application.yml's archive is the local simulator, over plain http: allowed for tests only.
        functions = new SpringApplication(WebcruiterEsaApplication.class).run("--webcruiter-esa.archive.allow-insecure-url=true");
    }

    @AfterAll
    static void stop() {
        functions.close();
    }

    @Test
    void everyFunctionNamesABeanThatExists_andRunsOnJava21WithTheFunctionInvoker() {
        assertThat(TOPOLOGY.functions()).isNotEmpty();
        for (Topology.FunctionSpec spec : TOPOLOGY.functions()) {
            assertThat(functions.containsBean(spec.definition())).as(spec.logicalId() + " -> " + spec.definition()).isTrue();
            assertThat(functions.getBean(spec.definition())).isInstanceOf(Function.class);
        }
        Map<String, Object> globals = TEMPLATE.globals();
        assertThat(globals).containsEntry("Runtime", "java21")
                .containsEntry("Handler", "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
        assertThat(SamTemplate.map(globals.get("SnapStart"))).containsEntry("ApplyOn", "PublishedVersions");
    }

    @Test
    void everyConsumedQueueHasADeadLetterQueue_andAVisibilityOfAtLeastSixTimesItsConsumersTimeout() {
        for (Topology.FunctionSpec consumer : TOPOLOGY.functions().stream().filter(Topology.FunctionSpec::isQueueConsumer).toList()) {
            Topology.QueueSpec queue = TOPOLOGY.queue(consumer.queueId());
            assertThat(queue.deadLetterQueueId()).as(queue.logicalId() + " has a DLQ").isNotNull();
            assertThat(TOPOLOGY.queue(queue.deadLetterQueueId()).isDeadLetterQueue()).isTrue();
            assertThat(queue.maxReceiveCount()).isPositive();
            assertThat(queue.visibilityTimeoutSeconds()).as(queue.logicalId() + " visibility")
                    .isGreaterThanOrEqualTo(6 * consumer.timeoutSeconds());
            assertThat(consumer.reportsBatchItemFailures()).as(consumer.logicalId() + " ReportBatchItemFailures").isTrue();
        }
        assertThat(TOPOLOGY.notification().event()).isEqualTo("s3:ObjectCreated:*");
        // The XML starts archiving; a PDF's arrival is needed to bring a late file to its quarantined drop.
        assertThat(TOPOLOGY.notification().suffixes()).containsExactlyInAnyOrder(".xml", ".pdf");
        assertThat(TOPOLOGY.notification().queueId())
                .isEqualTo(TOPOLOGY.function("archiveDocument").orElseThrow().queueId());
    }

    @Test
    void archiveDocumentMayWriteTheDropBucket_forItsLocksQuarantineAndReleases() {
        String id = TOPOLOGY.function("archiveDocument").orElseThrow().logicalId();
        String role = SamTemplate.referencedId(TEMPLATE.properties(id).get("Role"));

        assertThat(TemplateSecurityTest.actionsOn(TEMPLATE, role, "${DropBucket}/*"))
                .contains("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
    }

    @Test
    void templateTimings_endEveryWaitBeforeTheQueuesGiveUp() {
        WebcruiterEsaProperties properties = functions.getBean(WebcruiterEsaProperties.class);
        int maxReceiveCount = Integer.parseInt(String.valueOf(TEMPLATE.parameterDefault("MaxReceiveCount")));
        RetryBudget budget = new RetryBudget(properties.retry().maxReceiveCount(), properties.retry().baseDelay(),
                properties.retry().maxDelay());
        Map<String, Object> environment = SamTemplate.map(SamTemplate.map(TEMPLATE.globals().get("Environment")).get("Variables"));

        assertThat(properties.retry().maxReceiveCount()).as("application.yml's max-receive-count").isEqualTo(maxReceiveCount);
        assertThat(SamTemplate.map(environment.get("WEBCRUITERESA_RETRY_MAXRECEIVECOUNT"))).containsEntry("Ref", "MaxReceiveCount");
        for (Topology.FunctionSpec consumer : consumers()) {
            Topology.QueueSpec queue = TOPOLOGY.queue(consumer.queueId());
            Duration visibility = Duration.ofSeconds(queue.visibilityTimeoutSeconds());
            assertThat(queue.maxReceiveCount()).as(queue.logicalId() + " maxReceiveCount").isEqualTo(maxReceiveCount);
            assertThat(visibility).as(queue.logicalId() + " visibility").isEqualTo(properties.retry().visibilityTimeout());
            assertWaitsFit(budget, visibility, properties.drop().staleLockAfter(), properties.drop().incompleteDeadline(),
                    queue.logicalId());
            assertThat(properties.drop().staleLockAfter()).as("a live " + consumer.definition() + "'s lock is never taken over")
                    .isGreaterThan(Duration.ofSeconds(consumer.timeoutSeconds()));
            // Invocations (up to the timeout each) come on top of the delays; the message must outlive them all.
            Duration lastDelivery = budget.longestSpan().plusSeconds((long) maxReceiveCount * consumer.timeoutSeconds());
            assertThat(Duration.ofSeconds(queue.retentionSeconds())).as(queue.logicalId() + " keeps a message until its"
                    + " last delivery").isGreaterThan(lastDelivery);
        }
    }

    @Test
    void localStackTimings_endEveryWaitBeforeItsQueuesGiveUp() {
        LocalTimings local = LocalTimings.of(TOPOLOGY, EmbeddedStack.Options.defaults().timeScale());
        LocalTimings tests = LocalTimings.of(TOPOLOGY, EmbeddedStack.Options.forTests().timeScale());

        for (LocalTimings timings : List.of(local, tests)) {
            assertWaitsFit(timings.budget(), timings.visibilityTimeout(), timings.staleLockAfter(),
                    timings.incompleteDeadline(), "local stack");
            assertThat(timings.budget().maxReceiveCount()).isEqualTo(
                    Integer.parseInt(String.valueOf(TEMPLATE.parameterDefault("MaxReceiveCount"))));
            for (Topology.QueueSpec queue : TOPOLOGY.queues()) {
                assertThat(Duration.ofSeconds(queue.retentionSeconds())).as(queue.logicalId() + " retention")
                        .isGreaterThan(timings.budget().longestSpan());
            }
        }
    }

    /** Lock takeover after a crash and the wait for PDFs must be over while half the deliveries' time is left. */
    private static void assertWaitsFit(RetryBudget budget, Duration visibility, Duration staleLock, Duration deadline,
                                       String where) {
        Duration guaranteed = budget.guaranteedSpan();
        assertThat(staleLock).as(where + ": lock takeover within the budget").isLessThan(guaranteed);
        assertThat(deadline).as(where + ": incomplete deadline within the budget").isLessThan(guaranteed);
        assertThat(visibility.plus(staleLock).plus(deadline)).as(where + ": visibility " + visibility + " + stale lock "
                + staleLock + " + incomplete deadline " + deadline + " within half of " + guaranteed)
                .isLessThanOrEqualTo(guaranteed.dividedBy(2));
    }

    private static List<Topology.FunctionSpec> consumers() {
        return TOPOLOGY.functions().stream().filter(Topology.FunctionSpec::isQueueConsumer).toList();
    }

    @Test
    void everyEventFileBelongsToAFunction_andDeserialisesIntoTheTypeItTakes() throws IOException {
        List<Path> events = eventFiles();
        assertThat(events).hasSizeGreaterThanOrEqualTo(TOPOLOGY.functions().size());
        for (Path file : events) {
            Topology.FunctionSpec function = functionOf(file);
            try (InputStream in = Files.newInputStream(file)) {
                if (function.isQueueConsumer()) {
                    SQSEvent event = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
                            .fromJson(in);
                    assertThat(event.getRecords()).as(file.toString()).isNotEmpty().allSatisfy(record -> {
                        assertThat(record.getMessageId()).isNotBlank();
                        assertThat(record.getBody()).isNotBlank();
                        assertThat(record.getEventSourceArn()).endsWith(":" + function.queueId());
                    });
                } else if (function.scheduleExpression() != null) {
                    ScheduledEvent event = LambdaEventSerializers.serializerFor(ScheduledEvent.class,
                            getClass().getClassLoader()).fromJson(in);
                    assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
                } else {
                    assertThat(JsonMapper.builder().build().readTree(in).isObject()).as(file.toString()).isTrue();
                }
            }
        }
        for (Topology.FunctionSpec spec : TOPOLOGY.functions()) {
            assertThat(events).as("a sample event for " + spec.definition()).anyMatch(f -> functionOf(f).equals(spec));
        }
    }

    @Test
    void envJsonSetsOnlyVariablesTheTemplateDeclares() throws IOException {
        Map<String, Object> declared = SamTemplate.map(SamTemplate.map(TEMPLATE.globals().get("Environment")).get("Variables"));
        var env = JsonMapper.builder().build().readTree(EVENTS.resolve("env.json").toFile()).path("Parameters");

        assertThat(env.propertyNames()).isNotEmpty().allSatisfy(name -> assertThat(declared).containsKey(name));
    }

    private static List<Path> eventFiles() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().equals("env.json"))
                    .sorted().toList();
        }
    }

    /** events/create-case*.json belongs to createCase, and so on. */
    private static Topology.FunctionSpec functionOf(Path file) {
        String name = file.getFileName().toString();
        return TOPOLOGY.functions().stream()
                .filter(f -> name.startsWith(f.definition().replaceAll("([A-Z])", "-$1").toLowerCase()))
                .findFirst().orElseThrow(() -> new AssertionError(file + " belongs to no function of template.yaml"));
    }
}
