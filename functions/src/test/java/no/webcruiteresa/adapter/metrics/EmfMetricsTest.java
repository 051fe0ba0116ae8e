package no.webcruiteresa.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the adapter writes is embedded metric format as CloudWatch Logs reads it: checked by parsing it back. */
class EmfMetricsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> lines = new ArrayList<>();
    private final EmfMetrics metrics = new EmfMetrics("webcruiter-esa-test", "", lines::add);

    @Test
    void shouldWriteOneValidDocumentPerInvocation_withEveryRecordedMetricAndTheFunctionAsDimension() {
        metrics.documentArchived(1200, Duration.ofMillis(350));
        metrics.documentArchived(800, Duration.ofMillis(150));
        metrics.batchHandled(5, 1, 2);
        metrics.postponeFailed();

        metrics.publish("archiveDocument");

        assertThat(lines).hasSize(1);
        JsonNode document = validEmf(lines.get(0));
        JsonNode directive = document.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asString()).isEqualTo("webcruiter-esa-test");
        assertThat(dimensionSets(directive)).containsExactly(List.of("FunctionName"));
        assertThat(document.path("FunctionName").asString()).isEqualTo("archiveDocument");
        assertThat(document.path("DocumentsArchived").asDouble()).isEqualTo(2);
        assertThat(document.path("BytesArchived").asDouble()).isEqualTo(2000);
        assertThat(document.path("MessagesReceived").asDouble()).isEqualTo(5);
        assertThat(document.path("MessagesFailed").asDouble()).isEqualTo(1);
        assertThat(document.path("Retries").asDouble()).isEqualTo(2);
        assertThat(document.path("PostponeFailures").asDouble()).isEqualTo(1);
        assertThat(document.path("ArchiveLatency").valueStream().map(JsonNode::asDouble).toList())
                .as("one latency value per document").containsExactly(350.0, 150.0);
        assertThat(units(directive)).containsEntry("BytesArchived", "Bytes").containsEntry("ArchiveLatency",
                "Milliseconds").containsEntry("DocumentsArchived", "Count");
    }

    @Test
    void shouldCountQuarantinesInTotalAndPerRule_inADocumentPerRule() {
        metrics.quarantined("files.file.sha256");
        metrics.quarantined("files.file.sha256");
        metrics.quarantined("documentDate");

        metrics.publish("archiveDocument");

        List<JsonNode> documents = lines.stream().map(EmfMetricsTest::validEmf).toList();
        assertThat(documents).hasSize(3);
        assertThat(documents.get(0).path("Quarantined").asDouble()).isEqualTo(3);
        assertThat(documents.subList(1, 3)).allSatisfy(d -> assertThat(dimensionSets(
                d.path("_aws").path("CloudWatchMetrics").get(0))).containsExactly(List.of("FunctionName", "Rule")));
        assertThat(documents.subList(1, 3)).extracting(d -> d.path("Rule").asString() + "=" + d.path("Quarantined").asInt())
                .containsExactly("documentDate=1", "files.file.sha256=2");
    }

    @Test
    void shouldStartAfreshAfterPublishing_andWriteNothingForAnInvocationThatRecordedNothing() {
        metrics.retentionSwept(10, 2, 1);
        metrics.publish("retentionSweep");
        metrics.publish("retentionSweep");

        assertThat(lines).hasSize(1);
        JsonNode document = validEmf(lines.get(0));
        assertThat(document.path("RetentionDeleted").asDouble()).isEqualTo(10);
        assertThat(document.path("RetentionHeld").asDouble()).isEqualTo(2);
        assertThat(document.path("RetentionErrors").asDouble()).isEqualTo(1);
    }

    @Test
    void shouldPreferTheConfiguredFunctionName_theLambdasOwn() {
        EmfMetrics inLambda = new EmfMetrics("webcruiter-esa", "webcruiter-esa-dev-redrive", lines::add);
        inLambda.redriven(1, 4);

        inLambda.publish("redrive");

        JsonNode document = validEmf(lines.get(0));
        assertThat(document.path("FunctionName").asString()).isEqualTo("webcruiter-esa-dev-redrive");
        assertThat(document.path("MessagesRedriven").asDouble()).isEqualTo(4);
        assertThat(document.path("DropsRedriven").asDouble()).isEqualTo(1);
    }

    @Test
    void shouldSplitLatenciesOverDocuments_atTheFormatsHundredValuesPerMetric() {
        for (int i = 0; i < 250; i++) {
            metrics.documentArchived(10, Duration.ofMillis(i));
        }

        metrics.publish("archiveDocument");

        List<JsonNode> documents = lines.stream().map(EmfMetricsTest::validEmf).toList();
        assertThat(documents).hasSize(3);
        assertThat(documents).extracting(d -> d.path("ArchiveLatency").size()).containsExactly(100, 100, 50);
        assertThat(documents.get(0).path("DocumentsArchived").asDouble()).isEqualTo(250);
        assertThat(documents.subList(1, 3)).allSatisfy(d -> assertThat(d.has("DocumentsArchived"))
                .as("counts once, not per document").isFalse());
        assertThat(documents.stream().flatMap(d -> d.path("ArchiveLatency").valueStream()).map(JsonNode::asInt)
                .toList()).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void ruleNamesNeverCarryInputText() {
        assertThat(EmfMetrics.ruleName("files.file.sha256")).isEqualTo("files.file.sha256");
        assertThat(EmfMetrics.ruleName("unknown form code 'Kari Nordmann'")).doesNotContain(" ", "'");
        assertThat(EmfMetrics.ruleName("x".repeat(500))).hasSize(64);
        assertThat(EmfMetrics.ruleName(null)).isEqualTo("unknown");
    }

    @Test
    void sinkNames() {
        assertThat(EmfMetrics.Sink.of("auto", true)).isEqualTo(EmfMetrics.Sink.STDOUT);
        assertThat(EmfMetrics.Sink.of("", false)).isEqualTo(EmfMetrics.Sink.LOG);
        assertThat(EmfMetrics.Sink.of("OFF", true)).isEqualTo(EmfMetrics.Sink.OFF);
        assertThatThrownBy(() -> EmfMetrics.Sink.of("cloudwatch", true)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Parses a line and checks it against the embedded metric format specification: a root object whose _aws
     * member holds an integer Timestamp and CloudWatchMetrics directives (Namespace, Dimensions as arrays of at
     * most 30 names, Metrics with Name and Unit), every dimension a string member and every metric a number or an
     * array of numbers at the root.
     */
    static JsonNode validEmf(String line) {
        assertThat(line).doesNotContain("\n");
        JsonNode root = JSON.readTree(line);
        assertThat(root.isObject()).isTrue();
        JsonNode aws = root.path("_aws");
        assertThat(aws.path("Timestamp").isIntegralNumber()).as("_aws.Timestamp").isTrue();
        assertThat(aws.path("CloudWatchMetrics").isArray()).isTrue();
        assertThat(aws.path("CloudWatchMetrics").size()).isPositive();
        for (JsonNode directive : aws.path("CloudWatchMetrics")) {
            assertThat(directive.path("Namespace").isString()).isTrue();
            assertThat(directive.path("Namespace").asString()).isNotBlank();
            assertThat(directive.path("Dimensions").isArray()).isTrue();
            for (JsonNode set : directive.path("Dimensions")) {
                assertThat(set.isArray() && set.size() <= 30).isTrue();
                set.forEach(name -> assertThat(root.path(name.asString()).isString())
                        .as("dimension %s is a string at the root", name).isTrue());
            }
            assertThat(directive.path("Metrics").size()).isBetween(1, 100);
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asString();
                assertThat(name).isIn(EmfMetrics.METRIC_NAMES);
                JsonNode value = root.path(name);
                assertThat(value.isNumber() || (value.isArray() && value.size() <= 100
                        && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isNumber)))
                        .as("metric %s is a number or an array of numbers", name).isTrue();
            }
        }
        return root;
    }

    private static List<List<String>> dimensionSets(JsonNode directive) {
        return directive.path("Dimensions").valueStream()
                .map(set -> set.valueStream().map(JsonNode::asString).toList()).toList();
    }

    private static java.util.Map<String, String> units(JsonNode directive) {
        java.util.Map<String, String> units = new java.util.HashMap<>();
        directive.path("Metrics").forEach(m -> units.put(m.path("Name").asString(), m.path("Unit").asString()));
        return units;
    }
}
