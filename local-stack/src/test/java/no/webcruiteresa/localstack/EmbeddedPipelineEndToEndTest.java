package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.webcruiteresa.simulator.ServerProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tier 2: the whole pipeline on the embedded emulators and the archive simulator, driven only by drops; once
 * against the standard as written, once against the strict profile (the reference server's behaviour).
 */
class EmbeddedPipelineEndToEndTest {
    private EmbeddedStack stack;

    @AfterEach
    void stopStack() {
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @ParameterizedTest(name = "archive profile {0}")
    @ValueSource(strings = {"standard", "strict"})
    void shouldArchiveEveryDocumentOnceAndRemoveOnlyItsSources_whenAPostingIsDropped(String profile) throws Exception {
        ServerProfile archiveProfile = ServerProfile.named(profile);
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withArchiveProfile(archiveProfile));
        PipelineScenario scenario = new PipelineScenario("240500");
        if (!archiveProfile.unimplemented().isEmpty()) {
            scenario.withoutInternalRecipients();
        }

        scenario.run(stack.pipeline());

        assertThat(stack.pipeline().awaitIdle(Duration.ofMinutes(2))).as("queues drained").isTrue();
        scenario.assertOutcome(stack.archive().contents(), stack.pipeline().s3(), stack.pipeline().bucket(),
                stack.pipeline().deadLettered());
        assertThat(publicParties()).as("the public journal names no applicant as sender or recipient")
                .isNotEmpty().allSatisfy(cell -> scenario.drops.stream()
                        .flatMap(d -> d.document().applicantIfAny().stream())
                        .forEach(applicant -> assertThat(cell).doesNotContain(applicant.familyName())));
    }

    /** The sender/recipient cells of the simulator's public journal (offentleglova). */
    private java.util.List<String> publicParties() throws Exception {
        String html = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        stack.archive().htmlView().resolve("offentlig-journal")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.List<String> cells = new java.util.ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<td class=\"parties\">(.*?)</td>").matcher(html);
        while (matcher.find()) {
            cells.add(matcher.group(1));
        }
        return cells;
    }
}
