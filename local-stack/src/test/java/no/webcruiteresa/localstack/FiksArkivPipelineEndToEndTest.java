package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.webcruiteresa.simulator.ArchiveContents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded end-to-end scenario through the Fiks Arkiv door: the same drops, the same figures (every document
 * archived once, only its sources removed; then "posting closed" finishes the case), with the functions sending arkivmelding packages to the simulator's
 * Fiks Arkiv receiver instead of calling the REST API.
 */
class FiksArkivPipelineEndToEndTest {
    private EmbeddedStack stack;

    @AfterEach
    void stopStack() {
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
        System.clearProperty("webcruiter-esa.archive.protocol");
    }

    @Test
    void shouldArchiveEveryDocumentOnceThroughFiksArkiv_whenAPostingIsDropped() throws Exception {
        System.setProperty("webcruiter-esa.archive.protocol", "fiks-arkiv");
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests());
        PipelineScenario scenario = new PipelineScenario("240515");

        scenario.run(stack.pipeline());

        assertThat(stack.pipeline().awaitIdle(Duration.ofMinutes(2))).as("queues drained").isTrue();
        ArchiveContents contents = stack.archive().contents();
        scenario.assertOutcome(contents, stack.pipeline().s3(), stack.pipeline().bucket(),
                stack.pipeline().deadLettered());
        assertThat(contents.entries()).as("every entry came through Fiks Arkiv, keyed by our document id")
                .isNotEmpty().allSatisfy(e -> assertThat(e.json()).contains("\"referanseEksternNoekkel\"")
                        .contains("\"fagsystem\":\"WEBCRUITER\""));

        // "Posting closed": every document archived, so the case is finished (arkivmelding.oppdater), once.
        stack.pipeline().sqs().sendMessage(r -> r.queueUrl(stack.pipeline().queueOf("closeCase")).messageBody(
                "{\"type\":\"PostingClosed\",\"caseNumber\":\"240515\",\"closedAt\":\"2027-02-01T12:00:00+01:00\"}"));
        assertThat(stack.pipeline().awaitIdle(Duration.ofMinutes(2))).as("queues drained after closeCase").isTrue();
        assertThat(RoutingEndToEndTest.saksmappe(stack.pipeline().archiveRoot(), "240515").path("saksstatus")
                .path("kode").asString()).as("the REST side shows the case finished").isEqualTo("A");
        assertThat(stack.pipeline().deadLettered()).isZero();
    }
}
