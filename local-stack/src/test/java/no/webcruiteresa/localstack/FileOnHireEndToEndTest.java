package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.webcruiteresa.domain.Applicant;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.simulator.ArchiveContents;
import no.webcruiteresa.simulator.ServerProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Personnel file on hire, end to end on the embedded stack (S3Mock, ElasticMQ, the archive simulator over HTTP),
 * under both archive profiles: a posting is archived, WebCruiter says who was hired, and the hired applicant's
 * application and attachments end up copied once into that employee's screened personnel file; the application
 * in the hiring case is marked to be kept; a repeated message changes nothing; a second hire of the same employee
 * files into the same personnel file.
 */
class FileOnHireEndToEndTest {
    private static final String EMPLOYEE = "E-20417";
    private EmbeddedStack stack;

    @AfterEach
    void stopStack() {
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @ParameterizedTest(name = "archive profile {0}")
    @ValueSource(strings = {"standard", "strict"})
    void shouldCopyTheHiredApplicationIntoOnePersonnelFile_onceAndScreened(String profile) throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            ServerProfile archiveProfile = ServerProfile.named(profile);
            stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withArchiveProfile(archiveProfile));
            logs.attach();
            PipelineScenario scenario = hireScenario(stack.pipeline());
            List<String> lines = logs.lines();
            assertThat(new PersonalValues().addDrops(scenario.drops.stream().map(DemoDrops.Drop::document).toList())
                    .leaks(lines)).as("log lines with personal data (" + lines.size() + " captured)").isEmpty();
        }
    }

    private PipelineScenario hireScenario(Pipeline pipeline) throws Exception {
        PipelineScenario scenario = new PipelineScenario("240610");
        scenario.run(pipeline);
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(2))).as("hiring case archived").isTrue();
        String caseNumber = scenario.demo.posting().caseNumber();

        hire(pipeline, caseNumber, "A-1001", "WC201-" + caseNumber + "-1001", "WC203-" + caseNumber + "-1001");
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();

        ArchiveContents archive = stack.archive().contents();
        ArchiveContents.Case file = personnelFile(archive);
        assertThat(file.archivePart()).isEqualTo("PERSONAL");
        assertThat(file.classId()).isEqualTo("400");
        assertThat(file.title()).isEqualTo("Personalmappe " + EMPLOYEE);
        List<ArchiveContents.Entry> copies = entriesIn(archive, file);
        assertThat(copies).as("the application and the attachments, copied").hasSize(2);
        assertThat(copies).allSatisfy(copy -> {
            assertThat(copy.screened()).isTrue();
            assertThat(copy.screeningBasis()).contains("§ 25").contains("§ 13");
            assertThat(copy.type()).isEqualTo("I");
        });
        assertThat(copies).extracting(ArchiveContents.Entry::title).containsExactlyInAnyOrder(
                "Søknad med CV (tilsettingssak " + hiringCase(archive, caseNumber).caseId() + ")",
                "Attester og vitnemål (tilsettingssak " + hiringCase(archive, caseNumber).caseId() + ")");
        assertSameFiles(archive, hiringCase(archive, caseNumber), file, "WC201-" + caseNumber + "-1001", 2);
        assertSameFiles(archive, hiringCase(archive, caseNumber), file, "WC203-" + caseNumber + "-1001", 3);

        Applicant hired = scenario.drops.stream().filter(d -> d.document().form() == Form.APPLICATION)
                .map(d -> d.document().applicant()).filter(a -> a.applicantId().equals("A-1001")).findFirst()
                .orElseThrow();
        String fileMetadata = metadataUnder(archive, file);
        assertThat(fileMetadata).as("no applicant name or personal data in the personnel file's metadata")
                .doesNotContain(hired.givenName(), hired.familyName(), hired.email(), hired.birthDate().toString());
        assertThat(archive.metadataJson()).as("the hired person's application is kept (kassasjonsvedtak B)")
                .contains("\"kassasjonsvedtak\":{\"kode\":\"B\",\"kodenavn\":\"Bevares\"}");
        assertThat(countOf(archive.metadataJson(), "\"_type\":\"kassasjon\"")).isEqualTo(1);

        // The same message again: nothing new.
        hire(pipeline, caseNumber, "A-1001", "WC201-" + caseNumber + "-1001", "WC203-" + caseNumber + "-1001");
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();
        ArchiveContents again = stack.archive().contents();
        assertThat(again.cases()).hasSize(archive.cases().size());
        assertThat(again.entries()).hasSize(archive.entries().size());
        assertThat(again.documents()).hasSize(archive.documents().size());
        assertThat(countOf(again.metadataJson(), "\"_type\":\"kassasjon\"")).isEqualTo(1);

        // A second hire of the same employee (the other applicant's application stands in for a later posting's).
        hire(pipeline, caseNumber, "A-1002", "WC201-" + caseNumber + "-1002");
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();
        ArchiveContents after = stack.archive().contents();
        assertThat(after.cases()).as("no second personnel file").hasSize(archive.cases().size());
        assertThat(entriesIn(after, personnelFile(after))).hasSize(3);
        assertThat(countOf(after.metadataJson(), "\"_type\":\"kassasjon\"")).isEqualTo(2);

        // A message naming a document of another posting is kept in quarantine with its rule; nothing is filed.
        hire(pipeline, "240611", "A-1001", "WC201-" + caseNumber + "-1001");
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();
        assertThat(pipeline.s3().listObjectsV2(r -> r.bucket(pipeline.bucket())
                .prefix("quarantine/messages/fileOnHire/")).contents()).as("the refused message, parked").isNotEmpty();
        assertThat(stack.archive().contents().entries()).hasSize(after.entries().size());
        assertThat(pipeline.deadLettered()).isZero();
        return scenario;
    }

    private static void hire(Pipeline pipeline, String caseNumber, String applicantId, String application,
                             String... attachments) {
        String list = java.util.Arrays.stream(attachments).map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("fileOnHire")).messageBody(
                "{\"type\":\"CandidateHired\",\"caseNumber\":\"" + caseNumber + "\",\"applicantId\":\"" + applicantId
                        + "\",\"employeeId\":\"" + EMPLOYEE + "\",\"applicationDocumentId\":\"" + application
                        + "\",\"attachmentDocumentIds\":" + list + "}"));
    }

    private static ArchiveContents.Case personnelFile(ArchiveContents archive) {
        List<ArchiveContents.Case> files = archive.cases().stream()
                .filter(c -> c.description().equals("WEBCRUITER PERSONALMAPPE " + EMPLOYEE)).toList();
        assertThat(files).as("one personnel file per employee").hasSize(1);
        return files.get(0);
    }

    private static ArchiveContents.Case hiringCase(ArchiveContents archive, String caseNumber) {
        return archive.cases().stream().filter(c -> c.description().equals("WEBCRUITER " + caseNumber))
                .findFirst().orElseThrow();
    }

    private static List<ArchiveContents.Entry> entriesIn(ArchiveContents archive, ArchiveContents.Case folder) {
        return archive.entries().stream().filter(e -> e.caseSystemId().equals(folder.systemId())).toList();
    }

    /** The copy holds the original's files, byte for byte, once each. */
    private static void assertSameFiles(ArchiveContents archive, ArchiveContents.Case hiring,
                                        ArchiveContents.Case file, String documentId, int files) {
        Map<String, String> original = documentsOf(archive, hiring, documentId);
        Map<String, String> copy = documentsOf(archive, file, documentId);
        assertThat(original).hasSize(files);
        assertThat(copy).as("copy of " + documentId).isEqualTo(original);
    }

    private static Map<String, String> documentsOf(ArchiveContents archive, ArchiveContents.Case folder,
                                                   String documentId) {
        List<String> entries = entriesIn(archive, folder).stream().map(ArchiveContents.Entry::systemId).toList();
        return archive.documents().stream()
                .filter(d -> entries.contains(d.entrySystemId()) && d.externalReference().equals(documentId))
                .collect(Collectors.toMap(ArchiveContents.Document::fileName,
                        d -> d.sha256() + "/" + DemoDrops.sha256(d.content())));
    }

    private static String metadataUnder(ArchiveContents archive, ArchiveContents.Case file) {
        StringBuilder all = new StringBuilder(file.title()).append(file.description());
        entriesIn(archive, file).forEach(e -> all.append(e.json()).append(e.correspondents()));
        return all.toString();
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
