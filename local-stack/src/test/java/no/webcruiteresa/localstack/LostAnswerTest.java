package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A write whose answer is lost (the archive acts after the client has given up) must not let a second delivery of
 * the same document in before the write has landed: the creation lock is kept until it goes stale, not released
 * when the call fails. Found by the soak: two journalposts for one document, created 113 ms apart.
 */
class LostAnswerTest {
    private static final Duration STALL = Duration.ofSeconds(8);
    private static EmbeddedStack stack;
    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        System.setProperty("webcruiter-esa.archive.request-timeout", "1s");
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withPollQueues(false));
        pipeline = stack.pipeline();
    }

    @AfterAll
    static void stop() {
        stack.archive().faults().clear();
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
        System.clearProperty("webcruiter-esa.archive.request-timeout");
    }

    @Test
    void shouldNotMakeATwin_whenASecondDeliveryComesWhileALostJournalpostWriteIsStillOnItsWay() throws Exception {
        DemoDrops.Drop drop = new DemoDrops("280001", LocalDate.of(2026, 11, 20)).drops().get(1);
        DemoDrops.upload(pipeline.s3(), pipeline.bucket(), List.of(drop));
        stack.archive().faults().stallNext("POST", "ny-journalpost", STALL, 1);

        List<String> first = LambdaEvents.batchItemFailures(pipeline.invoke("archiveDocument", delivery(drop, "first")));
        List<String> second = LambdaEvents.batchItemFailures(pipeline.invoke("archiveDocument", delivery(drop, "second")));
        long deadline = System.nanoTime() + STALL.multipliedBy(10).toNanos();
        while (stack.archive().faults().stallsServed() < 1) {
            assertThat(System.nanoTime()).as("the stalled write was served").isLessThan(deadline);
            Thread.sleep(100);
        }

        assertThat(stack.archive().contents().entries()).as("journalposts for " + drop.document().documentId())
                .filteredOn(e -> e.json().contains("\"beskrivelse\":\"WEBCRUITER " + drop.document().documentId() + "\""))
                .hasSize(1);
        assertThat(first).as("the first delivery lost its answer").containsExactly("first");
        assertThat(second).as("the second delivery waits for the first one's lock").containsExactly("second");
    }

    private static byte[] delivery(DemoDrops.Drop drop, String messageId) {
        Message message = Message.builder().messageId(messageId).receiptHandle(messageId)
                .body(LambdaEvents.objectCreated(pipeline.bucket(), drop.xmlKey(), 1, "etag", Pipeline.REGION)).build();
        return LambdaEvents.sqsBatch(List.of(message), pipeline.queueArn("IntakeQueue"), Pipeline.REGION);
    }
}
