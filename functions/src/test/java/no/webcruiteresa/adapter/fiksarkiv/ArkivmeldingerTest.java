package no.webcruiteresa.adapter.fiksarkiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Arkivmelding;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Journalpost;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.ObjectFactory;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Saksmappe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.fiksarkiv.FiksArkivXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our registrations as arkivmelding.opprett: valid against the official schema, keyed by our ids, no extra personal data. */
class ArkivmeldingerTest {
    static final FiksArkivSettings SETTINGS = new FiksArkivSettings("WEBCRUITER", "fmt/276", "PDF 1.7", "B", "Brev",
            "Personalsaker", "WS.1000", ZoneId.of("Europe/Oslo"), Duration.ofSeconds(5));
    private final Arkivmeldinger meldinger = new Arkivmeldinger(SETTINGS);
    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());
    private final ArchivedCase archivedCase = new ArchivedCase("4a1a5f3e-6a55-4a5e-9a43-2b8d3c2f1e01", "2026/7",
            "WEBCRUITER 100");

    @Test
    void aCaseIsASaksmappeKeyedByThePostingsCaseNumber() {
        CaseRegistration registration = rules.caseFor(new Posting("100", "Lærer ved Byåsen skole", "Byåsen skole", null),
                LocalDate.of(2026, 11, 20));

        byte[] xml = ProducedMessages.validateAndKeep("saksmappe", write(meldinger.saksmappe(registration)));

        Arkivmelding read = FiksArkivXml.instance().read(xml, Arkivmelding.class);
        assertThat(read.getSystem()).isEqualTo("WEBCRUITER");
        assertThat(read.getAntallFiler()).isZero();
        Saksmappe mappe = (Saksmappe) read.getMappe();
        assertThat(mappe.getReferanseEksternNoekkel().getFagsystem()).isEqualTo("WEBCRUITER");
        assertThat(mappe.getReferanseEksternNoekkel().getNoekkel()).isEqualTo("100");
        assertThat(mappe.getTittel()).isEqualTo("Lærer ved Byåsen skole");
        assertThat(mappe.getSaksdato().toString()).isEqualTo("2026-11-20");
        assertThat(mappe.getKlassifikasjon()).singleElement().extracting(k -> k.getKlasseID()).isEqualTo("410");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void everyFormIsAValidJournalpostInItsCaseKeyedByTheDocumentId(Form form) {
        EntryRegistration entry = rules.entryFor(TestDrops.drop().form(form).attachment("vedlegg 1.docx").build());

        byte[] xml = ProducedMessages.validateAndKeep("journalpost-" + form.name().toLowerCase(Locale.ROOT),
                write(meldinger.journalpost(archivedCase, entry)));

        Arkivmelding read = FiksArkivXml.instance().read(xml, Arkivmelding.class);
        Journalpost post = (Journalpost) read.getRegistrering();
        assertThat(read.getAntallFiler()).isEqualTo(2);
        assertThat(post.getReferanseEksternNoekkel().getNoekkel()).isEqualTo("WC201-100-1");
        assertThat(post.getReferanseForelderMappe().getSystemID().getValue()).isEqualTo(archivedCase.systemId());
        assertThat(post.getReferanseForelderMappe().getReferanseEksternNoekkel().getNoekkel()).isEqualTo("100");
        assertThat(post.getJournalposttype().getKode()).isEqualTo(entry.type().code());
        assertThat(post.getOffentligTittel()).isEqualTo(entry.publicTitle());
        assertThat(post.getDokumentbeskrivelse()).hasSize(2);
        var main = post.getDokumentbeskrivelse().get(0);
        assertThat(main.getTilknyttetRegistreringSom().getKode()).isEqualTo("H");
        var objekt = main.getDokumentobjekt().get(0);
        assertThat(objekt.getSjekksum()).isEqualTo("a".repeat(64));
        assertThat(objekt.getSjekksumAlgoritme()).isEqualTo("SHA-256");
        assertThat(objekt.getFilstoerrelse()).isEqualTo(100);
        assertThat(objekt.getReferanseDokumentfil()).isEqualTo("dokument-1.pdf");
        assertThat(post.getDokumentbeskrivelse().get(1).getDokumentobjekt().get(0).getReferanseDokumentfil())
                .isEqualTo("dokument-2.docx");
        assertThat(post.getSkjerming() != null).isEqualTo(entry.screening().exempt());
    }

    @ParameterizedTest
    @EnumSource(value = Form.class, names = {"APPLICATION", "APPLICATION_ATTACHMENTS", "LETTER_TO_APPLICANT"})
    void aScreenedEntryCarriesNameAndAddressOnlyAndScreensThem(Form form) {
        EntryRegistration entry = rules.entryFor(TestDrops.drop().form(form).title("Dokument - Åse Ødegård").build());

        String sent = new String(ProducedMessages.validateAndKeep("screened-" + form.name().toLowerCase(Locale.ROOT),
                write(meldinger.journalpost(archivedCase, entry))), StandardCharsets.UTF_8);

        // Element prefixes depend on which message types the JAXB context met first: match the local names.
        assertThat(sent).contains("Åse Ødegård", "Kjøpmannsgata 12", "7013", "Trondheim")
                .containsPattern("<(\\w+:)?erSkjermet>true").containsPattern("<(\\w+:)?skjermingshjemmel>Offl\\. § 25")
                .doesNotContain("1988", "14.03", "Svensk", "Kvinne", "ase@example.org", "+4790000001", ">DK<",
                        "A-1", "fortrinn", "innvandr", "funksjon", "preferential", "immigrant", "disab");
        assertThat(entry.publicTitle()).doesNotContain("Åse");
    }

    static byte[] write(Arkivmelding melding) {
        return FiksArkivXml.instance().write(new ObjectFactory().createArkivmelding(melding));
    }
}
