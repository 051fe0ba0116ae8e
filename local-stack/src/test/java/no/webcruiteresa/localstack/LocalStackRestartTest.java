package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A local stack with a data directory keeps every message it accepted across a restart: waiting, in flight (a
 * function was working on it when the stack stopped) and dead-lettered. Before, queues lived in memory and a
 * restart lost a "posting published" message that had no document yet, and every dead letter.
 */
class LocalStackRestartTest {
    @TempDir
    Path dataDir;

    @AfterEach
    void clearProperties() {
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @Test
    void shouldKeepWaitingInFlightAndDeadLetteredMessages_acrossARestart() throws Exception {
        EmbeddedStack.Options options = EmbeddedStack.Options.forTests().withDataDir(dataDir).withPollQueues(false);
        try (EmbeddedStack before = EmbeddedStack.start(options)) {
            Pipeline pipeline = before.pipeline();
            pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase")).messageBody("{\"waiting\":1}"));
            pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueUrl("IntakeDeadLetterQueue")).messageBody("{\"dead\":1}"));
            pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("removeXmlAttachment")).messageBody("{\"inFlight\":1}"));
            List<Message> taken = pipeline.sqs().receiveMessage(r -> r.queueUrl(pipeline.queueOf("removeXmlAttachment"))
                    .visibilityTimeout(1).waitTimeSeconds(5)).messages();
            assertThat(taken).hasSize(1);
        }

        try (EmbeddedStack after = EmbeddedStack.start(options)) {
            Pipeline pipeline = after.pipeline();
            assertThat(receive(pipeline, pipeline.queueOf("createCase"))).extracting(Message::body)
                    .contains("{\"waiting\":1}");
            assertThat(receive(pipeline, pipeline.queueUrl("IntakeDeadLetterQueue"))).extracting(Message::body)
                    .containsExactly("{\"dead\":1}");
            List<Message> inFlight = receive(pipeline, pipeline.queueOf("removeXmlAttachment"));
            assertThat(inFlight).extracting(Message::body).containsExactly("{\"inFlight\":1}");
            assertThat(inFlight.get(0).attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
        }
    }

    private static List<Message> receive(Pipeline pipeline, String queueUrl) {
        return pipeline.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }
}
