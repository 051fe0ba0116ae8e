package no.webcruiteresa.localstack;

import static no.webcruiteresa.localstack.SamTemplate.list;
import static no.webcruiteresa.localstack.SamTemplate.map;
import static no.webcruiteresa.localstack.SamTemplate.referencedId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wiring template.yaml declares, in the terms the local stack needs: queues with their redrive, the
 * bucket notification, and which function consumes which queue with what batch settings.
 */
public record Topology(Notification notification, List<QueueSpec> queues, List<FunctionSpec> functions) {

    /** S3 → SQS: created objects whose key ends with one of {@code suffixes} are announced on {@code queueId}. */
    public record Notification(String bucketId, String event, List<String> suffixes, String queueId) {
        public Notification {
            suffixes = List.copyOf(suffixes);
        }

        public boolean announces(String key) {
            return suffixes.stream().anyMatch(key::endsWith);
        }
    }

    public record QueueSpec(String logicalId, int visibilityTimeoutSeconds, int retentionSeconds,
                            String deadLetterQueueId, int maxReceiveCount) {
        public boolean isDeadLetterQueue() {
            return deadLetterQueueId == null;
        }
    }

    public record FunctionSpec(String logicalId, String definition, int timeoutSeconds, String queueId,
                               int batchSize, int batchingWindowSeconds, boolean reportsBatchItemFailures,
                               String scheduleExpression, String scheduleTimezone) {
        public boolean isQueueConsumer() {
            return queueId != null;
        }
    }

    public static Topology from(SamTemplate template) {
        return new Topology(notification(template), queues(template), functions(template));
    }

    public QueueSpec queue(String logicalId) {
        return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    public Optional<FunctionSpec> function(String definition) {
        return functions.stream().filter(f -> f.definition().equals(definition)).findFirst();
    }

    /** One queue configuration per suffix; the local stack supports them all going to one queue with one event. */
    private static Notification notification(SamTemplate template) {
        String bucketId = template.resourcesOfType("AWS::S3::Bucket").get(0);
        List<String> suffixes = new ArrayList<>();
        String event = null;
        String queueId = null;
        for (Object value : list(map(template.properties(bucketId).get("NotificationConfiguration"))
                .get("QueueConfigurations"))) {
            Map<String, Object> config = map(value);
            String thisEvent = String.valueOf(config.get("Event"));
            String thisQueue = referencedId(config.get("Queue"));
            if ((event != null && !event.equals(thisEvent)) || (queueId != null && !queueId.equals(thisQueue))) {
                throw new IllegalArgumentException("the local stack expects every bucket notification to announce "
                        + "one event on one queue; template.yaml has " + thisEvent + " on " + thisQueue);
            }
            event = thisEvent;
            queueId = thisQueue;
            for (Object rule : list(map(map(config.get("Filter")).get("S3Key")).get("Rules"))) {
                if ("suffix".equals(map(rule).get("Name"))) {
                    suffixes.add(String.valueOf(map(rule).get("Value")));
                }
            }
        }
        return new Notification(bucketId, event, suffixes, queueId);
    }

    private static List<QueueSpec> queues(SamTemplate template) {
        List<QueueSpec> queues = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::SQS::Queue")) {
            Map<String, Object> properties = template.properties(id);
            Map<String, Object> redrive = map(properties.get("RedrivePolicy"));
            queues.add(new QueueSpec(id, number(template, properties.get("VisibilityTimeout"), 30),
                    number(template, properties.get("MessageRetentionPeriod"), 345600),
                    redrive.isEmpty() ? null : referencedId(redrive.get("deadLetterTargetArn")),
                    redrive.isEmpty() ? 0 : number(template, redrive.get("maxReceiveCount"), 0)));
        }
        return queues;
    }

    private static List<FunctionSpec> functions(SamTemplate template) {
        List<FunctionSpec> functions = new ArrayList<>();
        int defaultTimeout = number(template, template.globals().get("Timeout"), 3);
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> properties = template.properties(id);
            String definition = String.valueOf(map(map(properties.get("Environment")).get("Variables"))
                    .get("SPRING_CLOUD_FUNCTION_DEFINITION"));
            int timeout = number(template, properties.get("Timeout"), defaultTimeout);
            if (map(properties.get("Events")).isEmpty()) {
                // Invoked by a person (redrive), not by an event source.
                functions.add(new FunctionSpec(id, definition, timeout, null, 0, 0, false, null, null));
            }
            for (Object value : map(properties.get("Events")).values()) {
                Map<String, Object> event = map(value);
                Map<String, Object> eventProperties = map(event.get("Properties"));
                String type = String.valueOf(event.get("Type"));
                if (type.equals("SQS")) {
                    functions.add(new FunctionSpec(id, definition, timeout, referencedId(eventProperties.get("Queue")),
                            number(template, eventProperties.get("BatchSize"), 10),
                            number(template, eventProperties.get("MaximumBatchingWindowInSeconds"), 0),
                            list(eventProperties.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                            null, null));
                } else if (type.startsWith("Schedule")) {
                    functions.add(new FunctionSpec(id, definition, timeout, null, 0, 0, false,
                            String.valueOf(eventProperties.get("ScheduleExpression")),
                            (String) eventProperties.get("ScheduleExpressionTimezone")));
                }
            }
        }
        return functions;
    }

    /** A number, or a {"Ref": parameter} resolved to the parameter's default. */
    private static int number(SamTemplate template, Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        Map<String, Object> ref = map(value);
        if (ref.containsKey("Ref")) {
            return number(template, template.parameterDefault(String.valueOf(ref.get("Ref"))), fallback);
        }
        return Integer.parseInt(String.valueOf(value));
    }
}
