package no.webcruiteresa.adapter.fiksarkiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import no.webcruiteresa.adapter.GeneratedBytes;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.fiksarkiv.LoopbackHttpTransport;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the Fiks door too, a file goes into the package and to the archive as a stream: larger than the heap. */
class FiksArkivStreamingTest {
    private static final long SIZE = 384L * 1024 * 1024;

    @Test
    void shouldSendAFileLargerThanTheHeapInItsPackage(@TempDir Path archiveData) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("surefire runs this module with a small heap").isLessThan(SIZE);
        String sha256 = GeneratedBytes.sha256(SIZE);
        DocumentDrop template = TestDrops.drop().build();
        DocumentDrop drop = new DocumentDrop(template.form(), template.documentId(), template.title(),
                template.documentDate(), template.posting(), template.applicant(),
                List.of(new DropFile("soknad.pdf", DropFile.Role.MAIN, null, SIZE, sha256)));
        RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());

        try (ArchiveSimulator simulator = ArchiveSimulator.start(0, archiveData)) {
            FiksArkivArchive archive = new FiksArkivArchive(new LoopbackHttpTransport(simulator.fiksArkivRoot(),
                    Duration.ofSeconds(5), Duration.ofMinutes(5)), new FiksArkivSettings("WEBCRUITER", "fmt/276",
                    "PDF 1.7", "B", "Brev", "Personalsaker", "WS.1000", ZoneId.of("Europe/Oslo"), Duration.ofMinutes(5)));
            ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));

            ArchivedEntry entry = archive.archiveEntry(hiringCase, rules.entryFor(drop), name -> new GeneratedBytes(SIZE));

            assertThat(entry.file("soknad.pdf")).hasValueSatisfying(file -> {
                assertThat(file.size()).isEqualTo(SIZE);
                assertThat(file.sha256()).isEqualTo(sha256);
            });
        }
    }
}
