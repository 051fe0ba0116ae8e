package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.simulator.ArchiveContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Each function driven as Lambda drives it: through Spring Cloud Function's FunctionInvoker, with the
 * sample events in events/, against S3 and SQS emulators and the archive simulator over HTTP.
 */
class FunctionInvokerEventsTest {
    private static final String POSTING = "240117";

    @RegisterExtension
    static final StackExtension STACK = StackExtension.invokedByTests();

    @Test
    void createCase_shouldRegisterOneCaseWithTheSeedDefaults_evenWhenTheMessageIsDeliveredTwice() {
        byte[] event = event("create-case.json");

        List<String> first = LambdaEvents.batchItemFailures(STACK.pipeline().invoke("createCase", event));
        List<String> second = LambdaEvents.batchItemFailures(STACK.pipeline().invoke("createCase", event));

        assertThat(first).isEmpty();
        assertThat(second).isEmpty();
        List<ArchiveContents.Case> cases = casesFor(POSTING);
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).classId()).isEqualTo("410");
        assertThat(cases.get(0).archivePart()).isEqualTo("EL-SAKARKI");
        assertThat(cases.get(0).title()).isEqualTo("Lærer 100 % fast stilling ved Byåsen skole");
    }

    @Test
    void archiveDocumentThenRemoveXmlAttachment_shouldArchiveTheDropAndThenRemoveItsSources() {
        DemoDrops.Drop drop = dropNamedInTheEvents();
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));

        List<String> archiveFailures = LambdaEvents.batchItemFailures(
                STACK.pipeline().invoke("archiveDocument", event("archive-document.json")));

        assertThat(archiveFailures).isEmpty();
        ArchiveContents archive = STACK.stack().archive().contents();
        assertThat(archive.documents()).filteredOn(d -> d.externalReference().equals(drop.document().documentId()))
                .extracting(ArchiveContents.Document::fileName).containsExactlyInAnyOrder("soknad.pdf", "cv.pdf");
        var notices = STACK.pipeline().sqs().receiveMessage(r -> r.queueUrl(STACK.pipeline().queueOf("removeXmlAttachment"))
                .maxNumberOfMessages(10)).messages();
        assertThat(notices).filteredOn(m -> m.body().contains(drop.xmlKey())).singleElement()
                .satisfies(m -> assertThat(m.body()).doesNotContain("Åse"));
        assertThat(keysUnder(drop)).hasSize(3);

        List<String> removeFailures = LambdaEvents.batchItemFailures(
                STACK.pipeline().invoke("removeXmlAttachment", event("remove-xml-attachment.json")));

        assertThat(removeFailures).isEmpty();
        assertThat(keysUnder(drop)).isEmpty();
    }

    @Test
    void archiveDocument_shouldAcknowledgeAndIgnoreS3TestEvents() {
        int before = STACK.stack().archive().contents().entries().size();

        List<String> failures = LambdaEvents.batchItemFailures(
                STACK.pipeline().invoke("archiveDocument", event("archive-document-s3-test-event.json")));

        assertThat(failures).isEmpty();
        assertThat(STACK.stack().archive().contents().entries()).hasSize(before);
    }

    @Test
    void archiveDocument_shouldFailOnlyThatRecordAndKeepTheXml_whenAPdfHasNotArrived() {
        DemoDrops.Drop drop = new DemoDrops("240118", java.time.LocalDate.of(2026, 11, 20)).drops().get(0);
        STACK.pipeline().s3().putObject(r -> r.bucket(STACK.pipeline().bucket()).key(drop.xmlKey()),
                RequestBody.fromBytes(new no.webcruiteresa.adapter.drop.DropWriter().write(drop.document())));
        List<String> failures = LambdaEvents.batchItemFailures(
                STACK.pipeline().invoke("archiveDocument", archiveEventFor(drop, "incomplete-1")));

        assertThat(failures).containsExactly("incomplete-1");
        assertThat(keysUnder(drop)).containsExactly(drop.xmlKey());
    }

    @Test
    void archiveDocument_shouldQuarantineTheDropWithItsReport_whenAPdfDiffersFromItsDeclaredChecksum() {
        DemoDrops.Drop drop = new DemoDrops("240119", java.time.LocalDate.of(2026, 11, 20)).drops().get(0);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));
        byte[] swapped = drop.files().get("utlysning.pdf").clone();
        swapped[swapped.length - 10] ^= 1;
        STACK.pipeline().s3().putObject(r -> r.bucket(STACK.pipeline().bucket()).key(drop.xmlKey().replace(
                drop.document().documentId() + ".xml", "utlysning.pdf")), RequestBody.fromBytes(swapped));

        List<String> failures = LambdaEvents.batchItemFailures(
                STACK.pipeline().invoke("archiveDocument", archiveEventFor(drop, "swapped-1")));

        assertThat(failures).as("a drop that can never succeed is not retried").isEmpty();
        assertThat(STACK.stack().archive().contents().documents())
                .filteredOn(d -> d.externalReference().equals(drop.document().documentId()))
                .allSatisfy(d -> assertThat(d.content()).as("no file completed in the archive").isNull());
        assertThat(keysUnder(drop)).isEmpty();
        String report = new String(STACK.pipeline().s3().getObjectAsBytes(r -> r.bucket(STACK.pipeline().bucket())
                .key("quarantine/" + drop.xmlKey() + ".report.json")).asByteArray(), StandardCharsets.UTF_8);
        assertThat(report).contains("\"field\":\"files.file.sha256\"", drop.xmlKey(), "utlysning.pdf");
        assertThat(STACK.pipeline().s3().listObjectsV2(r -> r.bucket(STACK.pipeline().bucket()).prefix("quarantine/" +
                drop.xmlKey().substring(0, drop.xmlKey().lastIndexOf('/')))).keyCount()).isEqualTo(3);
    }

    @Test
    void archiveDocument_shouldLeaveOneWholeEntry_whenRepeatedAfterFailingBetweenEntryAndUpload() {
        DemoDrops.Drop drop = new DemoDrops("240120", java.time.LocalDate.of(2026, 11, 20)).drops().get(1);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));
        STACK.stack().archive().faults().failNext("POST", "/referanseFil$", 500, 1);

        List<String> first = LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument", archiveEventFor(drop, "crash-1")));
        // A 500 on a write is ambiguous: the entry lock is kept until it goes stale, so the next delivery waits.
        List<String> second = LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument", archiveEventFor(drop, "crash-1")));
        // What stale-lock-after does once it has passed: the lock is taken over.
        STACK.pipeline().s3().deleteObject(r -> r.bucket(STACK.pipeline().bucket()).key("locks/entry/" + drop.document().documentId()));
        List<String> third = LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument", archiveEventFor(drop, "crash-1")));
        List<String> fourth = LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument", archiveEventFor(drop, "crash-1")));

        assertThat(first).containsExactly("crash-1");
        assertThat(second).containsExactly("crash-1");
        assertThat(third).isEmpty();
        assertThat(fourth).isEmpty();
        ArchiveContents archive = STACK.stack().archive().contents();
        List<ArchiveContents.Document> documents = archive.documents().stream()
                .filter(d -> d.externalReference().equals(drop.document().documentId())).toList();
        assertThat(documents).extracting(ArchiveContents.Document::fileName).containsExactlyInAnyOrder("soknad.pdf", "cv.pdf");
        assertThat(documents).allSatisfy(d -> assertThat(d.content()).isNotNull());
        assertThat(documents.stream().map(ArchiveContents.Document::entrySystemId).distinct()).hasSize(1);
        assertThat(archive.entries()).filteredOn(e -> e.json().contains(drop.document().documentId())).hasSize(1);
        drainArchivedNotices();
    }

    @Test
    void archiveDocument_shouldFailLoudlyAndDeleteNothing_whenTheArchiveReportsAnotherChecksum() {
        DemoDrops.Drop drop = new DemoDrops("240121", java.time.LocalDate.of(2026, 11, 20)).drops().get(0);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));
        STACK.stack().archive().faults().misreportChecksums(1);

        List<String> failures = LambdaEvents.batchItemFailures(
                STACK.pipeline().invoke("archiveDocument", archiveEventFor(drop, "corrupt-1")));

        assertThat(failures).containsExactly("corrupt-1");
        assertThat(keysUnder(drop)).hasSize(2);
        assertThat(STACK.pipeline().sqs().receiveMessage(r -> r.queueUrl(STACK.pipeline().queueOf("removeXmlAttachment"))
                .maxNumberOfMessages(10)).messages()).noneMatch(m -> m.body().contains(drop.xmlKey()));
    }

    @Test
    void archiveDocument_shouldQuarantineADocumentIdReusedForOtherContent_andKeepTheArchivedOne() {
        DemoDrops.Drop first = new DemoDrops("240123", java.time.LocalDate.of(2026, 11, 20)).drops().get(0);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(first));
        assertThat(LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument", archiveEventFor(first, "dup-1"))))
                .isEmpty();
        DemoDrops.Drop second = new DemoDrops("240123", java.time.LocalDate.of(2026, 11, 21)).drops().get(0);
        byte[] other = MinimalPdf.withText("another posting text");
        var otherFile = new no.webcruiteresa.domain.DropFile("utlysning.pdf", no.webcruiteresa.domain.DropFile.Role.MAIN,
                "Utlysning", other.length, DemoDrops.sha256(other));
        var document = second.document();
        DemoDrops.Drop reused = new DemoDrops.Drop(new no.webcruiteresa.domain.DocumentDrop(document.form(),
                document.documentId(), document.title(), document.documentDate(), document.posting(), null,
                List.of(otherFile)), java.util.Map.of("utlysning.pdf", other));
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(reused));

        List<String> failures = LambdaEvents.batchItemFailures(
                STACK.pipeline().invoke("archiveDocument", archiveEventFor(reused, "dup-2")));

        assertThat(failures).isEmpty();
        String report = new String(STACK.pipeline().s3().getObjectAsBytes(r -> r.bucket(STACK.pipeline().bucket())
                .key("quarantine/" + reused.xmlKey() + ".report.json")).asByteArray(), StandardCharsets.UTF_8);
        assertThat(report).contains("\"field\":\"documentId\"", "other content");
        assertThat(STACK.stack().archive().contents().documents())
                .filteredOn(d -> d.externalReference().equals(document.documentId())).singleElement()
                .satisfies(d -> assertThat(d.content()).isEqualTo(first.files().get("utlysning.pdf")));
        drainArchivedNotices();
    }

    @Test
    void creationLocks_shouldAdmitOneHolderAtATime_andTakeOverALockLeftByACrash() {
        var clock = java.time.Clock.systemUTC();
        var locks = new no.webcruiteresa.adapter.drop.S3CreationLocks(STACK.pipeline().s3(), STACK.pipeline().bucket(), "locks/", clock);
        var later = new no.webcruiteresa.adapter.drop.S3CreationLocks(STACK.pipeline().s3(), STACK.pipeline().bucket(), "locks/",
                java.time.Clock.offset(clock, java.time.Duration.ofMinutes(11)));

        assertThat(locks.tryAcquire("case/1", java.time.Duration.ofMinutes(10))).isTrue();
        assertThat(locks.tryAcquire("case/1", java.time.Duration.ofMinutes(10))).as("held").isFalse();
        assertThat(later.tryAcquire("case/1", java.time.Duration.ofMinutes(10))).as("stale, taken over").isTrue();
        locks.release("case/1");
        assertThat(locks.tryAcquire("case/1", java.time.Duration.ofMinutes(10))).as("released").isTrue();
        locks.release("case/1");
    }

    @Test
    void redrive_shouldReleaseAFixedDropFromQuarantine_andMoveDeadLettersBack() {
        DemoDrops.Drop drop = new DemoDrops("240124", java.time.LocalDate.of(2026, 11, 20)).drops().get(0);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));
        String pdfKey = drop.xmlKey().replace(drop.document().documentId() + ".xml", "utlysning.pdf");
        STACK.pipeline().s3().putObject(r -> r.bucket(STACK.pipeline().bucket()).key(pdfKey), RequestBody.fromString("MZ not a pdf"));
        assertThat(LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument", archiveEventFor(drop, "bad-1"))))
                .isEmpty();
        assertThat(keysUnder(drop)).as("quarantined").isEmpty();
        STACK.pipeline().s3().putObject(r -> r.bucket(STACK.pipeline().bucket()).key("quarantine/" + pdfKey),
                RequestBody.fromBytes(drop.files().get("utlysning.pdf")));
        STACK.pipeline().sqs().sendMessage(r -> r.queueUrl(STACK.pipeline().queueUrl("IntakeDeadLetterQueue")).messageBody("{}"));
        String request = new String(event("redrive.json"), StandardCharsets.UTF_8)
                .replace("240117/WC201-240117-1001/WC201-240117-1001.xml", drop.xmlKey())
                .replace("http://127.0.0.1:9324/000000000000/IntakeDeadLetterQueue", STACK.pipeline().queueUrl("IntakeDeadLetterQueue"))
                .replace("http://127.0.0.1:9324/000000000000/IntakeQueue", STACK.pipeline().queueUrl("IntakeQueue"));

        var report = LambdaEvents.asMap(STACK.pipeline().invoke("redrive", request.getBytes(StandardCharsets.UTF_8)));

        assertThat(report).containsEntry("dropsReleased", 1).containsEntry("messagesMoved", 1);
        assertThat(keysUnder(drop)).hasSize(2);
        assertThat(LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument", archiveEventFor(drop, "fixed-1"))))
                .isEmpty();
        assertThat(STACK.stack().archive().contents().documents())
                .anySatisfy(d -> assertThat(d.externalReference()).isEqualTo(drop.document().documentId()));
        var moved = STACK.pipeline().sqs().receiveMessage(r -> r.queueUrl(STACK.pipeline().queueUrl("IntakeQueue")).maxNumberOfMessages(10))
                .messages();
        assertThat(moved).anySatisfy(m -> assertThat(m.body()).isEqualTo("{}"));
        moved.forEach(m -> STACK.pipeline().sqs().deleteMessage(d -> d.queueUrl(STACK.pipeline().queueUrl("IntakeQueue"))
                .receiptHandle(m.receiptHandle())));
        drainArchivedNotices();
    }

    @Test
    void createCase_shouldQuarantineAnUnreadableMessageAndAcknowledgeIt_besideAGoodOne() {
        String good = new String(event("create-case.json"), StandardCharsets.UTF_8);
        String poisonRecord = good.substring(good.indexOf('{', good.indexOf('[')), good.lastIndexOf(']'))
                .replace("5b2a4d4e-0c7f-4a59-9c39-1f1c2f0a0101", "poison-1")
                .replaceFirst("\"body\": \"[^\\n]*\",", "\"body\": \"not json\",");
        String batch = good.replace("\n  ]\n}", ",\n" + poisonRecord + "\n  ]\n}");

        List<String> failures = LambdaEvents.batchItemFailures(
                STACK.pipeline().invoke("createCase", batch.getBytes(StandardCharsets.UTF_8)));

        assertThat(batch).contains("poison-1", "5b2a4d4e-0c7f-4a59-9c39-1f1c2f0a0101");
        assertThat(failures).isEmpty();
        assertThat(casesFor(POSTING)).hasSize(1);
        String report = new String(STACK.pipeline().s3().getObjectAsBytes(r -> r.bucket(STACK.pipeline().bucket())
                .key("quarantine/messages/createCase/poison-1.report.json")).asByteArray(), StandardCharsets.UTF_8);
        assertThat(report).contains("\"field\":\"body\"", "must be JSON", "bodySha256").doesNotContain("not json");
        assertThat(STACK.pipeline().s3().getObjectAsBytes(r -> r.bucket(STACK.pipeline().bucket())
                .key("quarantine/messages/createCase/poison-1.body")).asUtf8String()).contains("not json");
    }

    @Test
    void archiveDocument_shouldReportExactlyTheFailingRecord_whenABatchMixesGoodAndFailingMessages() {
        DemoDrops.Drop drop = new DemoDrops("240122", java.time.LocalDate.of(2026, 11, 20)).drops().get(0);
        STACK.pipeline().s3().putObject(r -> r.bucket(STACK.pipeline().bucket()).key(drop.xmlKey()),
                RequestBody.fromBytes(new no.webcruiteresa.adapter.drop.DropWriter().write(drop.document())));
        String good = new String(event("archive-document-s3-test-event.json"), StandardCharsets.UTF_8);
        String waiting = new String(archiveEventFor(drop, "waiting-1"), StandardCharsets.UTF_8);
        String batch = good.replace("\n  ]\n}", ",\n" + waiting.substring(waiting.indexOf('{', waiting.indexOf('[')),
                waiting.lastIndexOf(']')) + "\n  ]\n}");

        List<String> failures = LambdaEvents.batchItemFailures(
                STACK.pipeline().invoke("archiveDocument", batch.getBytes(StandardCharsets.UTF_8)));

        assertThat(batch).contains("waiting-1", "c1f3e0d2-6b1a-4f7e-9a55-2e8d0c0a0202");
        assertThat(failures).containsExactly("waiting-1");
    }

    @Test
    void retentionSweep_shouldReportWhatItExaminedAndDeleted() {
        STACK.pipeline().s3().putObject(r -> r.bucket(STACK.pipeline().bucket()).key("recent/file.pdf"), RequestBody.fromString("x"));

        Map<String, Object> report = LambdaEvents.asMap(STACK.pipeline().invoke("retentionSweep", event("retention-sweep.json")));

        assertThat(report).containsKeys("examined", "deleted", "cutoff");
        assertThat((Integer) report.get("examined")).isPositive();
        assertThat(report.get("deleted")).isEqualTo(0);
        assertThat(STACK.pipeline().s3().listObjectsV2(r -> r.bucket(STACK.pipeline().bucket()).prefix("recent/")).keyCount()).isOne();
    }

    private static void drainArchivedNotices() {
        var queue = STACK.pipeline().queueOf("removeXmlAttachment");
        STACK.pipeline().sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages()
                .forEach(m -> STACK.pipeline().sqs().deleteMessage(d -> d.queueUrl(queue).receiptHandle(m.receiptHandle())));
    }

    /** The sample archiveDocument event, announcing another drop under another message id. */
    private static byte[] archiveEventFor(DemoDrops.Drop drop, String messageId) {
        return new String(event("archive-document.json"), StandardCharsets.UTF_8)
                .replace("240117/WC201-240117-1001/WC201-240117-1001.xml", drop.xmlKey())
                .replace("9d6f8a53-3a0e-4d4b-8f64-7f2f6c0a0201", messageId).getBytes(StandardCharsets.UTF_8);
    }

    private static DemoDrops.Drop dropNamedInTheEvents() {
        return new DemoDrops(POSTING, java.time.LocalDate.of(2026, 11, 20)).drops().stream()
                .filter(d -> d.document().documentId().equals("WC201-240117-1001")).findFirst().orElseThrow();
    }

    private static List<ArchiveContents.Case> casesFor(String posting) {
        return STACK.stack().archive().contents().cases().stream()
                .filter(c -> c.description().equals("WEBCRUITER " + posting)).toList();
    }

    private static List<String> keysUnder(DemoDrops.Drop drop) {
        String folder = drop.xmlKey().substring(0, drop.xmlKey().lastIndexOf('/') + 1);
        return STACK.pipeline().s3().listObjectsV2(r -> r.bucket(STACK.pipeline().bucket()).prefix(folder)).contents().stream()
                .map(o -> o.key()).toList();
    }

    static byte[] event(String name) {
        try (InputStream in = FunctionInvokerEventsTest.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no events/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
