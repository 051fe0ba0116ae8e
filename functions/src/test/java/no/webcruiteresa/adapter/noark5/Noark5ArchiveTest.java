package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.application.port.ArchiveUnavailableException;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Noark 5 client against the archive simulator over real HTTP. The two share no code. */
class Noark5ArchiveTest {
    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());
    private ArchiveSimulator simulator;
    private Noark5Archive archive;

    @BeforeEach
    void start() {
        simulator = ArchiveSimulator.start(0, null, 2);
        archive = new Noark5Archive(settings(simulator.root(), "Brev"));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldFindTheCaseItCreated_byItsWebCruiterReference() {
        assertThat(archive.findCase("WEBCRUITER 100")).isEmpty();

        ArchivedCase created = archive.createCase(rules.caseFor(posting(), LocalDate.of(2026, 11, 24)));

        assertThat(created.caseId()).matches("\\d{4}/1");
        assertThat(archive.findCase("WEBCRUITER 100")).contains(created);
        assertThat(new Noark5Archive(settings(simulator.root(), "Brev")).findCase("WEBCRUITER 100"))
                .as("a fresh client finds it too").contains(created);
        assertThat(simulator.contents().cases()).singleElement()
                .satisfies(c -> assertThat(c.classId()).isEqualTo("410"));
    }

    @Test
    void shouldFindTheArchivePartByItsSystemIdToo() {
        String systemId = archivePartSystemId();
        var byId = new no.webcruiteresa.domain.RegistrationSettings("WS.1000", "WSANS", "WS1000", "STD", "B", "J1", "J",
                "F", "P", "application/pdf", systemId, "410", "WEBCRUITER", TestDrops.seedSettings().forms());

        ArchivedCase created = archive.createCase(new RegistrationRules(byId).caseFor(posting(), LocalDate.of(2026, 11, 24)));

        assertThat(simulator.contents().cases()).singleElement().satisfies(c -> {
            assertThat(c.systemId()).isEqualTo(created.systemId());
            assertThat(c.archivePart()).isEqualTo("EL-SAKARKI");
        });
    }

    private String archivePartSystemId() {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            String list = simulator.root() + "api/arkivstruktur/arkivdel";
            var answer = json.readTree(http.send(java.net.http.HttpRequest.newBuilder(URI.create(list)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            for (var part : answer.path("results")) {
                if (part.path("tittel").asString().equals("EL-SAKARKI")) {
                    return part.path("systemID").asString();
                }
            }
            throw new IllegalStateException("no EL-SAKARKI");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldUploadEveryFileAndReportTheServersChecksums_acrossPagedLists() {
        TestFiles files = new TestFiles(Map.of("soknad.pdf", "%PDF-1.7 søknad", "cv.pdf", "%PDF-1.7 cv", "attest.pdf", "%PDF a"));
        DocumentDrop drop = files.drop();
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));

        ArchivedEntry created = archive.archiveEntry(hiringCase, rules.entryFor(drop), files::open);
        ArchivedEntry found = archive.findEntry("WEBCRUITER " + drop.documentId()).orElseThrow();

        assertThat(found).isEqualTo(created);
        assertThat(found.files()).hasSize(3).allSatisfy(file ->
                assertThat(file.sha256()).isEqualTo(files.sha256(file.fileName())));
        assertThat(found.entryId()).isEqualTo(hiringCase.caseId() + "-1");
        assertThat(archive.findEntry("WEBCRUITER WC201-unknown")).isEmpty();
        assertThat(new Noark5Archive(settings(simulator.root(), "Brev")).findEntry("WEBCRUITER " + drop.documentId())
                .orElseThrow().archivedCase()).as("the case it is filed in, by its saksmappe link").isEqualTo(hiringCase);
    }

    @Test
    void shouldCompleteTheSameEntry_whenRepeatedAfterFailingHalfway() {
        TestFiles files = new TestFiles(Map.of("soknad.pdf", "%PDF-1.7 søknad", "cv.pdf", "%PDF-1.7 cv", "attest.pdf", "%PDF a"));
        DocumentDrop drop = files.drop();
        EntryRegistration entry = rules.entryFor(drop);
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));
        simulator.faults().failNext("POST", "/ny-dokumentobjekt$", 503, 1);

        assertThatThrownBy(() -> archive.archiveEntry(hiringCase, entry, files::open))
                .isInstanceOf(ArchiveUnavailableException.class);
        assertThatThrownBy(() -> archive.archiveEntry(hiringCase, entry, name -> {
            throw new IllegalStateException("crash while reading " + name);
        })).as("the upload fails with the file source").isInstanceOf(ArchiveUnavailableException.class);
        ArchivedEntry completed = archive.archiveEntry(hiringCase, entry, files::open);
        ArchivedEntry again = archive.archiveEntry(hiringCase, entry, files::open);

        assertThat(again).isEqualTo(completed);
        assertThat(completed.files()).hasSize(3);
        var contents = simulator.contents();
        assertThat(contents.entries()).hasSize(1);
        assertThat(contents.entries().get(0).correspondents()).containsExactlyInAnyOrder("EA:Åse Ødegård", "IM:WSANS");
        assertThat(contents.documents()).hasSize(3).allSatisfy(d -> assertThat(d.content()).isNotNull());
    }

    @Test
    void shouldReturnTheChecksumTheServerReports_notTheOneItSent() {
        TestFiles files = new TestFiles(Map.of("soknad.pdf", "%PDF-1.7 søknad"));
        DocumentDrop drop = files.drop();
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));
        simulator.faults().misreportChecksums(1);

        ArchivedEntry entry = archive.archiveEntry(hiringCase, rules.entryFor(drop), files::open);

        assertThat(entry.file("soknad.pdf").orElseThrow().sha256()).isNotEqualTo(files.sha256("soknad.pdf"));
    }

    @Test
    void shouldNameTheRefusedField_butWithholdTheValues_whenTheArchiveRejectsARequest() {
        Noark5Archive misconfigured = new Noark5Archive(settings(simulator.root(), "Letter"));
        TestFiles files = new TestFiles(Map.of("soknad.pdf", "%PDF-1.7"));
        DocumentDrop drop = files.drop();
        ArchivedCase hiringCase = misconfigured.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));

        assertThatThrownBy(() -> misconfigured.archiveEntry(hiringCase, rules.entryFor(drop), files::open))
                .isInstanceOfSatisfying(ArchiveRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    // The server's message quotes the values; they may be personal, so only the field is named.
                    assertThat(e.getMessage()).contains("400", "dokumenttype").doesNotContain("Letter");
                });
    }

    @Test
    void shouldReportTheArchiveUnavailable_whenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Noark5Archive unreachable = new Noark5Archive(settings(URI.create("http://127.0.0.1:" + closedPort + "/noark5v5/"), "Brev"));

        assertThatThrownBy(() -> unreachable.findCase("WEBCRUITER 1")).isInstanceOf(ArchiveUnavailableException.class);
    }

    @Test
    void shouldNotCompleteAnUpload_whenTheStreamFailsBeforeItsEnd() {
        TestFiles files = new TestFiles(Map.of("soknad.pdf", "%PDF-1.7 original"));
        DocumentDrop drop = files.drop();
        EntryRegistration entry = rules.entryFor(drop);
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));

        assertThatThrownBy(() -> archive.archiveEntry(hiringCase, entry, name -> new FailingBeforeItsEnd(files.bytes(name))))
                .isInstanceOf(ArchiveUnavailableException.class);
        assertThat(simulator.contents().documents()).allSatisfy(d -> assertThat(d.content()).isNull());
    }

    private static Noark5Settings settings(URI root, String documentTypeName) {
        return new Noark5Settings(root, Noark5Credentials.NONE, RetryPolicy.NONE, Duration.ofSeconds(2),
                Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", documentTypeName, "Personalsaker");
    }

    private static Posting posting() {
        return new Posting("100", "Lærer ved Byåsen skole", "Byåsen skole", null);
    }

    /** Delivers all but the last byte of a file, then fails, as the checksum check of a drop's file does. */
    private static final class FailingBeforeItsEnd extends InputStream {
        private final ByteArrayInputStream in;
        private final int withheldFrom;
        private int delivered;

        FailingBeforeItsEnd(byte[] content) {
            in = new ByteArrayInputStream(content);
            withheldFrom = content.length - 1;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (delivered >= withheldFrom) {
                throw new IOException("checksum mismatch");
            }
            int n = in.read(buffer, offset, Math.min(length, withheldFrom - delivered));
            delivered += n;
            return n;
        }
    }
}
