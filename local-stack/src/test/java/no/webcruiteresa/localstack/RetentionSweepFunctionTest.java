package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.adapter.drop.S3RetentionStore;
import no.webcruiteresa.adapter.drop.S3SweepJournal;
import no.webcruiteresa.application.SweepRetention;
import no.webcruiteresa.application.port.SweepAudit;
import no.webcruiteresa.simulator.ArchiveContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The retentionSweep function as Lambda runs it (FunctionInvoker, the sample events), and the sweep beside a
 * working archive: a year later the drop bucket is empty and the archive holds exactly what it held.
 */
class RetentionSweepFunctionTest {
    @RegisterExtension
    static final StackExtension STACK = StackExtension.invokedByTests();

    @Test
    void aDryRunByHand_shouldReportWithoutDeleting_andLeaveAnAuditRecord() {
        STACK.pipeline().s3().putObject(r -> r.bucket(STACK.pipeline().bucket()).key("240117/WC201-240117-1009/soknad.pdf"),
                RequestBody.fromString("%PDF-1.7"));

        Map<String, Object> report = LambdaEvents.asMap(STACK.pipeline().invoke("retentionSweep",
                FunctionInvokerEventsTest.event("retention-sweep-dry-run.json")));

        assertThat(report).containsEntry("dryRun", true).containsEntry("complete", true).containsKeys("categories",
                "period", "cutoff", "heldItems", "errors");
        assertThat(STACK.keys("240117/WC201-240117-1009/")).hasSize(1);
        assertThat(STACK.keys("retention/audit/")).isNotEmpty();
    }

    @Test
    void theScheduledRun_shouldSweepForReal() {
        Map<String, Object> report = LambdaEvents.asMap(STACK.pipeline().invoke("retentionSweep",
                FunctionInvokerEventsTest.event("retention-sweep.json")));

        assertThat(report).containsEntry("dryRun", false).containsEntry("complete", true);
    }

    @Test
    void aYearAfterArchiving_theSweepEmptiesTheDropBucket_andTheArchiveIsUntouched() {
        DemoDrops.Drop drop = new DemoDrops("240117", java.time.LocalDate.of(2026, 11, 20)).drops().stream()
                .filter(d -> d.document().documentId().equals("WC201-240117-1001")).findFirst().orElseThrow();
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));
        assertThat(LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument",
                FunctionInvokerEventsTest.event("archive-document.json")))).isEmpty();
        ArchiveContents before = STACK.stack().archive().contents();
        assertThat(before.documents()).isNotEmpty();
        assertThat(STACK.keys("240117/")).isNotEmpty();

        SweepAudit audit = sweepAt(Instant.now().atZone(ZoneOffset.UTC).plusMonths(13).toInstant());

        assertThat(STACK.keys("")).allSatisfy(key -> assertThat(key).startsWith("retention/"));
        assertThat(audit.deleted()).isPositive();
        ArchiveContents after = STACK.stack().archive().contents();
        assertThat(after.cases()).isEqualTo(before.cases());
        assertThat(after.entries()).isEqualTo(before.entries());
        assertThat(after.documents()).isEqualTo(before.documents());
    }

    @Test
    void aRedrivenMessage_shouldCarryWhenItsOriginalFirstArrived() {
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        STACK.pipeline().sqs().sendMessage(r -> r.queueUrl(STACK.pipeline().queueUrl("PostingDeadLetterQueue")).messageBody("{}"));
        String request = "{\"deadLetterQueues\":[\"" + STACK.pipeline().queueUrl("PostingDeadLetterQueue") + ">"
                + STACK.pipeline().queueUrl("PostingQueue") + "\"]}";

        LambdaEvents.asMap(STACK.pipeline().invoke("redrive", request.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        var moved = STACK.pipeline().sqs().receiveMessage(r -> r.queueUrl(STACK.pipeline().queueUrl("PostingQueue"))
                .messageAttributeNames("All").maxNumberOfMessages(10)).messages();
        assertThat(moved).singleElement().satisfies(m -> assertThat(Instant.parse(
                m.messageAttributes().get("first-arrival").stringValue())).isBetween(before, Instant.now()));
        moved.forEach(m -> STACK.pipeline().sqs().deleteMessage(d -> d.queueUrl(STACK.pipeline().queueUrl("PostingQueue"))
                .receiptHandle(m.receiptHandle())));
    }

    private static SweepAudit sweepAt(Instant now) {
        S3RetentionStore store = new S3RetentionStore(STACK.pipeline().s3(), STACK.pipeline().bucket(), 4);
        try {
            return new SweepRetention(store, new S3SweepJournal(STACK.pipeline().s3(), STACK.pipeline().bucket(), "retention/"),
                    new SweepRetention.Settings(RetentionFixture.TWELVE_MONTHS, RetentionFixture.LAYOUT, 1000),
                    Clock.fixed(now, ZoneOffset.UTC)).sweep(false, () -> false);
        } finally {
            store.close();
        }
    }
}
