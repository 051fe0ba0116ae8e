package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import no.webcruiteresa.adapter.drop.DropWriter;
import no.webcruiteresa.application.DropKeys;
import no.webcruiteresa.simulator.ServerProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * "Posting closed" on the embedded stack (S3Mock + ElasticMQ + the archive simulator over HTTP), under the standard
 * and the strict archive profile: the case stays open while a document of the posting is not archived (its XML is
 * in the drop area, its PDF not yet), then is finished once the document is archived and its drop removed; a
 * second "posting closed" changes nothing.
 */
class CaseLifecycleEndToEndTest {
    private EmbeddedStack stack;
    private EmfCapture metrics;

    @AfterEach
    void stopStack() {
        if (metrics != null) {
            metrics.close();
        }
        if (stack != null) {
            stack.close();
        }
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @ParameterizedTest(name = "archive profile {0}")
    @ValueSource(strings = {"standard", "strict"})
    void shouldWaitWhileADocumentIsUnarchived_andFinishTheCaseAfter(String profile) throws Exception {
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withArchiveProfile(ServerProfile.named(profile)));
        metrics = new EmfCapture();
        Pipeline pipeline = stack.pipeline();
        String caseNumber = profile.equals("strict") ? "250201" : "240201";
        DemoDrops demo = new DemoDrops(caseNumber, LocalDate.of(2026, 11, 20));
        DemoDrops.Drop late = demo.drops().get(1);
        Map<String, String> closeCase = Map.of("FunctionName", "closeCase");

        send(pipeline, "createCase", demo.postingPublishedMessage());
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();
        assertThat(status(pipeline, caseNumber)).isEqualTo("B");
        // The XML arrives, its PDFs do not (yet): the document waits in the drop area, unarchived.
        pipeline.s3().putObject(r -> r.bucket(pipeline.bucket()).key(late.xmlKey()),
                RequestBody.fromBytes(new DropWriter().write(late.document())));
        send(pipeline, "closeCase", "{\"type\":\"PostingClosed\",\"caseNumber\":\"" + caseNumber
                + "\",\"closedAt\":\"2027-02-01T12:00:00+01:00\"}");
        awaitMetric(() -> metrics.sum("CaseClosesWaiting", closeCase) >= 2, Duration.ofSeconds(90));
        assertThat(status(pipeline, caseNumber)).as("open while a document waits").isEqualTo("B");
        assertThat(metrics.sum("CasesClosed", closeCase)).isZero();

        late.files().forEach((name, content) -> pipeline.s3().putObject(r -> r.bucket(pipeline.bucket())
                .key(DropKeys.fileKey(late.xmlKey(), name)), RequestBody.fromBytes(content)));
        awaitMetric(() -> metrics.sum("CasesClosed", closeCase) >= 1, Duration.ofMinutes(3));
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();

        assertThat(status(pipeline, caseNumber)).isEqualTo("A");
        assertThat(new ArchiveReadBack(ArchiveReadBack.simulatorSettings(pipeline.archiveRoot()))
                .of(demo, java.util.List.of(late), "WEBCRUITER").complete(1)).as("the document is archived").isTrue();
        assertThat(pipeline.deadLettered()).isZero();

        // Idempotent: closed again, nothing is written and nothing counted.
        send(pipeline, "closeCase", "{\"type\":\"PostingClosed\",\"caseNumber\":\"" + caseNumber
                + "\",\"closedAt\":\"2027-02-01T12:00:00+01:00\"}");
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();
        assertThat(metrics.sum("CasesClosed", closeCase)).isEqualTo(1);
        assertThat(status(pipeline, caseNumber)).isEqualTo("A");
    }

    private static void send(Pipeline pipeline, String function, String body) {
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf(function)).messageBody(body));
    }

    private static String status(Pipeline pipeline, String caseNumber) throws Exception {
        return RoutingEndToEndTest.saksmappe(pipeline.archiveRoot(), caseNumber).path("saksstatus").path("kode")
                .asString();
    }

    private static void awaitMetric(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
