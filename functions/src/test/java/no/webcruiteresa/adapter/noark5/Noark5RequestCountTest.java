package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.webcruiteresa.application.EnsureCase;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.CreationLocks;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.simulator.ArchiveSimulator;
import no.webcruiteresa.simulator.SamplePdf;
import no.webcruiteresa.simulator.ServerProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many HTTP requests archiving one document costs, counted by the server (the simulator's strict profile, over
 * HTTP), not by the client. The archive calls are the ones ArchiveDocument makes per drop: look the entry up, ensure
 * the posting's case (EnsureCase), archive the entry with its files and read back what the server stored. One
 * client is one warm container: what it learnt from earlier documents it may keep, what other containers may change
 * it may not assume.
 */
class Noark5RequestCountTest {
    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());
    private ArchiveSimulator simulator;
    private Noark5Archive archive;
    private EnsureCase ensureCase;

    @BeforeEach
    void start() {
        start(ServerProfile.STRICT);
    }

    private void start(ServerProfile profile) {
        if (simulator != null) {
            simulator.close();
        }
        simulator = ArchiveSimulator.start(InetAddress.getLoopbackAddress(), 0, null, 10, null, profile);
        archive = new Noark5Archive(new Noark5Settings(simulator.root(), Noark5Credentials.NONE, RetryPolicy.NONE,
                Duration.ofSeconds(2), Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker"));
        ensureCase = new EnsureCase(archive, TestDrops.seedSettings(),
                Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC), new InProcessLocks(), Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aWarmContainerArchivesADocumentInAFixedNumberOfRequestsPlusAFewPerFile() throws Exception {
        List<String> onePdf = countPerDocument("strict");

        // Before the cuts (commit 01e2aee): 13 per entry and 6 per file.
        assertThat(perEntry).isEqualTo(7);
        assertThat(perFile).isEqualTo(4);
        // No discovery, no case lookup, no list of what this attempt just created, no read-back.
        assertThat(onePdf).noneMatch(r -> r.contains("/saksmappe?") || r.endsWith("/dokumentobjekt") || r.endsWith("/dokumentbeskrivelse")
                        || r.endsWith("/korrespondansepart") || r.equals("GET /noark5v5"));
    }

    /** The standard profile: no screened-metadata codes one by one, custom metadata by one JSON Merge Patch. */
    @Test
    void underTheStandardProfile_aWarmContainerNeedsFewerStill() throws Exception {
        start(ServerProfile.STANDARD);
        countPerDocument("standard");

        // Before the cuts (commit 01e2aee): 10 per entry and 5 per file.
        assertThat(perEntry).isEqualTo(6);
        assertThat(perFile).isEqualTo(3);
    }

    private int perEntry;
    private int perFile;

    /** Three documents of one posting through one client; prints what the server received for each. */
    private List<String> countPerDocument(String profile) throws Exception {
        Posting posting = new Posting("424242", "Lærer ved Byåsen skole", "Byåsen skole", null);
        List<String> first = archiveCounted(posting, 1, 2);
        List<String> onePdf = archiveCounted(posting, 2, 1);
        List<String> threePdfs = archiveCounted(posting, 3, 3);

        report(profile + ": first document of a new case, 2 PDFs", first);
        report(profile + ": warm, case known, 1 PDF", onePdf);
        report(profile + ": warm, case known, 3 PDFs", threePdfs);
        assertThat(threePdfs.size() - onePdf.size()).isEven();
        perFile = (threePdfs.size() - onePdf.size()) / 2;
        perEntry = onePdf.size() - perFile;
        System.out.println(profile + ": per entry " + perEntry + ", per file " + perFile);
        return onePdf;
    }

    @Test
    void aCaseAnotherContainerCreated_isFoundAfterThisContainerMissedIt() {
        Posting posting = new Posting("424243", "Lærer ved Byåsen skole", "Byåsen skole", null);
        String reference = TestDrops.seedSettings().caseReference(posting.caseNumber());
        Noark5Archive otherContainer = new Noark5Archive(new Noark5Settings(simulator.root(), Noark5Credentials.NONE,
                RetryPolicy.NONE, Duration.ofSeconds(2), Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", "Brev",
                "Personalsaker"));

        assertThat(archive.findCase(reference)).isEmpty();
        ArchivedCase created = otherContainer.createCase(rules.caseFor(posting, java.time.LocalDate.of(2026, 11, 24)));

        assertThat(archive.findCase(reference)).contains(created);
        simulator.requests().clear();
        assertThat(archive.findCase(reference)).contains(created);
        assertThat(simulator.requests().all()).as("a case found once is not looked up again").isEmpty();
    }

    /** The requests the server received while one document was archived. */
    private List<String> archiveCounted(Posting posting, int documentNumber, int pdfs) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<DropFile> declared = new ArrayList<>();
        for (int i = 1; i <= pdfs; i++) {
            String name = i == 1 ? "soknad.pdf" : "vedlegg-" + i + ".pdf";
            byte[] content = SamplePdf.withText("dokument " + documentNumber + " fil " + i);
            files.put(name, content);
            declared.add(new DropFile(name, i == 1 ? DropFile.Role.MAIN : DropFile.Role.ATTACHMENT, null,
                    content.length, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))));
        }
        DocumentDrop template = TestDrops.drop().build();
        DocumentDrop drop = new DocumentDrop(template.form(), "WC201-" + posting.caseNumber() + "-" + documentNumber,
                template.title(), template.documentDate(), posting, template.applicant(), declared);
        EntryRegistration entry = rules.entryFor(drop);
        simulator.requests().clear();

        assertThat(archive.findEntry(entry.reference())).isEmpty();
        ArchivedCase hiringCase = ensureCase.ensure(posting);
        ArchivedEntry archived = archive.archiveEntry(hiringCase, entry, name -> new ByteArrayInputStream(files.get(name)));

        List<String> requests = simulator.requests().all();
        assertThat(archived.files()).hasSize(pdfs);
        for (DropFile file : declared) {
            assertThat(archived.file(file.name())).hasValueSatisfying(stored -> assertThat(stored.sha256())
                    .isEqualTo(file.sha256()));
        }
        return requests;
    }

    private static void report(String what, List<String> requests) {
        System.out.println(what + ": " + requests.size() + " requests");
        requests.forEach(r -> System.out.println("  " + r));
    }

    /** The entry and case locks of one container; S3 holds them in production, and they cost no archive request. */
    private static final class InProcessLocks implements CreationLocks {
        private final Set<String> held = ConcurrentHashMap.newKeySet();

        @Override
        public boolean tryAcquire(String name, Duration staleAfter) {
            return held.add(name);
        }

        @Override
        public void release(String name) {
            held.remove(name);
        }
    }
}
