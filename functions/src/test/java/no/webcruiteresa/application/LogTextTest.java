package no.webcruiteresa.application;

import static org.assertj.core.api.Assertions.assertThat;

import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.TestDrops;
import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void shouldKeepADropsXmlKey_butNeverAFileName() {
        assertThat(LogText.key("240117/WC201-240117-1001/WC201-240117-1001.xml"))
                .isEqualTo("240117/WC201-240117-1001/WC201-240117-1001.xml");
        assertThat(LogText.key("240117/WC201-240117-1001/Kari_Nordmann_CV.pdf"))
                .startsWith("240117/…/object #").doesNotContain("Kari", "Nordmann", "WC201");
        assertThat(LogText.key("240117/WC201-1/Kari_Nordmann.xml")).doesNotContain("Kari");
        assertThat(LogText.key("Kari Nordmann/x.xml")).startsWith("object #").doesNotContain("Kari");
        assertThat(LogText.key("a/b/c.pdf")).isEqualTo(LogText.key("a/b/c.pdf")).isNotEqualTo(LogText.key("a/b/d.pdf"));
    }

    @Test
    void shouldNameAFileByItsPlaceSizeAndHash() {
        DocumentDrop drop = TestDrops.drop().attachment("Kari_Nordmann_CV.pdf").build();

        String label = LogText.file(drop, drop.files().get(1));

        assertThat(label).startsWith("file 2 of 2 (").contains("bytes", "sha256 ").doesNotContain("Kari", ".pdf");
        assertThat(LogText.fileName("Kari_Nordmann_CV.pdf")).startsWith("file named #").doesNotContain("Kari");
    }
}
