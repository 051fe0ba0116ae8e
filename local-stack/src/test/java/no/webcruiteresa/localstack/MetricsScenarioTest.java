package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.adapter.drop.DropWriter;
import no.webcruiteresa.application.DropKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The metrics of the end-to-end scenario on the embedded stack, read back from the embedded metric format the
 * functions write: every document archived is counted once with its bytes and its latency, a corrupted drop is
 * counted under its rule, a PDF that comes late makes a retry, and the sweep and a redrive report their counts.
 */
class MetricsScenarioTest {
    private EmbeddedStack stack;
    private EmfCapture metrics;

    @AfterEach
    void stopStack() {
        metrics.close();
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @Test
    void shouldCountWhatTheScenarioDid() throws Exception {
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests());
        metrics = new EmfCapture();
        Pipeline pipeline = stack.pipeline();
        PipelineScenario scenario = new PipelineScenario("240600");
        List<DemoDrops.Drop> others = new DemoDrops("240601", LocalDate.of(2026, 11, 20)).drops();
        DemoDrops.Drop corrupted = others.get(0);
        DemoDrops.Drop late = others.get(1);

        scenario.run(pipeline);
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase"))
                .messageBody(new DemoDrops("240601", LocalDate.of(2026, 11, 20)).postingPublishedMessage()));
        uploadWithOneByteChanged(pipeline, corrupted);
        uploadXmlNowAndFilesAfterItFailed(pipeline, late);
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(2))).as("queues drained").isTrue();
        pipeline.invokeScheduled("retentionSweep");
        String redrive = "{\"drops\":[],\"deadLetterQueues\":[\"" + pipeline.queueUrl("PostingDeadLetterQueue") + ">"
                + pipeline.queueOf("createCase") + "\"]}";
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueUrl("PostingDeadLetterQueue"))
                .messageBody(scenario.demo.postingPublishedMessage()));
        pipeline.invoke("redrive", redrive.getBytes(StandardCharsets.UTF_8));
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();

        Map<String, String> archiveDocument = Map.of("FunctionName", "archiveDocument");
        List<DemoDrops.Drop> archived = new java.util.ArrayList<>(scenario.drops);
        archived.add(late);
        assertThat(metrics.sum("DocumentsArchived", archiveDocument)).isEqualTo(archived.size());
        assertThat(metrics.sum("BytesArchived", archiveDocument)).isEqualTo(archived.stream()
                .flatMap(d -> d.files().values().stream()).mapToLong(content -> content.length).sum());
        assertThat(metrics.values("ArchiveLatency", archiveDocument)).hasSize(archived.size())
                .allSatisfy(millis -> assertThat(millis).isPositive());
        assertThat(metrics.sum("Quarantined", archiveDocument)).isEqualTo(1);
        assertThat(metrics.sum("Quarantined", Map.of("FunctionName", "archiveDocument", "Rule", "files.file.sha256")))
                .isEqualTo(1);
        assertThat(metrics.sum("Retries", archiveDocument)).as("the late drop came back").isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("MessagesFailed", archiveDocument)).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("PostponeFailures", archiveDocument)).isZero();
        assertThat(metrics.sum("MessagesReceived", Map.of("FunctionName", "createCase"))).isEqualTo(3);
        assertThat(metrics.sum("MessagesReceived", Map.of("FunctionName", "removeXmlAttachment")))
                .isEqualTo(archived.size());
        assertThat(metrics.sum("RetentionErrors", Map.of("FunctionName", "retentionSweep"))).isZero();
        assertThat(metrics.values("RetentionDeleted", Map.of("FunctionName", "retentionSweep"))).hasSize(1);
        assertThat(metrics.sum("MessagesRedriven", Map.of("FunctionName", "redrive"))).isEqualTo(1);
        assertThat(metrics.documents()).allSatisfy(document -> assertThat(document.toString())
                .as("no id or name in any metric document").doesNotContain("240600", "240601", "WC", ".pdf"));
    }

    /** PDFs and XML as WebCruiter drops them, but one PDF differs from its declared checksum. */
    private static void uploadWithOneByteChanged(Pipeline pipeline, DemoDrops.Drop drop) {
        Map.Entry<String, byte[]> first = drop.files().entrySet().iterator().next();
        byte[] changed = first.getValue().clone();
        changed[changed.length - 10] ^= 1;
        DemoDrops.upload(pipeline.s3(), pipeline.bucket(), List.of(drop));
        pipeline.s3().putObject(r -> r.bucket(pipeline.bucket()).key(DropKeys.fileKey(drop.xmlKey(), first.getKey())),
                RequestBody.fromBytes(changed));
    }

    /** The XML first, its PDFs once archiveDocument has failed it: the message comes back for another delivery. */
    private void uploadXmlNowAndFilesAfterItFailed(Pipeline pipeline, DemoDrops.Drop drop) throws InterruptedException {
        pipeline.s3().putObject(r -> r.bucket(pipeline.bucket()).key(drop.xmlKey()),
                RequestBody.fromBytes(new DropWriter().write(drop.document())));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (metrics.sum("MessagesFailed", Map.of("FunctionName", "archiveDocument")) == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        drop.files().forEach((name, content) -> pipeline.s3().putObject(r -> r.bucket(pipeline.bucket())
                .key(DropKeys.fileKey(drop.xmlKey(), name)), RequestBody.fromBytes(content)));
    }
}
