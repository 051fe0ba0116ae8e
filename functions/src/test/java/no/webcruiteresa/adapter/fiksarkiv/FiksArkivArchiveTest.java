package no.webcruiteresa.adapter.fiksarkiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.application.port.ArchiveOutcomeUnknownException;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.FileSource;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.DocumentRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.fiksarkiv.LoopbackHttpTransport;
import no.webcruiteresa.fiksarkiv.MessageTypes;
import no.webcruiteresa.simulator.ArchiveContents;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Fiks Arkiv door against the simulator's receiver over loopback HTTP: what lands, and what a lost answer does. */
class FiksArkivArchiveTest {
    private static final String OPPRETT_PATH = "/fiks-arkiv/meldinger/" + MessageTypes.ARKIVMELDING_OPPRETT;
    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());
    private final Map<String, byte[]> files = Map.of(
            "soknad.pdf", "%PDF-1.7 søknad".getBytes(StandardCharsets.UTF_8),
            "cv.pdf", "%PDF-1.7 cv".getBytes(StandardCharsets.UTF_8));
    private final FileSource source = name -> new ByteArrayInputStream(files.get(name));
    private ArchiveSimulator simulator;
    private RecordingTransport transport;
    private FiksArkivArchive archive;

    @BeforeEach
    void start() {
        simulator = ArchiveSimulator.start(0, null);
        transport = new RecordingTransport(new LoopbackHttpTransport(simulator.fiksArkivRoot(), Duration.ofSeconds(2),
                Duration.ofSeconds(10)));
        archive = new FiksArkivArchive(transport, new FiksArkivSettings("WEBCRUITER", "fmt/276", "PDF 1.7", "B", "Brev",
                "Personalsaker", "WS.1000", ZoneId.of("Europe/Oslo"), Duration.ofMillis(1500)));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aCaseIsCreatedInTheArchiveTheRestSideShowsAndFoundByItsKey() {
        assertThat(archive.findCase("WEBCRUITER 100")).isEmpty();

        ArchivedCase created = archive.createCase(caseRegistration());

        ArchiveContents contents = simulator.contents();
        assertThat(contents.cases()).singleElement().satisfies(c -> {
            assertThat(c.systemId()).isEqualTo(created.systemId());
            assertThat(c.caseId()).isEqualTo(created.caseId());
            assertThat(c.classId()).isEqualTo("410");
            assertThat(c.archivePart()).isEqualTo("EL-SAKARKI");
        });
        assertThat(archive.findCase("WEBCRUITER 100")).contains(created);
    }

    @Test
    void aCasesStatusIsSetWithArkivmeldingOppdaterOnceAndNotAgain() {
        ArchivedCase created = archive.createCase(caseRegistration());

        assertThat(archive.setCaseStatus(created, "A")).isTrue();
        assertThat(archive.setCaseStatus(created, "A")).as("already avsluttet").isFalse();

        assertThat(simulator.contents().metadataJson()).contains("\"saksstatus\":{\"kode\":\"A\"}");
        assertThat(transport.sent(MessageTypes.ARKIVMELDING_OPPDATER)).isEqualTo(1);
    }

    @Test
    void anEntryArrivesWholeWithItsFilesAndTheArchivesChecksums() {
        ArchivedCase archivedCase = archive.createCase(caseRegistration());
        EntryRegistration entry = entry();

        ArchivedEntry archived = archive.archiveEntry(archivedCase, entry, source);

        assertThat(archived.file("soknad.pdf")).get().satisfies(f -> {
            assertThat(f.sha256()).isEqualTo(sha256(files.get("soknad.pdf")));
            assertThat(f.size()).isEqualTo(files.get("soknad.pdf").length);
        });
        assertThat(archived.file("cv.pdf")).isPresent();
        assertThat(archived.archivedCase()).isEqualTo(archivedCase);
        ArchiveContents contents = simulator.contents();
        assertThat(contents.entries()).singleElement().satisfies(e -> {
            assertThat(e.caseSystemId()).isEqualTo(archivedCase.systemId());
            assertThat(e.screened()).isTrue();
            assertThat(e.correspondents()).contains("EA:Åse Ødegård");
        });
        assertThat(contents.documents()).hasSize(2).allSatisfy(d ->
                assertThat(d.sha256()).isEqualTo(sha256(d.content())));
        assertThat(archive.findEntry(entry.reference())).contains(archived);
    }

    @Test
    void aRetryAfterALostAnswerFindsTheEntryInsteadOfSendingATwin() {
        ArchivedCase archivedCase = archive.createCase(caseRegistration());
        simulator.faults().stallNext("POST", OPPRETT_PATH, Duration.ofSeconds(30), 1);

        assertThatThrownBy(() -> archive.archiveEntry(archivedCase, entry(), source))
                .isInstanceOf(ArchiveOutcomeUnknownException.class);
        ArchivedEntry retried = archive.archiveEntry(archivedCase, entry(), source);

        assertThat(simulator.contents().entries()).singleElement()
                .satisfies(e -> assertThat(e.systemId()).isEqualTo(retried.systemId()));
        assertThat(transport.sent(MessageTypes.ARKIVMELDING_OPPRETT)).isEqualTo(2); // the case, the first entry try
    }

    @Test
    void aServerfeilLeavesTheOutcomeOpenAndTheRetryRegistersOnce() {
        ArchivedCase archivedCase = archive.createCase(caseRegistration());
        simulator.faults().failNext("POST", OPPRETT_PATH, 500, 1);

        assertThatThrownBy(() -> archive.archiveEntry(archivedCase, entry(), source))
                .isInstanceOf(ArchiveOutcomeUnknownException.class);
        assertThat(simulator.contents().entries()).isEmpty();
        archive.archiveEntry(archivedCase, entry(), source);

        assertThat(simulator.contents().entries()).hasSize(1);
    }

    @Test
    void aRefusedPackageIsUnavailableNotLost() {
        simulator.faults().failNext("POST", OPPRETT_PATH, 503, 1);

        assertThatThrownBy(() -> archive.createCase(caseRegistration()))
                .isInstanceOf(ArchiveOutcomeUnknownException.class);
        assertThat(simulator.contents().cases()).isEmpty();
    }

    @Test
    void aFileWhoseChecksumIsNotTheDeclaredOneIsAnUgyldigForespoersel() {
        ArchivedCase archivedCase = archive.createCase(caseRegistration());
        EntryRegistration entry = entry();
        FileSource corrupted = name -> new ByteArrayInputStream("something else".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> archive.archiveEntry(archivedCase, entry, corrupted))
                .isInstanceOf(ArchiveRejectedException.class)
                .satisfies(e -> assertThat(((ArchiveRejectedException) e).status()).isEqualTo(400))
                // The archive's free text may quote what was sent; our message (logs, reports) keeps only its id.
                .hasMessageContaining("feilId").hasMessageNotContaining("checksum");
        assertThat(simulator.contents().entries()).isEmpty();
    }

    @Test
    void personnelFilesAreRefused_notSentThroughAnotherDoor() {
        assertThatThrownBy(() -> archive.personnelFiles().findFile("WEBCRUITER PERSONALMAPPE 1"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Fiks Arkiv");
        assertThat(transport.sentTypes).isEmpty();
    }

    @Test
    void anEntryInACaseTheArchiveDoesNotHaveIsIkkeFunnet() {
        ArchivedCase unknown = new ArchivedCase("0f8c1a52-3b7e-4d39-9c1e-5a0f2b7d4e11", "2026/99", "WEBCRUITER 999");

        assertThatThrownBy(() -> archive.archiveEntry(unknown, entry(), source))
                .isInstanceOf(ArchiveRejectedException.class)
                .satisfies(e -> assertThat(((ArchiveRejectedException) e).status()).isEqualTo(404));
    }

    private CaseRegistration caseRegistration() {
        return rules.caseFor(new Posting("100", "Lærer ved Byåsen skole", "Byåsen skole", null), LocalDate.of(2026, 11, 20));
    }

    private EntryRegistration entry() {
        EntryRegistration drafted = rules.entryFor(TestDrops.drop().attachment("cv.pdf").build());
        List<DocumentRegistration> documents = drafted.documents().stream().map(d -> new DocumentRegistration(
                d.number(), d.main(), d.title(), d.fileName(), d.status(), d.variantFormat(), d.mimeType(),
                files.get(d.fileName()).length, sha256(files.get(d.fileName())))).toList();
        return new EntryRegistration(drafted.documentId(), drafted.reference(), drafted.form(), drafted.type(),
                drafted.localStatus(), drafted.status(), drafted.title(), drafted.publicTitle(), drafted.documentDate(),
                drafted.correspondents(), drafted.screening(), documents);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
