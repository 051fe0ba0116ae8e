package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import no.webcruiteresa.adapter.drop.DropWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The backoff of a failed message on ElasticMQ: a postpone that takes says when the message comes back; one that
 * fails (a queue that cannot be found, a receipt handle no longer valid) is a WARN with the AWS error code, and
 * the failure line does not promise a "next in" that will not happen; the PostponeFailures metric counts it.
 */
class SqsPostponeTest {
    private static final String SQS_BATCH = "no.webcruiteresa.functions.SqsBatch";

    @RegisterExtension
    static final StackExtension STACK = StackExtension.invokedByTests();

    @Test
    void shouldPostponeAFailedMessage_andSayWhenItComesBack() {
        Message message = incompleteDropAnnounced("240140");

        List<String> warnings;
        double postponeFailures;
        try (LogCapture log = LogCapture.of(SQS_BATCH, Level.WARNING); EmfCapture metrics = new EmfCapture()) {
            assertThat(invokeArchiveDocument(message, intakeArn())).containsExactly(message.messageId());
            warnings = log.messagesAt(Level.WARNING);
            postponeFailures = metrics.sum("PostponeFailures", Map.of("FunctionName", "archiveDocument"));
        }

        assertThat(postponeFailures).isZero();
        assertThat(warnings).singleElement().asString()
                .contains("message " + message.messageId() + " retried (delivery 1, next in ");
        // Postponed by a second or so, it is back long before the queue's own visibility timeout (12 s here).
        long start = System.nanoTime();
        assertThat(STACK.pipeline().sqs().receiveMessage(r -> r.queueUrl(intakeUrl()).waitTimeSeconds(5))
                .messages()).extracting(Message::messageId).containsExactly(message.messageId());
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(6));
        assertThat(STACK.pipeline().timings().visibilityTimeout()).isGreaterThan(java.time.Duration.ofSeconds(6));
        deleteAll();
    }

    @Test
    void shouldWarnWithTheErrorCode_whenTheQueueCannotBeFound() {
        Message message = incompleteDropAnnounced("240141");
        String missingQueue = intakeArn().replace(":IntakeQueue", ":NoSuchQueue");

        List<String> warnings;
        double postponeFailures;
        try (LogCapture log = LogCapture.of(SQS_BATCH, Level.WARNING); EmfCapture metrics = new EmfCapture()) {
            assertThat(invokeArchiveDocument(message, missingQueue)).containsExactly(message.messageId());
            warnings = log.messagesAt(Level.WARNING);
            postponeFailures = metrics.sum("PostponeFailures", Map.of("FunctionName", "archiveDocument"));
        }

        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .contains("could not postpone message " + message.messageId(), "QueueDoesNotExist"));
        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .contains("message " + message.messageId() + " retried (delivery 1, next after the queue's"));
        assertThat(warnings).noneMatch(w -> w.contains("next in "));
        assertThat(warnings).noneMatch(w -> w.contains(message.receiptHandle()));
        assertThat(postponeFailures).as("counted in the PostponeFailures metric").isEqualTo(1);
        deleteAll();
    }

    @Test
    void shouldWarnWithTheErrorCode_whenTheReceiptHandleIsNoLongerValid() {
        Message message = incompleteDropAnnounced("240142");
        Message stale = message.toBuilder().receiptHandle("no-longer-valid-" + message.messageId()).build();

        List<String> warnings;
        try (LogCapture log = LogCapture.of(SQS_BATCH, Level.WARNING)) {
            assertThat(invokeArchiveDocument(stale, intakeArn())).containsExactly(message.messageId());
            warnings = log.messagesAt(Level.WARNING);
        }

        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .contains("could not postpone message " + message.messageId(), "HTTP 400"));
        assertThat(warnings).noneMatch(w -> w.contains("next in "));
        deleteAll();
    }

    /** An XML whose PDFs have not arrived: archiveDocument fails it and asks for a later delivery. */
    private static Message incompleteDropAnnounced(String caseNumber) {
        DemoDrops.Drop drop = new DemoDrops(caseNumber, LocalDate.of(2026, 11, 20)).drops().get(0);
        deleteAll();
        byte[] xml = new DropWriter().write(drop.document());
        STACK.pipeline().s3().putObject(r -> r.bucket(STACK.pipeline().bucket()).key(drop.xmlKey()),
                RequestBody.fromBytes(xml));
        STACK.pipeline().sqs().sendMessage(r -> r.queueUrl(intakeUrl()).messageBody(LambdaEvents.objectCreated(
                STACK.pipeline().bucket(), drop.xmlKey(), xml.length, "etag", Pipeline.REGION)));
        List<Message> received = STACK.pipeline().sqs().receiveMessage(r -> r.queueUrl(intakeUrl())
                .maxNumberOfMessages(1).waitTimeSeconds(2)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static List<String> invokeArchiveDocument(Message message, String queueArn) {
        return LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument",
                LambdaEvents.sqsBatch(List.of(message), queueArn, Pipeline.REGION)));
    }

    /** Empties the intake queue (the stack's S3 test event, an earlier test's message). */
    private static void deleteAll() {
        STACK.pipeline().sqs().purgeQueue(r -> r.queueUrl(intakeUrl()));
    }

    private static String intakeUrl() {
        return STACK.pipeline().queueUrl("IntakeQueue");
    }

    private static String intakeArn() {
        return STACK.pipeline().queueArn("IntakeQueue");
    }
}
