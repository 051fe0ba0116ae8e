package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.domain.Applicant;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.InvalidDropException;
import no.webcruiteresa.domain.PostalAddress;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.SpecialConsideration;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drops that try to carry the applicant's birth date, nationality or special-consideration flags into the
 * archive, in every text WebCruiter controls, go through the rules and the Noark 5 client into the archive
 * simulator over HTTP; then every field of every object the archive stored (case, entry, correspondents,
 * documents, document objects) is searched for them.
 */
class SpecialDataNeverArchivedTest {
    private static final LocalDate BORN = LocalDate.of(1988, 3, 14);
    private static final String NATIONALITY = "Svensk";
    /** The birth date as people write it; written out here, not taken from the code under test. */
    private static final List<String> BIRTH_DATE_TEXTS = List.of("1988-03-14", "14.03.1988", "14.3.1988", "140388",
            "14031988", "14.03.88", "14/03/1988", "14. mars 1988", "14 March 1988");
    private static final List<String> FLAG_TEXTS = List.of("exemptionRequested", "preferentialRight",
            "immigrantBackground", "disability", "fortrinnsrett", "innvandrerbakgrunn", "funksjonsnedsettelse",
            "nedsatt funksjonsevne");

    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());
    private final Posting posting = new Posting("300", "Lærer ved Byåsen skole", "Byåsen skole", null);
    private final Applicant applicant = new Applicant("A-300", "Åse", "Ødegård",
            new PostalAddress(List.of("Kjøpmannsgata 12"), "7013", "Trondheim", "NO"), "ase@example.org",
            "+4790000001", BORN, "Kvinne", NATIONALITY, "SE", new SpecialConsideration(true, true, true, true));
    private ArchiveSimulator simulator;
    private Noark5Archive archive;

    @BeforeEach
    void start() {
        simulator = ArchiveSimulator.start(0, null);
        archive = new Noark5Archive(new Noark5Settings(simulator.root(), Noark5Credentials.NONE, RetryPolicy.NONE,
                Duration.ofSeconds(2), Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker"));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void noFieldOfAnyStoredObjectHoldsTheApplicantsBirthDateNationalityOrFlags() {
        List<DocumentDrop> drops = List.of(
                drop("WC201-300-1", "Søknad på stilling: Lærer ved Byåsen skole - Åse Ødegård",
                        file("soknad.pdf", DropFile.Role.MAIN, "Søknad"), file("cv.pdf", DropFile.Role.ATTACHMENT, "CV")),
                drop("WC203-300-2", "Vedlegg - Åse Ødegård", file("vitnemal.pdf", DropFile.Role.MAIN, "Vitnemål"),
                        file("attest-14031988.pdf", DropFile.Role.ATTACHMENT, null)),
                drop("WC201-300-3", "Søknad - Åse Ødegård, svensk statsborger", file("soknad.pdf", DropFile.Role.MAIN, null)),
                drop("WC203-300-4", "Vedlegg - Åse Ødegård", file("vedlegg.pdf", DropFile.Role.MAIN,
                        "Dokumentasjon av fortrinnsrett")),
                drop("WC201-300-5", "Søknad (nedsatt funksjonsevne) - Åse Ødegård", file("soknad.pdf", DropFile.Role.MAIN, null)),
                drop("WC210-300-6", "Brev til Åse Ødegård, f. 14. mars 1988", file("brev.pdf", DropFile.Role.MAIN, null)),
                drop("WC201-300-7", "Søknad - Åse Ødegård", file("soknad-innvandrerbakgrunn.pdf", DropFile.Role.MAIN, null)));
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(posting, LocalDate.of(2026, 11, 24)));
        List<String> refused = new ArrayList<>();

        for (DocumentDrop drop : drops) {
            try {
                archive.archiveEntry(hiringCase, rules.entryFor(drop),
                        name -> new ByteArrayInputStream(content(drop.documentId(), name)));
            } catch (InvalidDropException e) {
                refused.add(drop.documentId() + " " + e.field());
            }
        }

        assertThat(refused).as("every drop but the clean one is refused").hasSize(drops.size() - 1);
        assertThat(simulator.contents().entries()).as("the clean drop is archived, so the search has something to search")
                .hasSizeGreaterThanOrEqualTo(1);
        List<String> leaks = new ArrayList<>();
        JsonNode stored = JsonMapper.builder().build().readTree(simulator.contents().metadataJson());
        for (JsonNode object : stored) {
            search(object, "/" + object.path("systemID").asString(), leaks);
        }
        assertThat(leaks).as("fields holding special data (refused drops: " + refused + ")").isEmpty();
    }

    private void search(JsonNode node, String path, List<String> leaks) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                check(field.getKey(), path + " (field name)", leaks);
                search(field.getValue(), path + "/" + field.getKey(), leaks);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                search(node.get(i), path + "/" + i, leaks);
            }
        } else if (!node.isNull()) {
            check(node.asString(), path, leaks);
        }
    }

    private static void check(String text, String path, List<String> leaks) {
        String lower = text.toLowerCase(Locale.ROOT);
        BIRTH_DATE_TEXTS.stream().filter(date -> lower.contains(date.toLowerCase(Locale.ROOT)))
                .forEach(date -> leaks.add(path + ": birth date"));
        if (Pattern.compile("(?iu)(?<!\\p{L})" + NATIONALITY + "(?!\\p{L})").matcher(text).find()) {
            leaks.add(path + ": nationality");
        }
        FLAG_TEXTS.stream().filter(flag -> lower.contains(flag.toLowerCase(Locale.ROOT)))
                .forEach(flag -> leaks.add(path + ": flag " + flag));
    }

    private record SampleFile(String name, DropFile.Role role, String title) {
    }

    private static SampleFile file(String name, DropFile.Role role, String title) {
        return new SampleFile(name, role, title);
    }

    private DocumentDrop drop(String documentId, String title, SampleFile... files) {
        Map<String, DropFile> declared = new LinkedHashMap<>();
        for (SampleFile file : files) {
            byte[] bytes = content(documentId, file.name());
            declared.put(file.name(), new DropFile(file.name(), file.role(), file.title(), bytes.length, sha256(bytes)));
        }
        Form form = Form.fromCode("WebCruiter" + documentId.substring(2, 5));
        return new DocumentDrop(form, documentId, title, LocalDate.of(2026, 11, 20), posting, applicant,
                List.copyOf(declared.values()));
    }

    private static byte[] content(String documentId, String fileName) {
        return ("%PDF-1.7 " + documentId + " " + fileName).getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
