package no.webcruiteresa.fiksarkiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.ArkivmeldingKvittering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.JournalpostKvittering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.OpprettetEllerEksisterende;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.SaksmappeKvittering;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The archive's answers as the specification describes them (the sequence diagrams under Dokumentasjon/V1 name the
 * message types; the XSDs' annotations say what each holds; the repository has no XML examples, so these are
 * written from the schemas) parse with our bindings, and what breaks the schema does not.
 */
class RepliesTest {
    private static final String KVITTERING_NS =
            "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1";
    private static final String MDK_NS = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1";

    @Test
    void aKvitteringForANewSaksmappeGivesTheArchivesIds() {
        String xml = """
                <arkivmeldingKvittering xmlns="%s" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <mappeKvittering xsi:type="saksmappeKvittering">
                    <systemID>0f8c1a52-3b7e-4d39-9c1e-5a0f2b7d4e11</systemID>
                    <mappeID>2026/17</mappeID>
                    <referanseEksternNoekkel>
                      <fagsystem xmlns="%s">WEBCRUITER</fagsystem>
                      <noekkel xmlns="%s">100</noekkel>
                    </referanseEksternNoekkel>
                    <opprettetEllerEksisterende>Opprettet</opprettetEllerEksisterende>
                    <saksaar>2026</saksaar>
                    <sakssekvensnummer>17</sakssekvensnummer>
                  </mappeKvittering>
                </arkivmeldingKvittering>""".formatted(KVITTERING_NS, MDK_NS, MDK_NS);

        ArkivmeldingKvittering kvittering = FiksArkivXml.instance().read(bytes(xml), ArkivmeldingKvittering.class);

        SaksmappeKvittering mappe = (SaksmappeKvittering) kvittering.getMappeKvittering();
        assertThat(mappe.getSystemID().getValue()).isEqualTo("0f8c1a52-3b7e-4d39-9c1e-5a0f2b7d4e11");
        assertThat(mappe.getMappeID()).isEqualTo("2026/17");
        assertThat(mappe.getReferanseEksternNoekkel().getNoekkel()).isEqualTo("100");
        assertThat(mappe.getOpprettetEllerEksisterende()).isEqualTo(OpprettetEllerEksisterende.OPPRETTET);
    }

    @Test
    void aKvitteringForAJournalpostListsItsDocumentsAndFiles() {
        String xml = """
                <arkivmeldingKvittering xmlns="%s" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <registreringKvittering xsi:type="journalpostKvittering">
                    <systemID>6d0c3a1e-8a8b-4a4e-9f0e-1b2c3d4e5f60</systemID>
                    <dokumentbeskrivelseKvittering>
                      <systemID>7d0c3a1e-8a8b-4a4e-9f0e-1b2c3d4e5f61</systemID>
                      <dokumentnummer>1</dokumentnummer>
                      <dokumentobjekt><systemID>8d0c3a1e-8a8b-4a4e-9f0e-1b2c3d4e5f62</systemID><versjonsnummer>1</versjonsnummer></dokumentobjekt>
                    </dokumentbeskrivelseKvittering>
                    <registreringsID>2026/17-1</registreringsID>
                    <opprettetEllerEksisterende>Eksisterende</opprettetEllerEksisterende>
                    <journalaar>2026</journalaar>
                    <journalpostnummer>1</journalpostnummer>
                  </registreringKvittering>
                </arkivmeldingKvittering>""".formatted(KVITTERING_NS);

        ArkivmeldingKvittering kvittering = FiksArkivXml.instance().read(bytes(xml), ArkivmeldingKvittering.class);

        JournalpostKvittering post = (JournalpostKvittering) kvittering.getRegistreringKvittering();
        assertThat(post.getRegistreringsID()).isEqualTo("2026/17-1");
        assertThat(post.getOpprettetEllerEksisterende()).isEqualTo(OpprettetEllerEksisterende.EKSISTERENDE);
        assertThat(post.getDokumentbeskrivelseKvittering()).singleElement()
                .satisfies(d -> assertThat(d.getDokumentobjekt()).hasSize(1));
    }

    @Test
    void aKvitteringMayReportThatTheRegistreringFailed() {
        String xml = """
                <arkivmeldingKvittering xmlns="%s">
                  <registreringFeilet>
                    <feilId xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1">F-1</feilId>
                    <feilmelding xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1">saksmappen er avsluttet</feilmelding>
                  </registreringFeilet>
                </arkivmeldingKvittering>""".formatted(KVITTERING_NS);

        ArkivmeldingKvittering kvittering = FiksArkivXml.instance().read(bytes(xml), ArkivmeldingKvittering.class);

        assertThat(kvittering.getRegistreringKvittering()).isNull();
        assertThat(kvittering.getRegistreringFeilet().getFeilmelding()).isEqualTo("saksmappen er avsluttet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ugyldigforespoersel", "ikkefunnet", "serverfeil"})
    void theStandardsErrorMessagesParse(String kind) {
        String xml = """
                <%1$s xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/%1$s/v1"
                      xmlns:f="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1">
                  <f:feilId>e-42</f:feilId>
                  <f:feilmelding>noe gikk galt</f:feilmelding>
                </%1$s>""".formatted(kind);

        Feilmelding error = Feilmelding.parse("no.ks.fiks.arkiv.v1.feilmelding." + kind, bytes(xml));

        assertThat(error.feilId()).isEqualTo("e-42");
        assertThat(error.feilmelding()).isEqualTo("noe gikk galt");
        assertThat(error.invalidRequest()).isEqualTo(kind.equals("ugyldigforespoersel"));
        assertThat(error.notFound()).isEqualTo(kind.equals("ikkefunnet"));
        assertThat(error.serverError()).isEqualTo(kind.equals("serverfeil"));
    }

    @Test
    void anErrorMessageWhosePayloadIsAnotherKindIsRefused() {
        String serverfeil = """
                <serverfeil xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/serverfeil/v1"
                      xmlns:f="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1">
                  <f:feilId>e-1</f:feilId><f:feilmelding>x</f:feilmelding>
                </serverfeil>""";
        assertThatThrownBy(() -> Feilmelding.parse(MessageTypes.IKKE_FUNNET, bytes(serverfeil)))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void anErrorMessageWithoutItsRequiredIdIsRefused() {
        String missingId = """
                <serverfeil xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/serverfeil/v1"
                      xmlns:f="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1">
                  <f:feilmelding>x</f:feilmelding>
                </serverfeil>""";
        assertThatThrownBy(() -> Feilmelding.parse(MessageTypes.SERVERFEIL, bytes(missingId)))
                .isInstanceOf(InvalidMessageException.class);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
