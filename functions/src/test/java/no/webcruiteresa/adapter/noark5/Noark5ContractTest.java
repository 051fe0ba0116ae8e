package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.RegistrationSettings;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.simulator.ArchiveSimulator;
import no.webcruiteresa.simulator.SamplePdf;
import no.webcruiteresa.simulator.ServerProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's contract with a Noark 5 server. By default the simulator's strict profile; point it at any
 * server, even a freshly started empty one, with system properties (docs/real-archive.md):
 * <ul>
 *   <li>{@code noark5.url}: the API root;</li>
 *   <li>{@code noark5.auth}: {@code none}, {@code basic}, {@code oauth2-password} (default when a user is given) or
 *       {@code oauth2-client-credentials}; {@code noark5.user}, {@code noark5.password}, {@code noark5.clientId},
 *       {@code noark5.clientSecret}, {@code noark5.tokenUrl} (else found through the root's login links);</li>
 *   <li>{@code noark5.archivePart} (default {@code webcruiter-esa kontrakttest}) and {@code noark5.class}
 *       (default {@code 410}): where the test cases go; created with an arkiv and a classification system when
 *       missing, unless {@code noark5.createStructure=false};</li>
 *   <li>{@code noark5.profile}: {@code strict} or {@code standard}, for the simulator.</li>
 * </ul>
 * Every run uses new case numbers and document ids, so it can run again against the same server.
 */
class Noark5ContractTest {
    /** WebCruiter case numbers are digits: ten from the clock, one per posting of the run. */
    private static final String RUN = String.valueOf(System.currentTimeMillis() / 10 % 10_000_000_000L);
    private static ArchiveSimulator simulator;
    private static Noark5Archive archive;
    private static Noark5Settings settings;
    private static RegistrationRules rules;
    private static int postings;

    @BeforeAll
    static void connect() {
        String url = System.getProperty("noark5.url", "");
        if (url.isBlank()) {
            simulator = ArchiveSimulator.start(InetAddress.getLoopbackAddress(), 0, null, 10, null,
                    ServerProfile.named(System.getProperty("noark5.profile", "strict")));
            settings = settings(simulator.root(), Noark5Credentials.NONE);
        } else {
            settings = settings(URI.create(url), credentials());
        }
        String archivePart = System.getProperty("noark5.archivePart", "webcruiter-esa kontrakttest");
        String klasse = System.getProperty("noark5.class", "410");
        if (Boolean.parseBoolean(System.getProperty("noark5.createStructure", "true"))) {
            new Noark5Structure(settings).ensure("webcruiter-esa kontrakttest", archivePart, klasse, "Tilsetting");
        }
        RegistrationSettings seed = TestDrops.seedSettings();
        rules = new RegistrationRules(new RegistrationSettings(seed.administrativeUnit(), seed.caseHandler(),
                seed.accessGroup(), seed.caseType(), seed.caseStatus(), seed.localEntryStatus(), seed.entryStatus(),
                seed.documentStatus(), seed.variantFormat(), seed.mimeType(), archivePart, klasse,
                seed.referencePrefix(), seed.forms()));
        archive = new Noark5Archive(settings);
    }

    @AfterAll
    static void disconnect() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aCaseIsFoundByItsReferenceAfterItIsCreated_andOnlyThen() {
        Posting posting = newPosting();
        var registration = rules.caseFor(posting, LocalDate.now());

        assertThat(archive.findCase(registration.reference())).isEmpty();
        ArchivedCase created = archive.createCase(registration);

        assertThat(created.caseId()).isNotBlank();
        assertThat(archive.findCase(registration.reference())).contains(created);
        // Another instance knows nothing of it: the server itself must find it by its reference.
        assertThat(new Noark5Archive(settings).findCase(registration.reference())).contains(created);
    }

    /** closeCase's write: the case finished (saksstatus A) once, and a repeat by a new client writes nothing. */
    @Test
    void aCaseIsFinishedOnce() {
        ArchivedCase created = archive.createCase(rules.caseFor(newPosting(), LocalDate.now()));

        assertThat(archive.setCaseStatus(created, "A")).isTrue();

        Noark5Archive later = new Noark5Archive(settings);
        assertThat(later.setCaseStatus(later.findCase(created.reference()).orElseThrow(), "A")).isFalse();
    }

    @Test
    void anEntryIsArchivedWholeOnce_andTheServersChecksumsMatchTheFiles() throws Exception {
        assertArchivedWholeOnce(2);
    }

    @Test
    void anEntryWithMoreDocumentsThanAPage_isArchivedAndReadBackWhole() throws Exception {
        assertArchivedWholeOnce(12);
    }

    private static void assertArchivedWholeOnce(int documents) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<DropFile> declared = new ArrayList<>();
        for (int i = 1; i <= documents; i++) {
            String name = i == 1 ? "soknad.pdf" : "vedlegg-" + i + ".pdf";
            byte[] content = SamplePdf.withText("Kontrakttest " + RUN + " dokument " + i);
            files.put(name, content);
            declared.add(new DropFile(name, i == 1 ? DropFile.Role.MAIN : DropFile.Role.ATTACHMENT, null,
                    content.length, sha256(content)));
        }
        Posting posting = newPosting();
        DocumentDrop template = TestDrops.drop().build();
        DocumentDrop drop = new DocumentDrop(template.form(), "WC201-" + posting.caseNumber() + "-1", template.title(),
                template.documentDate(), posting, template.applicant(), declared);
        EntryRegistration entry = rules.entryFor(drop);
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(posting, LocalDate.now()));

        ArchivedEntry first = archive.archiveEntry(hiringCase, entry, name -> new ByteArrayInputStream(files.get(name)));
        ArchivedEntry repeated = archive.archiveEntry(hiringCase, entry, name -> new ByteArrayInputStream(files.get(name)));

        assertThat(repeated).isEqualTo(first);
        assertThat(archive.findEntry(entry.reference())).contains(first);
        assertThat(first.files()).hasSize(documents);
        for (DropFile file : declared) {
            assertThat(first.file(file.name())).as(file.name()).hasValueSatisfying(stored -> {
                assertThat(stored.sha256()).isEqualToIgnoringCase(file.sha256());
                assertThat(stored.size()).isEqualTo(file.size());
            });
        }
    }

    private static synchronized Posting newPosting() {
        String caseNumber = RUN + (++postings);
        return new Posting(caseNumber, "Kontrakttest " + caseNumber, "Testenhet", null);
    }

    private static Noark5Credentials credentials() {
        String user = System.getProperty("noark5.user");
        String auth = System.getProperty("noark5.auth", user == null ? "none" : "oauth2-password");
        String tokenUrl = System.getProperty("noark5.tokenUrl", "");
        Noark5Credentials.Scheme scheme = switch (auth) {
            case "none" -> Noark5Credentials.Scheme.NONE;
            case "basic" -> Noark5Credentials.Scheme.BASIC;
            case "oauth2-password" -> Noark5Credentials.Scheme.OAUTH2_PASSWORD;
            case "oauth2-client-credentials" -> Noark5Credentials.Scheme.OAUTH2_CLIENT_CREDENTIALS;
            default -> throw new IllegalArgumentException("noark5.auth: none, basic, oauth2-password or "
                    + "oauth2-client-credentials");
        };
        return new Noark5Credentials(scheme, user, System.getProperty("noark5.password"),
                System.getProperty("noark5.clientId"), System.getProperty("noark5.clientSecret"),
                tokenUrl.isBlank() ? null : URI.create(tokenUrl), System.getProperty("noark5.scope"));
    }

    private static Noark5Settings settings(URI root, Noark5Credentials credentials) {
        return new Noark5Settings(root, credentials, RetryPolicy.DEFAULT, Duration.ofSeconds(10),
                Duration.ofSeconds(60), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker");
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
