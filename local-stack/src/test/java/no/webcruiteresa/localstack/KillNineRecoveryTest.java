package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import no.webcruiteresa.application.DropKeys;
import no.webcruiteresa.simulator.ArchiveContents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crashes that are real: the functions run in a process of their own and are killed with SIGKILL at chosen steps
 * (no {@code finally}, locks stay held, in-flight messages stay invisible), then started again, while S3, SQS and
 * the archive keep running in this JVM. The drop must end archived exactly once and removed, with nothing
 * dead-lettered. Waits are on markers and observable state, never on the clock.
 */
class KillNineRecoveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Path WORK = Path.of("target", "kill-nine");

    private static EmbeddedStack stack;
    private static Pipeline pipeline;
    private final List<Process> processes = new ArrayList<>();
    private int started;

    @BeforeAll
    static void startEmulators() throws IOException {
        Files.createDirectories(WORK);
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withPollQueues(false));
        pipeline = stack.pipeline();
    }

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor();
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @Test
    void shouldArchiveExactlyOnce_afterKillsWithTheCaseMade_theJournalpostMade_andThePdfsRemoved() throws Exception {
        DemoDrops demo = new DemoDrops("260901", LocalDate.of(2026, 11, 20));
        DemoDrops.Drop drop = demo.drops().stream().filter(d -> d.files().size() == 3).findFirst().orElseThrow();
        String reference = "WEBCRUITER " + drop.document().documentId();
        DemoDrops.upload(pipeline.s3(), pipeline.bucket(), List.of(drop));

        killAt(KillPoints.CASE_CREATED);
        assertThat(archive().cases()).extracting(ArchiveContents.Case::description).containsExactly("WEBCRUITER 260901");
        assertThat(archive().entries()).isEmpty();

        killAt(KillPoints.ENTRY_CREATED);
        assertThat(entries(reference)).hasSize(1);
        assertThat(archive().documents()).as("nothing uploaded yet").allSatisfy(d -> assertThat(d.sha256()).isEmpty());

        // The restarted process finds the entry lock of the killed one and must take it over, not wait it out.
        killAt(KillPoints.PDFS_REMOVED);
        assertThat(archive().documents()).hasSize(3).allSatisfy(d -> assertThat(d.sha256()).isNotEmpty());
        assertThat(keysOf(drop)).containsExactly(drop.xmlKey());

        start(null);
        await("the drop is removed and every queue is drained", () -> keysOf(drop).isEmpty() && queuesDrained());

        ArchiveContents archive = archive();
        assertThat(archive.cases()).hasSize(1);
        assertThat(entries(reference)).as("no twin journalpost").hasSize(1);
        assertThat(archive.documents()).hasSize(3).allSatisfy(d -> assertThat(d.entrySystemId())
                .isEqualTo(entries(reference).get(0).systemId()));
        for (var file : drop.document().files()) {
            assertThat(archive.documents()).filteredOn(d -> d.fileName().equals(file.name())).singleElement()
                    .satisfies(d -> assertThat(d.sha256()).isEqualTo(file.sha256()));
        }
        assertThat(pipeline.deadLettered()).as("dead-lettered").isZero();
        assertThat(pipeline.s3().listObjectsV2(r -> r.bucket(pipeline.bucket()).prefix("locks/")).contents())
                .as("locks left by the killed processes are cleared with the drop").isEmpty();
    }

    /** Starts the pipeline process to die at {@code point}, waits until it is there, and kills it with SIGKILL. */
    private void killAt(KillPoints point) throws Exception {
        Path marker = WORK.resolve(point.name() + ".marker");
        Files.deleteIfExists(marker);
        Process process = start(point);
        await("the pipeline process reaches " + point, () -> Files.exists(marker));
        process.destroyForcibly().waitFor();
        processes.remove(process);
    }

    private Process start(KillPoints point) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (point != null) {
            command.add("-D" + KillPoints.KILL_AT + "=" + point.name());
            command.add("-D" + KillPoints.MARKER + "=" + WORK.resolve(point.name() + ".marker").toAbsolutePath());
        }
        command.addAll(List.of(PipelineProcess.class.getName(), stack.s3Endpoint().toString(),
                stack.sqsEndpoint().toString(), stack.archive().root().toString(), pipeline.bucket()));
        Path log = WORK.resolve("process-" + (++started) + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            Process current = processes.get(processes.size() - 1);
            assertThat(current.isAlive()).as("the pipeline process died on its own; see " + WORK.resolve(
                    "process-" + started + ".log")).isTrue();
            assertThat(System.nanoTime()).as("waited " + PATIENCE + " for " + what + "; see " + WORK).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static boolean queuesDrained() {
        return pipeline.topology().queues().stream().filter(q -> !q.isDeadLetterQueue())
                .allMatch(q -> pipeline.depth(q.logicalId()) == 0);
    }

    private static List<String> keysOf(DemoDrops.Drop drop) {
        String folder = DropKeys.fileKey(drop.xmlKey(), "");
        return pipeline.s3().listObjectsV2(r -> r.bucket(pipeline.bucket()).prefix(folder)).contents().stream()
                .map(o -> o.key()).toList();
    }

    private static List<ArchiveContents.Entry> entries(String reference) {
        return archive().entries().stream().filter(e -> e.json().contains("\"beskrivelse\":\"" + reference + "\"")).toList();
    }

    private static ArchiveContents archive() {
        return stack.archive().contents();
    }

    /** Surefire's own class path (its booter jar only names it in a manifest). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
