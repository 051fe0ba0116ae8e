package no.webcruiteresa.domain;

import static no.webcruiteresa.domain.TestDrops.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {
    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());

    @ParameterizedTest(name = "{0} -> {1}, exempt={2}")
    @CsvSource({
            "POSTING, OUTGOING, false, ",
            "APPLICATION, INCOMING, true, Offl. § 25 første ledd",
            "APPLICATION_ATTACHMENTS, INCOMING, true, Offl. § 25",
            "LETTER_TO_APPLICANT, OUTGOING, true, Offl. § 25",
            "PUBLIC_APPLICANT_LIST, OUTGOING, false, ",
            "EXTENDED_APPLICANT_LIST, OUTGOING, true, Offl. § 25 første ledd",
            "OTHER_APPLICANT_LIST, OUTGOING, true, Offl. § 25"})
    void shouldRegisterEachFormWithItsTypeStatusAndScreening(Form form, EntryType type, boolean exempt, String basis) {
        EntryRegistration entry = rules.entryFor(drop().form(form).title("Dokument").build());

        assertThat(entry.type()).isEqualTo(type);
        assertThat(entry.status()).isEqualTo("J");
        assertThat(entry.localStatus()).isEqualTo("J1");
        assertThat(entry.screening().exempt()).isEqualTo(exempt);
        assertThat(entry.screening().legalBasis()).isEqualTo(basis);
        assertThat(entry.title()).isEqualTo("Dokument");
        assertThat(entry.correspondents()).extracting(Correspondent::role).contains(Correspondent.Role.INTERNAL_RECIPIENT);
    }

    @Test
    void shouldScreenTheApplicantsNameInThePublicTitle_whenTheApplicantAskedForExemption() {
        EntryRegistration entry = rules.entryFor(drop().title("Søknad fra Åse Ødegård til Byåsen skole").build());

        assertThat(entry.title()).isEqualTo("Søknad fra Åse Ødegård til Byåsen skole");
        assertThat(entry.publicTitle()).isEqualTo("Søknad fra ****** til Byåsen skole");
    }

    @Test
    void shouldScreenNamesOnlyAsWholeWords() {
        EntryRegistration entry = rules.entryFor(drop().title("Søknad fra Ødegård, Åse (Byåsen)").build());

        assertThat(entry.publicTitle()).isEqualTo("Søknad fra ******, ****** (Byåsen)");
    }

    @Test
    void shouldKeepTheNameInThePublicTitle_whenNoExemptionWasRequested() {
        EntryRegistration entry = rules.entryFor(drop().applicant(TestDrops.applicant(false))
                .title("Søknad - Åse Ødegård").build());

        assertThat(entry.publicTitle()).isEqualTo("Søknad - Åse Ødegård");
    }

    @Test
    void shouldMakeTheApplicantSenderOfIncomingAndRecipientOfOutgoingEntries() {
        EntryRegistration application = rules.entryFor(drop().form(Form.APPLICATION).build());
        EntryRegistration letter = rules.entryFor(drop().form(Form.LETTER_TO_APPLICANT).build());

        assertThat(application.correspondents()).extracting(Correspondent::role)
                .containsExactly(Correspondent.Role.SENDER, Correspondent.Role.INTERNAL_RECIPIENT);
        assertThat(letter.correspondents()).extracting(Correspondent::role)
                .containsExactly(Correspondent.Role.RECIPIENT, Correspondent.Role.INTERNAL_RECIPIENT);
        assertThat(application.correspondents().get(0).name()).isEqualTo("Åse Ødegård");
        assertThat(application.correspondents().get(1).name()).isEqualTo("WSANS");
    }

    @Test
    void shouldNumberTheMainDocumentFirst_whateverTheOrderInTheDrop() {
        EntryRegistration entry = rules.entryFor(drop().attachment("cv.pdf").attachment("attest.pdf").mainLast().build());

        assertThat(entry.documents()).extracting(DocumentRegistration::fileName)
                .containsExactly("soknad.pdf", "cv.pdf", "attest.pdf");
        assertThat(entry.documents()).extracting(DocumentRegistration::number).containsExactly(1, 2, 3);
        assertThat(entry.documents()).extracting(DocumentRegistration::main).containsExactly(true, false, false);
        assertThat(entry.documents()).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo("F");
            assertThat(d.variantFormat()).isEqualTo("P");
            assertThat(d.mimeType()).isEqualTo("application/pdf");
        });
    }

    @Test
    void shouldCarryOnlyNameAndPostalAddressOfTheApplicant() {
        EntryRegistration entry = rules.entryFor(drop().build());

        String everything = entry.toString() + entry.correspondents().get(0).name()
                + entry.correspondents().get(0).postalAddress();
        assertThat(everything).doesNotContain("1988", "Svensk", "Kvinne", "ase@example.org", "+4790000001", "DK",
                "A-1", "preferential", "immigrant", "disability");
    }

    @Test
    void shouldRefuseATitleThatCarriesTheApplicantsBirthDate() {
        assertThatThrownBy(() -> rules.entryFor(drop().title("Søknad - Åse Ødegård 14.03.1988").build()))
                .isInstanceOf(InvalidDropException.class)
                .hasMessage("title: must not contain the applicant's birth date");
    }

    @Test
    void shouldRefuseAnApplicantOnAList_andAnApplicationWithoutOne() {
        DocumentDrop listWithApplicant = new DocumentDrop(Form.PUBLIC_APPLICANT_LIST, "WC301-1", "Liste",
                LocalDate.of(2026, 1, 1), new Posting("1", "T", "U", null), TestDrops.applicant(false),
                drop().build().files());

        assertThatThrownBy(() -> rules.entryFor(listWithApplicant)).hasMessage("applicant: must be absent for WebCruiter301");
        assertThatThrownBy(() -> drop().applicant(null).build()).hasMessage("applicant: is required for WebCruiter201");
    }

    @Test
    void shouldRegisterTheCaseWithTheSeedDefaultsAndTheWebCruiterReference() {
        CaseRegistration registration = rules.caseFor(new Posting("240117", "Lærer", "Byåsen skole", null),
                LocalDate.of(2026, 11, 24));

        assertThat(registration.reference()).isEqualTo("WEBCRUITER 240117");
        assertThat(registration).extracting(CaseRegistration::administrativeUnit, CaseRegistration::caseHandler,
                        CaseRegistration::accessGroup, CaseRegistration::caseType, CaseRegistration::archivePart,
                        CaseRegistration::classificationCode)
                .containsExactly("WS.1000", "WSANS", "WS1000", "STD", "EL-SAKARKI", "410");
    }

    @Test
    void shouldScreenTheName_whenTheXmlCarriesItDecomposed() {
        Applicant decomposed = withName(Normalizer.normalize("Åse", Normalizer.Form.NFD),
                Normalizer.normalize("Ødegård", Normalizer.Form.NFD));

        EntryRegistration fromNfdName = rules.entryFor(drop().applicant(decomposed).title("Søknad fra Åse Ødegård").build());
        EntryRegistration fromNfdTitle = rules.entryFor(drop().title(Normalizer.normalize(
                "Søknad fra Åse Ødegård", Normalizer.Form.NFD)).build());

        assertThat(fromNfdName.publicTitle()).isEqualTo("Søknad fra ******");
        assertThat(fromNfdTitle.publicTitle()).isEqualTo("Søknad fra ******");
        assertThat(fromNfdTitle.title()).isEqualTo("Søknad fra Åse Ødegård");
    }

    @Test
    void shouldScreenEveryPartOfTheName_whenATitleUsesOnlySomeOfThem() {
        Applicant twoGivenNames = withName("Bjørn Kåre", "Lærum");

        for (String title : List.of("Søknad - Kåre Lærum", "Søknad - KÅRE", "Søknad fra Bjørn",
                "Søknad - Lærum, Bjørn Kåre", "Søknad - Bjørn-Kåre Lærum")) {
            String publicTitle = rules.entryFor(drop().applicant(twoGivenNames).title(title).build()).publicTitle();
            assertThat(publicTitle).as(title).doesNotContainIgnoringCase("Bjørn").doesNotContainIgnoringCase("Kåre")
                    .doesNotContainIgnoringCase("Lærum").contains("******");
        }
    }

    @Test
    void shouldStripEmailAddressesAndPhoneNumbersFromEveryTitle_butKeepIdsDatesAndNumbers() {
        EntryRegistration entry = rules.entryFor(drop().applicant(TestDrops.applicant(false))
                .title("Søknad - ase.odegard@example.org, +47 900 00 001 / 90000001 (WC201-240117-1001, 20.11.2026, 100 %)")
                .build());

        assertThat(entry.title()).isEqualTo("Søknad - ******, ****** / ****** (WC201-240117-1001, 20.11.2026, 100 %)");
        assertThat(entry.publicTitle()).isEqualTo(entry.title());
        assertThat(entry.documents().get(0).title()).isEqualTo("Søknad");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "title with nationality | Søknad - Åse Ødegård, svensk statsborger | title | nationality",
            "title with a flag | Søknad med krav om fortrinnsrett | title | special-consideration flag",
            "title with a flag, compound | Søknad (innvandrerbakgrunnen) | title | special-consideration flag",
            "birth date in words | Søknad - Åse Ødegård, født 14. mars 1988 | title | birth date",
            "birth date, eight digits | Søknad 14031988 | title | birth date"})
    void shouldRefuseSpecialDataInAnyRegisteredText(String name, String title, String field, String rule) {
        assertThatThrownBy(() -> rules.entryFor(drop().title(title).build()))
                .isInstanceOf(InvalidDropException.class)
                .hasMessageStartingWith(field + ": ").hasMessageContaining(rule);
    }

    @Test
    void shouldRefuseTheBirthDateInAFileName_whichTheArchiveKeepsAsFilnavnAndAsTheAttachmentsTitle() {
        assertThatThrownBy(() -> rules.entryFor(drop().attachment("attest-14031988.pdf").build()))
                .isInstanceOf(InvalidDropException.class)
                .hasMessage("files.file.name: must not contain the applicant's birth date");
    }

    @Test
    void shouldAcceptANationalityOrFlagWordThatIsPartOfThePostingsOwnTitle() {
        DocumentDrop drop = drop().build();
        DocumentDrop languageTeacher = new DocumentDrop(drop.form(), drop.documentId(),
                "Søknad på stilling: Lektor i svensk - Åse Ødegård", drop.documentDate(),
                new Posting("100", "Lektor i svensk", "Byåsen skole", null), drop.applicant(), drop.files());

        assertThat(rules.entryFor(languageTeacher).title()).isEqualTo("Søknad på stilling: Lektor i svensk - Åse Ødegård");
    }

    private static Applicant withName(String given, String family) {
        Applicant a = TestDrops.applicant(true);
        return new Applicant(a.applicantId(), given, family, a.postalAddress(), a.email(), a.phone(), a.birthDate(),
                a.gender(), a.nationality(), a.country(), a.specialConsideration());
    }
}
