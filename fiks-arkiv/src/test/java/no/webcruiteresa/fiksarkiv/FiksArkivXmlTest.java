package no.webcruiteresa.fiksarkiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Arkivmelding;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.ObjectFactory;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Saksmappe;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FiksArkivXmlTest {
    private final FiksArkivXml xml = FiksArkivXml.instance();

    @Test
    void writesAndReadsBackAValidArkivmelding() {
        Arkivmelding melding = new Arkivmelding();
        melding.setSystem("WEBCRUITER");
        melding.setAntallFiler(0);
        Saksmappe mappe = new Saksmappe();
        mappe.setTittel("Rekruttering");
        melding.setMappe(mappe);

        byte[] written = xml.write(new ObjectFactory().createArkivmelding(melding));

        assertThat(new String(written, StandardCharsets.UTF_8)).contains("xsi:type").contains("Rekruttering");
        Arkivmelding read = xml.read(written, Arkivmelding.class);
        assertThat(read.getMappe()).isInstanceOf(Saksmappe.class);
        assertThat(read.getMappe().getTittel()).isEqualTo("Rekruttering");
    }

    @Test
    void refusesToWriteWhatTheSchemaRefuses() {
        Arkivmelding melding = new Arkivmelding();
        melding.setAntallFiler(0);
        Saksmappe mappe = new Saksmappe();
        melding.setMappe(mappe); // no tittel, no system: both required

        assertThatThrownBy(() -> xml.write(new ObjectFactory().createArkivmelding(melding)))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void refusesInvalidPayloads() {
        String missingSystem = """
                <arkivmelding xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1">
                  <antallFiler>0</antallFiler>
                </arkivmelding>""";
        assertThatThrownBy(() -> xml.read(missingSystem.getBytes(StandardCharsets.UTF_8), Arkivmelding.class))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void refusesDoctypesAndExternalEntities() {
        String withEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE arkivmelding [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <arkivmelding xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1">
                  <system>&x;</system><antallFiler>0</antallFiler>
                </arkivmelding>""";
        assertThatThrownBy(() -> xml.read(withEntity.getBytes(StandardCharsets.UTF_8), Arkivmelding.class))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
