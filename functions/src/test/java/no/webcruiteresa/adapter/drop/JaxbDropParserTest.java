package no.webcruiteresa.adapter.drop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.InvalidDropException;
import no.webcruiteresa.domain.TestDrops;
import org.junit.jupiter.api.Test;

class JaxbDropParserTest {
    private final JaxbDropParser parser = new JaxbDropParser();
    private final DocumentDrop drop = TestDrops.drop().attachment("cv.pdf").build();
    private final String xml = new String(new DropWriter().write(drop), StandardCharsets.UTF_8);

    @Test
    void shouldReadBackEveryFieldTheWriterWrote() {
        DocumentDrop read = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(drop);
        assertThat(read.applicant().birthDate()).isEqualTo(drop.applicant().birthDate());
    }

    @Test
    void shouldAcceptTheExampleInTheContractDocumentation() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "webcruiter-drop.md"));
        String example = doc.substring(doc.indexOf("```xml") + 6, doc.indexOf("```", doc.indexOf("```xml") + 6));

        DocumentDrop read = parser.parse(example.strip().getBytes(StandardCharsets.UTF_8));

        assertThat(read.documentId()).isEqualTo("WC201-240117-1001");
        assertThat(read.applicant().specialConsideration().exemptionRequested()).isTrue();
    }

    @Test
    void shouldRefuseAnyDoctype_soExternalEntitiesAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + xml.substring(xml.indexOf("<ns2:document") >= 0 ? xml.indexOf("<ns2:document") : xml.indexOf("<document"))
                .replace("Søknad på stilling", "&secret;");

        assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void shouldRefuseEntityExpansion() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";

        assertThatThrownBy(() -> parser.parse(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void shouldRefuseAnotherNamespaceOrSchemaVersion() {
        assertThatThrownBy(() -> parser.parse(xml.replace("urn:webcruiter-esa:drop:1", "urn:other").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("document");
        assertThatThrownBy(() -> parser.parse(xml.replace("schemaVersion=\"1.0\"", "schemaVersion=\"2.0\"")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("schemaVersion");
    }

    @Test
    void shouldNameTheMissingElement() {
        String missing = xml.replaceAll("<documentId>[^<]*</documentId>", "");

        assertThatThrownBy(() -> parser.parse(missing.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("documentId");
    }

    @Test
    void shouldNameTheFieldButWithholdTheValue_whenABirthDateIsInvalid() {
        String invalid = xml.replace("<birthDate>1988-03-14</birthDate>", "<birthDate>31.02.1988</birthDate>");

        assertThatThrownBy(() -> parser.parse(invalid.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDropException.class, e -> {
                    assertThat(e.field()).isEqualTo("document.applicant.birthDate");
                    assertThat(e.getMessage()).doesNotContain("31.02.1988").contains("value withheld");
                });
    }

    @Test
    void shouldRefuseFileReferencesOutsideTheDropFolder() {
        String traversal = xml.replace("<name>cv.pdf</name>", "<name>../../etc/cv.pdf</name>");

        assertThatThrownBy(() -> parser.parse(traversal.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDropException.class,
                        e -> assertThat(e.field()).isEqualTo("document.files.file.name"));
    }

    @Test
    void shouldRefuseAnUnknownFormCodeAndInvalidUtf8() {
        String unknownForm = xml.replace("WebCruiter201", "WebCruiter999");
        byte[] invalidUtf8 = xml.replace("Byåsen", "BYTE").getBytes(StandardCharsets.UTF_8);
        int at = new String(invalidUtf8, StandardCharsets.UTF_8).indexOf("BYTE");
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8[at + 1] = (byte) 0x28;

        assertThatThrownBy(() -> parser.parse(unknownForm.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDropException.class, e -> assertThat(e.field()).isEqualTo("document.form"));
        assertThatThrownBy(() -> parser.parse(invalidUtf8)).isInstanceOf(InvalidDropException.class);
    }

    @Test
    void shouldWithholdAValueWithAnApostrophe_andEverythingAfterIt() {
        String apostrophe = xml.replace("<name>cv.pdf</name>", "<name>Kari_O'Brien_CV.pdf</name>");
        String dateWithName = xml.replace("<birthDate>1988-03-14</birthDate>", "<birthDate>O'Brien 14.03.1988</birthDate>");

        assertThatThrownBy(() -> parser.parse(apostrophe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDropException.class, e -> {
                    assertThat(e.field()).isEqualTo("document.files.file.name");
                    assertThat(e.getMessage()).contains("cvc-pattern-valid", "value withheld")
                            .doesNotContain("Kari", "Brien", "CV.pdf");
                });
        assertThatThrownBy(() -> parser.parse(dateWithName.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDropException.class, e ->
                        assertThat(e.getMessage()).contains("value withheld").doesNotContain("Brien", "14.03.1988"));
    }

    @Test
    void shouldWithholdNamesABrokenDocumentMakesUp_butKeepTheSchemasOwn() {
        // "Kari <kari@example.org>" in a field reads as an element named after her.
        String broken = xml.replace("<title>Søknad", "<title>Kari <kari@example.org> Søknad");
        String undeclared = xml.replace("<documentDate>", "<Nordmann/><documentDate>");
        String wrongVersion = xml.replace("schemaVersion=\"1.0\"", "schemaVersion=\"2.0\"");

        assertThatThrownBy(() -> parser.parse(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDropException.class, e ->
                        assertThat(e.getMessage()).doesNotContain("kari", "Kari"));
        assertThatThrownBy(() -> parser.parse(undeclared.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDropException.class, e ->
                        assertThat(e.getMessage()).doesNotContain("Nordmann").contains("documentDate"));
        assertThatThrownBy(() -> parser.parse(wrongVersion.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDropException.class, e ->
                        assertThat(e.getMessage()).contains("schemaVersion").doesNotContain("2.0"));
    }
}
