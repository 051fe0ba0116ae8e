package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.BooleanSupplier;
import no.webcruiteresa.adapter.drop.DropWriter;
import no.webcruiteresa.application.DropKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PDF that arrives after its drop's deadline, on the running pipeline (the notifications template.yaml
 * declares, the functions polling their queues): the drop is quarantined first, then the late file must bring
 * it back together, instead of staying in the drop area for ever.
 */
class LateFileAfterDeadlineTest {
    private static final LocalDate DATE = LocalDate.of(2026, 11, 20);

    @RegisterExtension
    static final StackExtension STACK =
            StackExtension.running(Map.of("webcruiter-esa.drop.incomplete-deadline", "3s"));

    @Test
    void aFileArrivingAfterItsDropWasQuarantinedForLackingIt_shouldReleaseTheDropAndGetItArchived() throws Exception {
        DemoDrops.Drop drop = new DemoDrops("250030", DATE).drops().get(1);
        String folder = folder(drop);
        STACK.put(folder + "soknad.pdf", drop.files().get("soknad.pdf"));
        STACK.put(drop.xmlKey(), new DropWriter().write(drop.document()));
        awaitCondition(() -> exists("quarantine/" + drop.xmlKey() + ".report.json") && STACK.keys(folder).isEmpty(),
                "quarantined after the deadline");
        assertThat(STACK.report(drop.xmlKey())).contains("\"field\":\"files.file\"", "cv.pdf");

        STACK.put(folder + "cv.pdf", drop.files().get("cv.pdf"));
        awaitCondition(() -> STACK.keys(folder).isEmpty() && !exists("quarantine/" + drop.xmlKey() + ".report.json")
                && STACK.pipeline().idle(), "released, archived and removed");
        assertThat(STACK.pipeline().awaitIdle(Duration.ofMinutes(1))).isTrue();

        assertThat(STACK.stack().archive().contents().documents())
                .filteredOn(d -> d.externalReference().equals(drop.document().documentId()))
                .extracting(d -> d.fileName()).containsExactlyInAnyOrder("soknad.pdf", "cv.pdf");
        assertThat(STACK.keys(folder)).as("nothing left in the drop area").isEmpty();
        assertThat(STACK.keys("quarantine/" + folder)).as("nothing left in quarantine").isEmpty();
        assertThat(STACK.pipeline().deadLettered()).isZero();
    }

    @Test
    void aFileArrivingLateForADropQuarantinedForAnotherReason_shouldBeMovedBesideItAndRecorded() throws Exception {
        DemoDrops.Drop drop = new DemoDrops("250031", DATE).drops().get(1);
        String folder = folder(drop);
        STACK.put(folder + "soknad.pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII));
        STACK.put(drop.xmlKey(), new DropWriter().write(drop.document()));
        awaitCondition(() -> exists("quarantine/" + drop.xmlKey() + ".report.json") && STACK.keys(folder).isEmpty(),
                "quarantined");
        assertThat(STACK.report(drop.xmlKey())).contains("\"field\":\"files.file.size\"");

        STACK.put(folder + "cv.pdf", drop.files().get("cv.pdf"));
        awaitCondition(() -> exists("quarantine/" + folder + "cv.pdf") && STACK.keys(folder).isEmpty(), "late file moved");

        assertThat(STACK.report(drop.xmlKey())).contains("\"objects\":[\"" + folder + "cv.pdf\"").contains("\"missing\":[]");
        assertThat(STACK.pipeline().s3().getObjectAsBytes(r -> r.bucket(STACK.pipeline().bucket()).key("quarantine/" + folder + "cv.pdf"))
                .asByteArray()).isEqualTo(drop.files().get("cv.pdf"));
    }

    private static String folder(DemoDrops.Drop drop) {
        return DropKeys.folder(drop.document().posting().caseNumber(), drop.document().documentId());
    }

    /** Polls until the pipeline has done what is asked; the limit only stops a broken pipeline hanging the build. */
    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static boolean exists(String key) {
        return STACK.keys(key).contains(key);
    }
}
