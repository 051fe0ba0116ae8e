package no.webcruiteresa.domain;

import static no.webcruiteresa.domain.TestDrops.drop;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentDropTest {
    @Test
    void shouldRefuseFileNamesThatLeaveTheDropFolder() {
        for (String name : List.of("../other.pdf", "/etc/passwd.pdf", "a\\b.pdf", ".hidden.pdf")) {
            assertThatThrownBy(() -> new DropFile(name, DropFile.Role.MAIN, null, 1, "a".repeat(64)))
                    .as(name).hasMessage("files.file.name: must be a plain file name beside the XML");
        }
    }

    @Test
    void shouldRequireExactlyOneMainDocumentAndUniqueNames() {
        assertThatThrownBy(() -> drop().attachment("soknad.pdf").build())
                .hasMessage("files.file.name: must be unique within the document");
        DropFile attachment = new DropFile("cv.pdf", DropFile.Role.ATTACHMENT, null, 1, "a".repeat(64));
        DocumentDrop valid = drop().build();
        assertThatThrownBy(() -> new DocumentDrop(valid.form(), valid.documentId(), valid.title(), valid.documentDate(),
                valid.posting(), valid.applicant(), List.of(attachment)))
                .hasMessage("files: must hold exactly one file with role main");
    }

    @Test
    void shouldNameTheUnknownFormCode() {
        assertThatThrownBy(() -> Form.fromCode("WebCruiter999")).hasMessage("form: unknown form code 'WebCruiter999'");
    }

    @Test
    void shouldNeverPrintPersonalDataInToString() {
        org.assertj.core.api.Assertions.assertThat(TestDrops.applicant(true).toString()).isEqualTo("Applicant[A-1]");
    }
}
