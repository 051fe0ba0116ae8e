package no.webcruiteresa.functions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The SQS event Lambda hands a function, reduced to the fields the functions read. Our own type rather than
 * aws-lambda-java-events' SQSEvent: the adapter converts it with the Jackson the jar already has, so the Lambda
 * serialization library (its own Jackson, Gson and Joda) stays out of the deployed jar (docs/startup.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SqsEvent(@JsonProperty("Records") List<Message> records) {
    public SqsEvent {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** One SQS message: its ids, body, system attributes (ApproximateReceiveCount, SentTimestamp) and ours. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String messageId, String receiptHandle, String body, Map<String, String> attributes,
                          Map<String, MessageAttribute> messageAttributes,
                          @JsonProperty("eventSourceARN") String eventSourceArn) {
        public Message {
            attributes = attributes == null ? Map.of() : attributes;
            messageAttributes = messageAttributes == null ? Map.of() : messageAttributes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MessageAttribute(String stringValue, String dataType) {
    }
}
