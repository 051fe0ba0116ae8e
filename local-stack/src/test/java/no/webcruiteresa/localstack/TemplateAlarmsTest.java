package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.webcruiteresa.adapter.metrics.EmfMetrics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alarms and the dashboard in template.yaml checked against the template and the code: every dead-letter
 * queue is watched, every alarm notifies the topic, and the alarms and the dashboard name only metrics that exist
 * (the functions' own, from the metrics adapter, or AWS's for queues and functions that are in the template).
 */
class TemplateAlarmsTest {
    private static final SamTemplate TEMPLATE = SamTemplate.fromClasspath();
    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final Map<String, Set<String>> AWS_METRICS = Map.of(
            "AWS/SQS", Set.of("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"),
            "AWS/Lambda", Set.of("Errors", "Invocations", "Throttles", "Duration"));
    private static final Map<String, String> DIMENSION_TYPES = Map.of(
            "QueueName", "AWS::SQS::Queue", "FunctionName", "AWS::Serverless::Function");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(\\.[A-Za-z]+)?}");

    @Test
    void everyDeadLetterQueueHasAnAlarmOnAnyVisibleMessage() {
        List<String> deadLetterQueues = TEMPLATE.resourcesOfType("AWS::SQS::Queue").stream()
                .map(id -> SamTemplate.map(TEMPLATE.properties(id).get("RedrivePolicy")).get("deadLetterTargetArn"))
                .filter(java.util.Objects::nonNull).map(SamTemplate::referencedId).toList();

        assertThat(deadLetterQueues).containsExactlyInAnyOrder("IntakeDeadLetterQueue", "PostingDeadLetterQueue",
                "ArchivedDeadLetterQueue", "ClosingDeadLetterQueue", "HireDeadLetterQueue");
        for (String queue : deadLetterQueues) {
            assertThat(alarms()).as("an alarm on %s", queue).anySatisfy(id -> {
                Map<String, Object> alarm = TEMPLATE.properties(id);
                assertThat(alarm).containsEntry("Namespace", "AWS/SQS")
                        .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                        .containsEntry("ComparisonOperator", "GreaterThanThreshold");
                assertThat(((Number) alarm.get("Threshold")).doubleValue()).isZero();
                assertThat(SamTemplate.list(alarm.get("Dimensions"))).singleElement().satisfies(d -> assertThat(
                        SamTemplate.referencedId(SamTemplate.map(d).get("Value"))).isEqualTo(queue));
            });
        }
    }

    @Test
    void everyAlarmNotifiesTheTopic_andTheTopicCanMailSomeone() {
        List<String> topics = TEMPLATE.resourcesOfType("AWS::SNS::Topic");
        assertThat(topics).containsExactlyInAnyOrder("AlarmTopic", "CaseNoticeTopic");

        assertThat(alarms()).hasSizeGreaterThanOrEqualTo(8).allSatisfy(id -> assertThat(
                SamTemplate.list(TEMPLATE.properties(id).get("AlarmActions"))).as(id)
                .contains(Map.of("Ref", "AlarmTopic")));
        assertThat(TEMPLATE.resource("AlarmEmailSubscription")).containsEntry("Condition", "HasAlarmEmail");
        assertThat(TEMPLATE.parameterDefault("AlarmEmail")).isEqualTo("");
    }

    @Test
    void alarmsNameOnlyMetricsThatExist() {
        for (String id : alarms()) {
            Map<String, Object> alarm = TEMPLATE.properties(id);
            if (alarm.containsKey("MetricName")) {
                assertMetricExists(id, namespaceOf(alarm.get("Namespace")), (String) alarm.get("MetricName"),
                        dimensions(alarm.get("Dimensions")));
                continue;
            }
            List<Object> queries = SamTemplate.list(alarm.get("Metrics"));
            assertThat(queries).as(id).isNotEmpty();
            List<String> ids = queries.stream().map(q -> (String) SamTemplate.map(q).get("Id")).toList();
            for (Object query : queries) {
                Map<String, Object> q = SamTemplate.map(query);
                if (q.containsKey("Expression")) {
                    Matcher used = Pattern.compile("\\b([a-z][a-z0-9]*)\\b").matcher((String) q.get("Expression"));
                    while (used.find()) {
                        assertThat(ids).as("%s: the expression names its queries", id).contains(used.group(1));
                    }
                    continue;
                }
                Map<String, Object> metric = SamTemplate.map(SamTemplate.map(q.get("MetricStat")).get("Metric"));
                assertMetricExists(id, namespaceOf(metric.get("Namespace")), (String) metric.get("MetricName"),
                        dimensions(metric.get("Dimensions")));
            }
        }
    }

    @Test
    void theDashboardNamesOnlyMetricsThatExist_andShowsEveryAlarm() {
        JsonNode body = dashboardBody();
        List<String> alarmsShown = new ArrayList<>();
        int metricsShown = 0;
        for (JsonNode widget : body.path("widgets")) {
            JsonNode properties = widget.path("properties");
            if (widget.path("type").asString().equals("alarm")) {
                properties.path("alarms").forEach(arn -> alarmsShown.add(arn.asString().replace(".Arn}", "")
                        .replace("${", "")));
                continue;
            }
            for (JsonNode metric : properties.path("metrics")) {
                List<String> parts = metric.valueStream().filter(JsonNode::isString).map(JsonNode::asString).toList();
                Map<String, String> dimensions = new java.util.LinkedHashMap<>();
                for (int i = 2; i + 1 < parts.size(); i += 2) {
                    dimensions.put(parts.get(i), parts.get(i + 1));
                }
                assertMetricExists("the dashboard", parts.get(0), parts.get(1), dimensions);
                metricsShown++;
            }
        }
        assertThat(metricsShown).isGreaterThanOrEqualTo(EmfMetrics.METRIC_NAMES.size());
        assertThat(alarmsShown).containsExactlyInAnyOrderElementsOf(alarms());
    }

    @Test
    void theNamespaceParameterIsTheFunctionsDefault() throws IOException {
        Map<String, Object> yml = new Yaml().load(Files.readString(
                Path.of("..", "functions", "src", "main", "resources", "application.yml")));
        Object namespace = SamTemplate.map(SamTemplate.map(yml.get("webcruiter-esa")).get("metrics")).get("namespace");

        assertThat(TEMPLATE.parameterDefault("MetricsNamespace")).isEqualTo(namespace);
    }

    private static List<String> alarms() {
        return TEMPLATE.resourcesOfType(ALARM);
    }

    /** The namespace as the dashboard writes it: the functions' own is "${MetricsNamespace}". */
    private static String namespaceOf(Object value) {
        return value instanceof String s ? s : "${" + SamTemplate.referencedId(value) + "}";
    }

    /** Dimension name to a "${LogicalId}" or "${LogicalId.Attribute}" value. */
    private static Map<String, String> dimensions(Object value) {
        Map<String, String> dimensions = new java.util.LinkedHashMap<>();
        for (Object dimension : SamTemplate.list(value)) {
            Map<String, Object> d = SamTemplate.map(dimension);
            dimensions.put((String) d.get("Name"), "${" + SamTemplate.referencedId(d.get("Value")) + "}");
        }
        return dimensions;
    }

    private static void assertMetricExists(String where, String namespace, String name,
                                           Map<String, String> dimensions) {
        if (namespace.equals("${MetricsNamespace}")) {
            assertThat(name).as("%s: a metric the functions write", where).isIn(EmfMetrics.METRIC_NAMES);
            assertThat(dimensions.keySet()).as("%s: %s", where, name).isSubsetOf("FunctionName", "Rule");
        } else {
            assertThat(AWS_METRICS).as(where).containsKey(namespace);
            assertThat(name).as("%s: an %s metric", where, namespace).isIn(AWS_METRICS.get(namespace));
        }
        assertThat(dimensions).as("%s: %s has dimensions", where, name).isNotEmpty();
        dimensions.forEach((dimension, reference) -> {
            Matcher m = SUBSTITUTION.matcher(reference);
            assertThat(m.matches()).as("%s: %s=%s names a resource", where, dimension, reference).isTrue();
            assertThat(TEMPLATE.resourcesOfType(DIMENSION_TYPES.get(dimension)))
                    .as("%s: %s of %s", where, dimension, name).contains(m.group(1));
        });
    }

    /** The DashboardBody, its ${...} checked to name a parameter, a resource or a pseudo parameter, as JSON. */
    private static JsonNode dashboardBody() {
        List<String> dashboards = TEMPLATE.resourcesOfType("AWS::CloudWatch::Dashboard");
        assertThat(dashboards).hasSize(1);
        String body = (String) SamTemplate.map(TEMPLATE.properties(dashboards.get(0)).get("DashboardBody")).get("Fn::Sub");
        Matcher m = SUBSTITUTION.matcher(body);
        while (m.find()) {
            String id = m.group(1);
            assertThat(id.startsWith("AWS::") || TEMPLATE.resources().containsKey(id)
                    || TEMPLATE.parameterDefault(id) != null).as("${%s} exists", id).isTrue();
        }
        return JsonMapper.builder().build().readTree(body);
    }
}
