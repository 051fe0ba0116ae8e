package no.webcruiteresa.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.application.DropKeys;
import no.webcruiteresa.localstack.EmbeddedStack;
import no.webcruiteresa.simulator.ArchiveContents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The baselines must do the product's work, or the ratios mean nothing: each plain handler, fed the sample event
 * of events/, leaves in the archive and the bucket what the function leaves (S3Mock, ElasticMQ and the simulator
 * on loopback).
 */
class PlainHandlersTest {
    private static EmbeddedStack stack;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withPollQueues(false));
        System.setProperty("WEBCRUITERESA_AWS_S3ENDPOINT", stack.s3Endpoint().toString());
        System.setProperty("WEBCRUITERESA_AWS_SQSENDPOINT", stack.sqsEndpoint().toString());
        System.setProperty("WEBCRUITERESA_DROP_BUCKET", stack.pipeline().bucket());
        System.setProperty("WEBCRUITERESA_QUEUES_ARCHIVEDURL", stack.pipeline().queueOf("removeXmlAttachment"));
        System.setProperty("WEBCRUITERESA_ARCHIVE_URL", stack.archiveRoot().toString());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void archiveThenRemove_shouldArchiveBothFilesWhole_andThenEmptyTheDrop() throws Exception {
        Map<String, byte[]> files = BenchDrops.upload(stack.pipeline().s3(), stack.pipeline().bucket(), "770001",
                100_000);

        String archived = invoke(new PlainArchiveDocumentHandler(), event("archive-document.json", "770001"));

        assertThat(archived).isEqualTo("{\"batchItemFailures\":[]}");
        List<ArchiveContents.Document> documents = stack.archive().contents().documents().stream()
                .filter(d -> d.externalReference().equals(BenchDrops.documentId("770001"))).toList();
        assertThat(documents).extracting(ArchiveContents.Document::fileName)
                .containsExactlyInAnyOrder("soknad.pdf", "cv.pdf");
        assertThat(documents).allSatisfy(d -> assertThat(d.sha256()).isEqualTo(BenchDrops.sha256(
                files.get(d.fileName()))));
        assertThat(files.get("cv.pdf")).hasSize(100_000);

        String entryId = stack.archive().contents().entries().stream()
                .filter(e -> e.json().contains(BenchDrops.documentId("770001"))).findFirst().orElseThrow().registryId();
        String removed = invoke(new PlainRemoveXmlAttachmentHandler(), event("remove-xml-attachment.json", "770001")
                .replace("2026/1-1", entryId));

        assertThat(removed).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(stack.pipeline().s3().listObjectsV2(r -> r.bucket(stack.pipeline().bucket())
                .prefix(DropKeys.folder("770001", BenchDrops.documentId("770001")))).keyCount()).isZero();
    }

    @Test
    void createCase_shouldCreateTheCaseOnce() throws Exception {
        PlainCreateCaseHandler handler = new PlainCreateCaseHandler();

        String first = invoke(handler, event("create-case.json", "770002"));
        String second = invoke(handler, event("create-case.json", "770002"));

        assertThat(first).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(second).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(stack.archive().contents().cases()).filteredOn(c -> "WEBCRUITER 770002".equals(c.description()))
                .hasSize(1);
    }

    @Test
    void retentionSweep_shouldAnswerWithItsAudit() throws Exception {
        String audit = invoke(new PlainRetentionSweepHandler(), Files.readString(Path.of("../events",
                "retention-sweep-dry-run.json")));

        assertThat(audit).contains("\"dryRun\":true", "\"deleted\":0");
    }

    private static String event(String file, String caseNumber) throws Exception {
        return Files.readString(Path.of("../events", file)).replace("240117", caseNumber);
    }

    private static String invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String event)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
