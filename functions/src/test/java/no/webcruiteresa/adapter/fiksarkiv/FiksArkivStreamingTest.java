package no.webcruiteresa.adapter.fiksarkiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
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
        String sha256 = sha256(new Generated(SIZE));
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

            ArchivedEntry entry = archive.archiveEntry(hiringCase, rules.entryFor(drop), name -> new Generated(SIZE));

            assertThat(entry.file("soknad.pdf")).hasValueSatisfying(file -> {
                assertThat(file.size()).isEqualTo(SIZE);
                assertThat(file.sha256()).isEqualTo(sha256);
            });
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Bytes made as they are read, never held. */
    private static final class Generated extends InputStream {
        private final long size;
        private long position;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) (position++ * 7 % 253) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) (position++ * 7 % 253);
            }
            return n;
        }
    }
}
