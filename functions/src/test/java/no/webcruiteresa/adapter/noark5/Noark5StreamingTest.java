package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import no.webcruiteresa.adapter.GeneratedBytes;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files go from their source to the archive as a stream: this one is larger than the test JVM's whole heap. */
class Noark5StreamingTest {
    private static final long SIZE = 384L * 1024 * 1024;

    @Test
    void shouldUploadAFileLargerThanTheHeap(@TempDir Path archiveData) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("surefire runs this module with a small heap").isLessThan(SIZE);
        String sha256 = GeneratedBytes.sha256(SIZE);
        DocumentDrop template = TestDrops.drop().build();
        DocumentDrop drop = new DocumentDrop(template.form(), template.documentId(), template.title(),
                template.documentDate(), template.posting(), template.applicant(),
                List.of(new DropFile("soknad.pdf", DropFile.Role.MAIN, null, SIZE, sha256)));
        RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());

        try (ArchiveSimulator simulator = ArchiveSimulator.start(0, archiveData)) {
            Noark5Archive archive = new Noark5Archive(new Noark5Settings(simulator.root(), Noark5Credentials.NONE,
                    RetryPolicy.NONE, Duration.ofSeconds(5), Duration.ofMinutes(2), "fmt/276", "PDF 1.7", "B", "Brev",
                    "Personalsaker"));
            ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));

            ArchivedEntry entry = archive.archiveEntry(hiringCase, rules.entryFor(drop), name -> new GeneratedBytes(SIZE));

            assertThat(entry.file("soknad.pdf")).hasValueSatisfying(file -> {
                assertThat(file.size()).isEqualTo(SIZE);
                assertThat(file.sha256()).isEqualTo(sha256);
            });
        }
    }
}
