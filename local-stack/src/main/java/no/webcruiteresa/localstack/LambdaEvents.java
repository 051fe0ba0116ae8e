package no.webcruiteresa.localstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON events AWS sends: SQS batches as Lambda receives them, S3 notifications, scheduled events. */
public final class LambdaEvents {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private LambdaEvents() {
    }

    /** An SQS event source batch, as Lambda's poller hands it to a function. */
    public static byte[] sqsBatch(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject()
                    .put("messageId", message.messageId())
                    .put("receiptHandle", message.receiptHandle())
                    .put("body", message.body())
                    .put("md5OfBody", message.md5OfBody())
                    .put("eventSource", "aws:sqs")
                    .put("eventSourceARN", queueArn)
                    .put("awsRegion", region);
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
        }
        return JSON.writeValueAsBytes(event);
    }

    /** An S3 "object created" notification as S3 sends it to SQS: the key URL-encoded, '+' for space. */
    public static String objectCreated(String bucket, String key, long size, String eTag, String region) {
        ObjectNode notification = JSON.createObjectNode();
        ObjectNode record = notification.putArray("Records").addObject()
                .put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", region)
                .put("eventTime", Instant.now().toString()).put("eventName", "ObjectCreated:Put");
        record.putObject("userIdentity").put("principalId", "local-stack");
        ObjectNode s3 = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", "drop-intake");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        s3.putObject("object").put("key", encodeKey(key)).put("size", size).put("eTag", eTag)
                .put("sequencer", Long.toHexString(System.nanoTime()).toUpperCase());
        return JSON.writeValueAsString(notification);
    }

    /** The message S3 sends once when a notification is configured. */
    public static String s3TestEvent(String bucket) {
        return JSON.createObjectNode().put("Service", "Amazon S3").put("Event", "s3:TestEvent")
                .put("Time", Instant.now().toString()).put("Bucket", bucket)
                .put("RequestId", UUID.randomUUID().toString()).put("HostId", "local-stack").toString();
    }

    public static byte[] scheduled(String region) {
        ObjectNode event = JSON.createObjectNode().put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", "Scheduled Event").put("source", "aws.events").put("account", "000000000000")
                .put("time", Instant.now().toString()).put("region", region);
        event.putArray("resources");
        event.putObject("detail");
        return JSON.writeValueAsBytes(event);
    }

    /** The record ids a function reported as failed, from its SQSBatchResponse. */
    public static List<String> batchItemFailures(byte[] response) {
        var root = JSON.readTree(response);
        if (!root.has("batchItemFailures")) {
            throw new IllegalStateException("the function returned no batchItemFailures: " + root);
        }
        return root.path("batchItemFailures").valueStream()
                .map(failure -> failure.path("itemIdentifier").asString("")).toList();
    }

    public static Map<String, Object> asMap(byte[] response) {
        return JSON.readValue(response, Map.class);
    }

    private static String encodeKey(String key) {
        return Arrays.stream(key.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }
}
