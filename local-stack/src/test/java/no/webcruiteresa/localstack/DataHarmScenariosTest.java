package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.adapter.drop.DropWriter;
import no.webcruiteresa.application.DropKeys;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.simulator.ArchiveContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Issue 10's data-harm scenarios, each driven as Lambda drives the functions (FunctionInvoker, S3Mock,
 * ElasticMQ, the archive simulator over HTTP) one step at a time, so every intermediate state can be checked.
 */
class DataHarmScenariosTest {
    private static final LocalDate DATE = LocalDate.of(2026, 11, 20);

    @RegisterExtension
    static final StackExtension STACK = StackExtension.invokedByTests();

    @Test
    void quarantine_shouldTakeTheRejectedXmlAndTheFilesItNames_andLeaveTheNeighboursWaitingInThePostingFolder() {
        List<DemoDrops.Drop> drops = new DemoDrops("250001", DATE).drops();
        DemoDrops.Drop misplaced = drops.get(1);
        DemoDrops.Drop neighbour = drops.get(3);
        String misplacedKey = "250001/" + misplaced.document().documentId() + ".xml";
        misplaced.files().forEach((name, bytes) -> STACK.put("250001/" + name, bytes));
        neighbour.files().forEach((name, bytes) -> STACK.put(DropKeys.fileKey(neighbour.xmlKey(), name), bytes));
        STACK.put("250001/notes.txt", "not a drop".getBytes(StandardCharsets.UTF_8));
        STACK.put(misplacedKey, new DropWriter().write(misplaced.document()));

        assertThat(archiveDocument(misplacedKey, "misplaced-1")).isEmpty();

        assertThat(STACK.report(misplacedKey)).contains("\"field\":\"documentId\"");
        assertThat(STACK.keys("quarantine/250001/")).containsExactlyInAnyOrder("quarantine/" + misplacedKey,
                "quarantine/250001/soknad.pdf", "quarantine/250001/cv.pdf", "quarantine/" + misplacedKey + ".report.json");
        assertThat(STACK.keys("250001/")).as("the neighbour's drop and the stranger stay where they are")
                .containsExactlyInAnyOrder("250001/notes.txt", DropKeys.fileKey(neighbour.xmlKey(), "soknad.pdf"),
                        DropKeys.fileKey(neighbour.xmlKey(), "cv.pdf"));

        STACK.put(neighbour.xmlKey(), new DropWriter().write(neighbour.document()));
        assertThat(archiveDocument(neighbour.xmlKey(), "neighbour-1")).isEmpty();
        assertThat(documentsOf(neighbour.document().documentId())).hasSize(2);
        drainArchivedNotices();
    }

    @Test
    void quarantine_shouldTakeOnlyTheXml_whenItCannotBeParsedAndSoNamesNoFiles() {
        String xmlKey = "250002/BROKEN-1/BROKEN-1.xml";
        STACK.put("250002/BROKEN-1/soknad.pdf", MinimalPdf.withText("a waiting file"));
        STACK.put(xmlKey, "<document>not the contract".getBytes(StandardCharsets.UTF_8));

        assertThat(archiveDocument(xmlKey, "broken-1")).isEmpty();

        assertThat(STACK.keys("quarantine/250002/")).containsExactlyInAnyOrder("quarantine/" + xmlKey,
                "quarantine/" + xmlKey + ".report.json");
        assertThat(STACK.keys("250002/")).containsExactly("250002/BROKEN-1/soknad.pdf");
    }

