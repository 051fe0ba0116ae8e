package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.simulator.ArchiveContents;
import no.webcruiteresa.simulator.ServerProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * Applicant lists on time, end to end on the embedded stack under both archive profiles: both applicant lists are
 * archived as WebCruiter drops them (the public one unscreened, the extended one screened), and the daily check
 * reports exactly the posting whose deadline passed without a public list, by metric and by a WARN line naming
 * its case number only. The drops are gone from the bucket by then: the check learns them from the versions
 * their removal left (the template's bucket is versioned).
 */
class ApplicantListsEndToEndTest {
    private EmbeddedStack stack;

    @AfterEach
    void stopStack() {
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @ParameterizedTest(name = "archive profile {0}")
    @ValueSource(strings = {"standard", "strict"})
    void shouldArchiveBothListsAndReportOnlyThePostingWithoutAPublicList(String profile) throws Exception {
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withArchiveProfile(ServerProfile.named(profile)));
        Pipeline pipeline = stack.pipeline();
        pipeline.s3().putBucketVersioning(r -> r.bucket(pipeline.bucket())
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        // Deadlines long past (three weeks after 1 September) and still ahead (three weeks after today).
        DemoDrops withLists = new DemoDrops("240701", LocalDate.of(2026, 9, 1));
        DemoDrops withoutPublicList = new DemoDrops("240702", LocalDate.of(2026, 9, 1));
        DemoDrops notDueYet = new DemoDrops("240703", LocalDate.now());
        DemoDrops.upload(pipeline.s3(), pipeline.bucket(), withLists.drops());
        DemoDrops.upload(pipeline.s3(), pipeline.bucket(), withoutPublicList.drops().stream()
                .filter(d -> d.document().form() != Form.PUBLIC_APPLICANT_LIST).toList());
        DemoDrops.upload(pipeline.s3(), pipeline.bucket(), notDueYet.drops().stream()
                .filter(d -> d.document().form() == Form.POSTING).toList());
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(2))).isTrue();

        ArchiveContents archive = stack.archive().contents();
        ArchiveContents.Entry publicList = entryOf(archive, "WC301-240701");
        ArchiveContents.Entry extendedList = entryOf(archive, "WC302-240701");
        assertThat(publicList.screened()).as("the public list is open to the public").isFalse();
        assertThat(publicList.type()).isEqualTo("U");
        assertThat(extendedList.screened()).as("the extended list is exempt").isTrue();
        assertThat(extendedList.screeningBasis()).isEqualTo("Offl. § 25 første ledd");
        assertThat(entryOf(archive, "WC302-240702").screened()).isTrue();
        // (S3Mock still lists a versioned bucket's deleted objects, so their removal is not asserted here; the check
        // reads versions either way.)

        try (EmfCapture metrics = new EmfCapture();
             JulCapture warnings = JulCapture.of("no.webcruiteresa.application.CheckApplicantLists", Level.WARNING)) {
            Map<String, Object> report = pipeline.invokeScheduled("checkApplicantLists");

            assertThat(report).containsEntry("postings", 3).containsEntry("withPublicList", 1)
                    .containsEntry("overdue", List.of("240702"));
            assertThat(metrics.sum("MissingPublicApplicantList", Map.of("FunctionName", "checkApplicantLists")))
                    .isEqualTo(1.0);
            assertThat(warnings.messagesAt(Level.WARNING)).singleElement().asString().contains("240702")
                    .doesNotContain("Lærer", "Åse", "Bjørn");

            // The next run reads no drop again and reports the same; a late public list ends the warning.
            DemoDrops.upload(pipeline.s3(), pipeline.bucket(), withoutPublicList.drops().stream()
                    .filter(d -> d.document().form() == Form.PUBLIC_APPLICANT_LIST).toList());
            assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();
            Map<String, Object> later = pipeline.invokeScheduled("checkApplicantLists");
            assertThat(later).containsEntry("withPublicList", 2).containsEntry("overdue", List.of());
            assertThat(metrics.values("MissingPublicApplicantList", Map.of("FunctionName", "checkApplicantLists")))
                    .containsExactly(1.0, 0.0);
        }
        assertThat(pipeline.deadLettered()).isZero();
    }

    private static ArchiveContents.Entry entryOf(ArchiveContents archive, String documentId) {
        String entry = archive.documents().stream().filter(d -> d.externalReference().equals(documentId))
                .map(ArchiveContents.Document::entrySystemId).findFirst().orElseThrow();
        return archive.entries().stream().filter(e -> e.systemId().equals(entry)).findFirst().orElseThrow();
    }
}
