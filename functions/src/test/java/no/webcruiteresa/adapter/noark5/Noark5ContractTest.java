package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's contract with a Noark 5 server: by default the simulator; point it at a real archive with
 * {@code -Dnoark5.url=… -Dnoark5.user=… -Dnoark5.password=…} (OAuth2 password grant, token URL discovered or
 * {@code -Dnoark5.tokenUrl=…}; {@code -Dnoark5.auth=basic} for HTTP Basic). Registers one test case per run,
 * in the arkivdel and class of {@code -Dnoark5.archivePart} and {@code -Dnoark5.class}: use a test archive.
 */
class Noark5ContractTest {
    private static final String RUN = String.valueOf(System.currentTimeMillis() % 1_000_000_000L);
    private static ArchiveSimulator simulator;
    private static Noark5Archive archive;
    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());

    @BeforeAll
    static void connect() {
        String url = System.getProperty("noark5.url", "");
        URI root;
        Noark5Credentials credentials;
        if (url.isBlank()) {
            simulator = ArchiveSimulator.start(0, null, 3);
            root = simulator.root();
            credentials = Noark5Credentials.NONE;
        } else {
            root = URI.create(url);
            String tokenUrl = System.getProperty("noark5.tokenUrl", "");
            credentials = "basic".equals(System.getProperty("noark5.auth"))
                    ? Noark5Credentials.basic(System.getProperty("noark5.user"), System.getProperty("noark5.password"))
                    : new Noark5Credentials(Noark5Credentials.Scheme.OAUTH2_PASSWORD, System.getProperty("noark5.user"),
                    System.getProperty("noark5.password"), System.getProperty("noark5.clientId"),
                    System.getProperty("noark5.clientSecret"), tokenUrl.isBlank() ? null : URI.create(tokenUrl), null);
        }
        archive = new Noark5Archive(new Noark5Settings(root, credentials, RetryPolicy.DEFAULT, Duration.ofSeconds(10),
                Duration.ofSeconds(60), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker"));
    }

    @AfterAll
    static void disconnect() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aCaseIsFoundByItsReferenceAfterItIsCreated_andOnlyThen() {
        Posting posting = new Posting(RUN, "Kontrakttest " + RUN, "Testenhet", null);
        var registration = rules.caseFor(posting, LocalDate.now());

        assertThat(archive.findCase(registration.reference())).isEmpty();
        ArchivedCase created = archive.createCase(registration);

        assertThat(created.caseId()).isNotBlank();
        assertThat(archive.findCase(registration.reference())).contains(created);
    }

    @Test
    void anEntryIsArchivedWholeOnce_andTheServersChecksumsMatchTheFiles() throws Exception {
        Map<String, byte[]> files = Map.of("soknad.pdf", "%PDF-1.7 søknad".getBytes(StandardCharsets.UTF_8),
                "cv.pdf", "%PDF-1.7 cv".getBytes(StandardCharsets.UTF_8));
        List<DropFile> declared = List.of(
                new DropFile("soknad.pdf", DropFile.Role.MAIN, null, files.get("soknad.pdf").length, sha256(files.get("soknad.pdf"))),
                new DropFile("cv.pdf", DropFile.Role.ATTACHMENT, null, files.get("cv.pdf").length, sha256(files.get("cv.pdf"))));
        Posting posting = new Posting("9" + RUN, "Kontrakttest " + RUN, "Testenhet", null);
        DocumentDrop template = TestDrops.drop().build();
        DocumentDrop drop = new DocumentDrop(template.form(), "WC201-" + RUN, template.title(), template.documentDate(),
                posting, template.applicant(), declared);
        EntryRegistration entry = rules.entryFor(drop);
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(posting, LocalDate.now()));

        ArchivedEntry first = archive.archiveEntry(hiringCase, entry, name -> new ByteArrayInputStream(files.get(name)));
        ArchivedEntry repeated = archive.archiveEntry(hiringCase, entry, name -> new ByteArrayInputStream(files.get(name)));

        assertThat(repeated).isEqualTo(first);
        assertThat(archive.findEntry(entry.reference())).contains(first);
        for (DropFile file : declared) {
            assertThat(first.file(file.name())).hasValueSatisfying(stored -> {
                assertThat(stored.sha256()).isEqualToIgnoringCase(file.sha256());
                assertThat(stored.size()).isEqualTo(file.size());
            });
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