    @Test
    void sameDocumentIdUnderAnotherPosting_shouldBeQuarantinedAsAConflictNamingBothCases_andNeverDeleted() {
        DemoDrops.Drop first = new DemoDrops("250010", DATE).drops().get(0);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(first));
        assertThat(archiveDocument(first.xmlKey(), "twin-1")).isEmpty();
        drainArchivedNotices();
        DemoDrops.Drop other = new DemoDrops("250011", DATE).drops().get(0);
        DocumentDrop d = other.document();
        DemoDrops.Drop twin = new DemoDrops.Drop(new DocumentDrop(d.form(), first.document().documentId(), d.title(),
                d.documentDate(), d.posting(), null, first.document().files()), first.files());
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(twin));

        List<String> staleRemoval = removeXmlAttachment(List.of(Message.builder().messageId("stale-1")
                .receiptHandle("stale-1").body("{\"xmlKey\":\"" + twin.xmlKey() + "\",\"documentId\":\""
                        + twin.document().documentId() + "\",\"entryId\":\"x\"}").build()));
        assertThat(staleRemoval).as("a notice for the twin deletes nothing").containsExactly("stale-1");
        assertThat(STACK.keys("250011/")).hasSize(2);

        assertThat(archiveDocument(twin.xmlKey(), "twin-2")).isEmpty();

        String report = STACK.report(twin.xmlKey());
        assertThat(report).contains("\"field\":\"documentId\"", "WEBCRUITER 250010", "WEBCRUITER 250011");
        assertThat(STACK.pipeline().s3().getObjectAsBytes(r -> r.bucket(STACK.pipeline().bucket()).key("quarantine/" + twin.xmlKey()))
                .asByteArray()).as("kept, not deleted").isNotEmpty();
        assertThat(archivedNotices()).as("no notice, so nothing removes it").isEmpty();
        assertThat(documentsOf(first.document().documentId())).hasSize(1);
    }

    @Test
    void xmlUploadedAgainAfterItWasArchivedAndRemoved_shouldBeRemovedAgain_whenItsContentIsWhatWasArchived() {
        DemoDrops.Drop drop = new DemoDrops("250020", DATE).drops().get(1);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));
        assertThat(archiveDocument(drop.xmlKey(), "again-1")).isEmpty();
        assertThat(removeXmlAttachment(archivedNotices())).isEmpty();
        assertThat(STACK.keys("250020/")).isEmpty();

        STACK.put(drop.xmlKey(), new DropWriter().write(drop.document()));
        assertThat(archiveDocument(drop.xmlKey(), "again-2")).as("recognised, not waiting for its files").isEmpty();
        assertThat(removeXmlAttachment(archivedNotices())).isEmpty();

        assertThat(STACK.keys("250020/")).isEmpty();
        assertThat(STACK.keys("quarantine/250020/")).isEmpty();
        assertThat(documentsOf(drop.document().documentId())).hasSize(2);
    }

    @Test
    void xmlUploadedAgainAfterItWasArchivedAndRemoved_shouldBeQuarantinedAsAConflict_whenItsContentDiffers() {
        DemoDrops.Drop drop = new DemoDrops("250021", DATE).drops().get(0);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));
        assertThat(archiveDocument(drop.xmlKey(), "changed-1")).isEmpty();
        assertThat(removeXmlAttachment(archivedNotices())).isEmpty();
        DocumentDrop d = drop.document();
        DropFile file = d.files().get(0);
        DocumentDrop changed = new DocumentDrop(d.form(), d.documentId(), d.title(), d.documentDate(), d.posting(),
                null, List.of(new DropFile(file.name(), file.role(), file.title(), file.size() + 1, "0".repeat(64))));

        STACK.put(drop.xmlKey(), new DropWriter().write(changed));
        assertThat(archiveDocument(drop.xmlKey(), "changed-2")).isEmpty();

        assertThat(STACK.report(drop.xmlKey())).contains("\"field\":\"documentId\"", "other content");
        assertThat(archivedNotices()).isEmpty();
        assertThat(documentsOf(d.documentId())).singleElement()
                .satisfies(doc -> assertThat(doc.content()).isEqualTo(drop.files().get(file.name())));
    }

    @Test
    void xmlUploadedAgainWithAnotherFileList_shouldBeQuarantinedAsAConflict_notMixedIntoTheArchivedEntry() {
        DemoDrops.Drop drop = new DemoDrops("250022", DATE).drops().get(1);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));
        assertThat(archiveDocument(drop.xmlKey(), "list-1")).isEmpty();
        assertThat(removeXmlAttachment(archivedNotices())).isEmpty();
        DocumentDrop d = drop.document();
        byte[] other = MinimalPdf.withText("another main document");
        DocumentDrop changed = new DocumentDrop(d.form(), d.documentId(), d.title(), d.documentDate(), d.posting(),
                d.applicant(), List.of(new DropFile("soknad-ny.pdf", DropFile.Role.MAIN, "Søknad", other.length,
                DemoDrops.sha256(other))));

        STACK.put(DropKeys.fileKey(drop.xmlKey(), "soknad-ny.pdf"), other);
        STACK.put(drop.xmlKey(), new DropWriter().write(changed));
        assertThat(archiveDocument(drop.xmlKey(), "list-2")).isEmpty();

        assertThat(STACK.report(drop.xmlKey())).contains("\"field\":\"documentId\"", "other content");
        assertThat(documentsOf(d.documentId())).extracting(ArchiveContents.Document::fileName)
                .containsExactlyInAnyOrder("soknad.pdf", "cv.pdf");
        assertThat(archivedNotices()).isEmpty();
    }

    private static List<String> archiveDocument(String key, String messageId) {
        Message message = Message.builder().messageId(messageId).receiptHandle(messageId)
                .body(LambdaEvents.objectCreated(STACK.pipeline().bucket(), key, 1, "etag", Pipeline.REGION))
                .attributesWithStrings(Map.of("ApproximateReceiveCount", "1")).build();
        return LambdaEvents.batchItemFailures(STACK.pipeline().invoke("archiveDocument",
                LambdaEvents.sqsBatch(List.of(message), STACK.pipeline().queueArn("IntakeQueue"), Pipeline.REGION)));
    }

    private static List<String> removeXmlAttachment(List<Message> notices) {
        return LambdaEvents.batchItemFailures(STACK.pipeline().invoke("removeXmlAttachment",
                LambdaEvents.sqsBatch(notices, STACK.pipeline().queueArn("ArchivedQueue"), Pipeline.REGION)));
    }

    /** Takes every notice off the archived queue. */
    private static List<Message> archivedNotices() {
        String queue = STACK.pipeline().queueOf("removeXmlAttachment");
        List<Message> messages = STACK.pipeline().sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
        messages.forEach(m -> STACK.pipeline().sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())));
        return messages;
    }

    private static void drainArchivedNotices() {
        archivedNotices();
    }

    private static List<ArchiveContents.Document> documentsOf(String documentId) {
        return STACK.stack().archive().contents().documents().stream()
                .filter(d -> d.externalReference().equals(documentId)).toList();
    }
}
