package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import no.webcruiteresa.adapter.drop.DropWriter;
import no.webcruiteresa.application.DropKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PDFs that come after their XML, kept out of the soak and decided by the test's own progress, not by how fast this
 * machine is: a PDF that comes while the drop still waits is archived with it; one that comes after the incomplete
 * deadline finds its drop quarantined, and is archived once it arrives.
 */
class LateFileTest {
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @RegisterExtension
    static final StackExtension STACK =
            StackExtension.running(Map.of("webcruiter-esa.drop.incomplete-deadline", "3s"));

    @Test
    void shouldArchiveADrop_whosePdfComesAfterItsXmlButBeforeTheDeadline() throws Exception {
        DemoDrops.Drop drop = new DemoDrops("270001", LocalDate.of(2026, 11, 20)).drops().get(1);
        long failedBefore = STACK.pipeline().failedRecords();

        HeldClock.hold();
        try {
            putXml(drop);
            await("the drop was found waiting for its PDFs", () -> STACK.pipeline().failedRecords() > failedBefore);
            drop.files().forEach((name, content) -> STACK.put(DropKeys.fileKey(drop.xmlKey(), name), content));
        } finally {
            HeldClock.release();
        }
        assertThat(STACK.pipeline().awaitIdle(PATIENCE)).isTrue();

        assertThat(STACK.stack().archive().contents().entries()).filteredOn(e -> e.json().contains(
                "\"beskrivelse\":\"WEBCRUITER " + drop.document().documentId() + "\"")).hasSize(1);
        assertThat(STACK.keys(DropKeys.fileKey(drop.xmlKey(), ""))).as("drop removed").isEmpty();
        assertThat(STACK.keys("quarantine/" + drop.xmlKey())).isEmpty();
        assertThat(STACK.pipeline().deadLettered()).isZero();
    }

    @Test
    void shouldQuarantineADrop_whosePdfComesAfterTheDeadline_andArchiveItOnceThePdfArrives() throws Exception {
        DemoDrops.Drop drop = new DemoDrops("270002", LocalDate.of(2026, 11, 20)).drops().get(0);
        String report = "quarantine/" + drop.xmlKey() + ".report.json";

        putXml(drop);
        await("the drop is quarantined for its missing PDF", () -> !STACK.keys(report).isEmpty());
        String body = STACK.pipeline().s3().getObjectAsBytes(r -> r.bucket(STACK.pipeline().bucket()).key(report)).asString(StandardCharsets.UTF_8);
        drop.files().forEach((name, content) -> STACK.put(DropKeys.fileKey(drop.xmlKey(), name), content));
        assertThat(STACK.pipeline().awaitIdle(PATIENCE)).isTrue();

        assertThat(body).contains("files.file", drop.files().keySet().iterator().next(), "has not arrived within PT3S");
        // The late PDF releases the drop (LateFileAfterDeadlineTest shows how); here: archived once, nothing left.
        await("the released drop is archived and removed", () -> STACK.keys(report).isEmpty()
                && STACK.keys(DropKeys.fileKey(drop.xmlKey(), "")).isEmpty());
        assertThat(STACK.stack().archive().contents().entries()).as("archived once").filteredOn(e -> e.json().contains(
                "\"beskrivelse\":\"WEBCRUITER " + drop.document().documentId() + "\"")).hasSize(1);
        assertThat(STACK.pipeline().deadLettered()).isZero();
    }

    /**
     * The removal deletes the PDFs before the XML; a repeated delivery that reads the XML in between (or the XML sent
     * again later) must find the entry archived, not quarantine the drop for PDFs it no longer needs.
     */
    @Test
    void shouldNotQuarantineAnArchivedDrop_whosePdfsAreAlreadyRemoved() throws Exception {
        DemoDrops.Drop drop = new DemoDrops("270003", LocalDate.of(2026, 11, 20)).drops().get(2);
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));
        assertThat(STACK.pipeline().awaitIdle(PATIENCE)).isTrue();
        assertThat(STACK.keys(DropKeys.fileKey(drop.xmlKey(), ""))).as("archived and removed").isEmpty();

        putXml(drop);
        assertThat(STACK.pipeline().awaitIdle(PATIENCE)).isTrue();

        assertThat(STACK.keys("quarantine/" + drop.xmlKey())).as("quarantined").isEmpty();
        assertThat(STACK.keys(DropKeys.fileKey(drop.xmlKey(), ""))).as("removed again").isEmpty();
        assertThat(STACK.stack().archive().contents().entries()).filteredOn(e -> e.json().contains(
                "\"beskrivelse\":\"WEBCRUITER " + drop.document().documentId() + "\"")).hasSize(1);
        assertThat(STACK.pipeline().deadLettered()).isZero();
    }

    private static void putXml(DemoDrops.Drop drop) {
        STACK.put(drop.xmlKey(), new DropWriter().write(drop.document()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + PATIENCE + " until " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
