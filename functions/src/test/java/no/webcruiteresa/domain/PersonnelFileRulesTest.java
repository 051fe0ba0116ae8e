package no.webcruiteresa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonnelFileRulesTest {
    private static final PersonnelFileSettings SETTINGS = new PersonnelFileSettings("PERSONAL", "400", "HR.100",
            "HRANS", "B", "P", "Offl. § 25 første ledd og § 13", "Personalmappe", "Søknad med CV",
            "Attester og vitnemål", "B", "Arkivlova § 9");
    private final PersonnelFileRules rules = new PersonnelFileRules(SETTINGS, TestDrops.seedSettings());

    @Test
    void shouldRegisterAScreenedFileInThePersonnelSeries_namedByTheEmployeeIdOnly() {
        PersonnelFileRegistration file = rules.fileFor("E-20417", LocalDate.of(2026, 12, 2));

        assertThat(file.reference()).isEqualTo("WEBCRUITER PERSONALMAPPE E-20417");
        assertThat(file.title()).isEqualTo("Personalmappe E-20417").isEqualTo(file.publicTitle());
        assertThat(file.archivePart()).isEqualTo("PERSONAL");
        assertThat(file.classificationCode()).isEqualTo("400");
        assertThat(file.administrativeUnit()).isEqualTo("HR.100");
        assertThat(file.screening().exempt()).isTrue();
        assertThat(file.screening().legalBasis()).contains("§ 25").contains("§ 13");
    }

    @Test
    void shouldCopyAnEntryWithItsFilesUnderANewReference_withoutTheApplicantsName() {
        EntryRegistration copy = rules.copyOf(new Hire.HiredDocument("WC201-240117-1001", Form.APPLICATION),
                "E-20417", "2026/17", LocalDate.of(2026, 11, 20), List.of(
                        new PersonnelFileRules.CopiedDocument(2, false, "cv.pdf", "application/pdf", 20, "b".repeat(64)),
                        new PersonnelFileRules.CopiedDocument(1, true, "soknad.pdf", "application/pdf", 10,
                                "a".repeat(64))));

        assertThat(copy.reference()).isEqualTo("WEBCRUITER WC201-240117-1001 PERSONALMAPPE E-20417")
                .isNotEqualTo(TestDrops.seedSettings().entryReference("WC201-240117-1001"));
        assertThat(copy.documentId()).isEqualTo("WC201-240117-1001");
        assertThat(copy.title()).isEqualTo("Søknad med CV (tilsettingssak 2026/17)").isEqualTo(copy.publicTitle());
        assertThat(copy.type()).isEqualTo(EntryType.INCOMING);
        assertThat(copy.screening()).isEqualTo(SETTINGS.screening());
        assertThat(copy.correspondents()).singleElement().satisfies(part -> {
            assertThat(part.role()).isEqualTo(Correspondent.Role.INTERNAL_RECIPIENT);
            assertThat(part.name()).isEqualTo("HRANS");
        });
        assertThat(copy.documents()).extracting(DocumentRegistration::fileName, DocumentRegistration::main,
                        DocumentRegistration::title, DocumentRegistration::sha256)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cv.pdf", false, "Vedlegg 1", "b".repeat(64)),
                        org.assertj.core.groups.Tuple.tuple("soknad.pdf", true, "Søknad med CV (tilsettingssak 2026/17)",
                                "a".repeat(64)));
    }

    @Test
    void shouldTitleAttachmentsAsSuch_andRefuseAnEntryWithoutDocuments() {
        Hire.HiredDocument attachments = new Hire.HiredDocument("WC203-1", Form.APPLICATION_ATTACHMENTS);
        assertThat(rules.copyOf(attachments, "E-1", "2026/3", LocalDate.of(2026, 1, 1), List.of(
                new PersonnelFileRules.CopiedDocument(1, true, "v.pdf", "application/pdf", 1, "c".repeat(64)))).title())
                .isEqualTo("Attester og vitnemål (tilsettingssak 2026/3)");
        assertThatThrownBy(() -> rules.copyOf(attachments, "E-1", "2026/3", LocalDate.of(2026, 1, 1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHireNamesItsDocumentsByIdOnly_andRefusesDuplicatesAndMalformedIds() {
        Hire hire = new Hire("240117", "A-1001", "E-20417", "WC201-240117-1001", List.of("WC203-240117-1001"));
        assertThat(hire.documents()).containsExactly(new Hire.HiredDocument("WC201-240117-1001", Form.APPLICATION),
                new Hire.HiredDocument("WC203-240117-1001", Form.APPLICATION_ATTACHMENTS));
        assertThatThrownBy(() -> new Hire("240117", "A-1", "E-1", "WC201-1", List.of("WC201-1")))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("attachmentDocumentIds");
        assertThatThrownBy(() -> new Hire("24O117", "A-1", "E-1", "WC201-1", null))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("caseNumber");
        assertThatThrownBy(() -> new Hire("240117", "A-1", "../E-1", "WC201-1", null))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("employeeId");
    }
}
