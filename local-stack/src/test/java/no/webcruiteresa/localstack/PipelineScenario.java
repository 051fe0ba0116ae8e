package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.simulator.ArchiveContents;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The end-to-end scenario every tier runs (embedded emulators, moto, LocalStack): a posting is published,
 * its documents are dropped beside objects that are none of the pipeline's business, and the archive and
 * the drop bucket must end in exactly one state.
 */
final class PipelineScenario {
    static final List<String> BYSTANDERS = List.of("README.txt", "999999/notes/handover.pdf");

    final DemoDrops demo;
    final List<DemoDrops.Drop> drops;
    private boolean internalRecipients = true;

    PipelineScenario(String caseNumber) {
        demo = new DemoDrops(caseNumber, LocalDate.of(2026, 11, 20));
        drops = demo.drops();
    }

    /** For an archive that does not implement korrespondansepartintern (the reference server answers 501). */
    PipelineScenario withoutInternalRecipients() {
        internalRecipients = false;
        return this;
    }

    void run(Pipeline pipeline) {
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase"))
                .messageBody(demo.postingPublishedMessage()));
        for (String key : BYSTANDERS) {
            pipeline.s3().putObject(r -> r.bucket(pipeline.bucket()).key(key), RequestBody.fromString("not a drop"));
        }
        DemoDrops.upload(pipeline.s3(), pipeline.bucket(), drops);
    }

    void assertOutcome(ArchiveContents archive, S3Client s3, String bucket, int deadLettered) {
        String reference = "WEBCRUITER " + demo.posting().caseNumber();
        List<ArchiveContents.Case> cases = archive.cases().stream().filter(c -> c.description().equals(reference)).toList();
        assertThat(cases).as("one case per posting").hasSize(1);
        ArchiveContents.Case hiringCase = cases.get(0);
        assertThat(hiringCase.title()).isEqualTo(demo.posting().title());
        assertThat(hiringCase.classId()).isEqualTo("410");
        assertThat(hiringCase.archivePart()).isEqualTo("EL-SAKARKI");
        assertThat(hiringCase.caseId()).matches("\\d{4}/\\d+");

        List<ArchiveContents.Entry> entries = archive.entries().stream()
                .filter(e -> e.caseSystemId().equals(hiringCase.systemId())).toList();
        assertThat(entries).as("one entry per document").hasSize(drops.size());
        Map<String, ArchiveContents.Entry> byDocument = archive.documents().stream()
                .filter(d -> entries.stream().anyMatch(e -> e.systemId().equals(d.entrySystemId())))
                .collect(Collectors.toMap(ArchiveContents.Document::externalReference,
                        d -> entries.stream().filter(e -> e.systemId().equals(d.entrySystemId())).findFirst().orElseThrow(),
                        (a, b) -> {
                            assertThat(a).as("all documents of a drop are in one entry").isSameAs(b);
                            return a;
                        }));

        for (DemoDrops.Drop drop : drops) {
            Form form = drop.document().form();
            ArchiveContents.Entry entry = byDocument.get(drop.document().documentId());
            assertThat(entry).as("entry for " + drop.document().documentId()).isNotNull();
            assertThat(entry.type()).isEqualTo(expectedType(form));
            assertThat(entry.status()).isEqualTo("J");
            assertThat(entry.screened()).as("screening of " + form).isEqualTo(expectedScreened(form));
            if (internalRecipients) {
                assertThat(entry.correspondents()).contains("IM:WSANS");
            } else {
                assertThat(entry.correspondents()).noneMatch(c -> c.startsWith("IM:"));
            }
            drop.document().applicantIfAny().ifPresent(applicant -> {
                assertThat(entry.correspondents()).contains((form == Form.LETTER_TO_APPLICANT ? "EM:" : "EA:")
                        + applicant.fullName());
                if (applicant.specialConsideration().exemptionRequested()) {
                    assertThat(entry.publicTitle()).doesNotContain(applicant.familyName())
                            .isEqualTo(entry.title().replace(applicant.fullName(), "******"));
                } else {
                    assertThat(entry.publicTitle()).contains(applicant.fullName());
                }
            });
            for (DropFile file : drop.document().files()) {
                List<ArchiveContents.Document> stored = archive.documents().stream()
                        .filter(d -> d.entrySystemId().equals(entry.systemId()) && d.fileName().equals(file.name()))
                        .toList();
                assertThat(stored).as("exactly one copy of " + file.name()).hasSize(1);
                ArchiveContents.Document document = stored.get(0);
                assertThat(document.sha256()).isEqualTo(file.sha256()).isEqualTo(DemoDrops.sha256(document.content()));
                assertThat(document.content()).isEqualTo(drop.files().get(file.name()));
                assertThat(document.role()).isEqualTo(file.role() == DropFile.Role.MAIN ? "H" : "V");
                assertThat(document.status()).isEqualTo("F");
                assertThat(document.variant()).isEqualTo("P");
                assertThat(document.mimeType()).isEqualTo("application/pdf");
            }
        }
        drops.stream().flatMap(d -> d.document().applicantIfAny().stream()).forEach(applicant ->
                assertThat(archive.metadataJson()).as("no personal data beyond name and address")
                        .doesNotContain(applicant.birthDate().toString(), applicant.email(), applicant.phone(),
                                applicant.nationality(), applicant.gender(), "exemptionRequested", "preferentialRight",
                                "immigrantBackground", "disability"));

        List<String> keys = s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                .map(o -> o.key()).toList();
        assertThat(keys).as("every XML and PDF removed, nothing else").containsExactlyInAnyOrderElementsOf(BYSTANDERS);
        assertThat(deadLettered).as("nothing dead-lettered").isZero();
    }

    static String expectedType(Form form) {
        return form == Form.APPLICATION || form == Form.APPLICATION_ATTACHMENTS ? "I" : "U";
    }

    static boolean expectedScreened(Form form) {
        return form != Form.POSTING && form != Form.PUBLIC_APPLICANT_LIST;
    }
}
