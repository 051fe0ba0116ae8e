package no.webcruiteresa.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builders for drops and settings in tests: the seed's defaults, one invented applicant. */
public final class TestDrops {
    public static final String PERSONAL_CODE = "P";
    public static final String FIRST_PARAGRAPH = "Offl. § 25 første ledd";
    public static final String SECTION = "Offl. § 25";

    private Form form = Form.APPLICATION;
    private String documentId = "WC201-100-1";
    private String title = "Søknad på stilling - Åse Ødegård";
    private Applicant applicant = applicant(true);
    private final List<DropFile> files = new ArrayList<>(List.of(
            new DropFile("soknad.pdf", DropFile.Role.MAIN, "Søknad", 100, "a".repeat(64))));

    public static TestDrops drop() {
        return new TestDrops();
    }

    public static RegistrationSettings seedSettings() {
        Map<Form, FormRule> forms = new EnumMap<>(Form.class);
        forms.put(Form.POSTING, new FormRule(EntryType.OUTGOING, Screening.NONE));
        forms.put(Form.APPLICATION, new FormRule(EntryType.INCOMING, Screening.exempt(PERSONAL_CODE, FIRST_PARAGRAPH, true)));
        forms.put(Form.APPLICATION_ATTACHMENTS, new FormRule(EntryType.INCOMING, Screening.exempt(PERSONAL_CODE, SECTION, true)));
        forms.put(Form.LETTER_TO_APPLICANT, new FormRule(EntryType.OUTGOING, Screening.exempt(PERSONAL_CODE, SECTION, true)));
        forms.put(Form.PUBLIC_APPLICANT_LIST, new FormRule(EntryType.OUTGOING, Screening.NONE));
        forms.put(Form.EXTENDED_APPLICANT_LIST, new FormRule(EntryType.OUTGOING, Screening.exempt(PERSONAL_CODE, FIRST_PARAGRAPH, false)));
        forms.put(Form.OTHER_APPLICANT_LIST, new FormRule(EntryType.OUTGOING, Screening.exempt(PERSONAL_CODE, SECTION, false)));
        return new RegistrationSettings("WS.1000", "WSANS", "WS1000", "STD", "B", "J1", "J", "F", "P",
                "application/pdf", "EL-SAKARKI", "410", "WEBCRUITER", forms);
    }

    public static Applicant applicant(boolean exemptionRequested) {
        return new Applicant("A-1", "Åse", "Ødegård",
                new PostalAddress(List.of("Kjøpmannsgata 12"), "7013", "Trondheim", "NO"), "ase@example.org",
                "+4790000001", LocalDate.of(1988, 3, 14), "Kvinne", "Svensk", "DK",
                new SpecialConsideration(exemptionRequested, true, true, true));
    }

    public TestDrops form(Form value) {
        form = value;
        if (!value.aboutOneApplicant()) {
            applicant = null;
        }
        return this;
    }

    public TestDrops title(String value) {
        title = value;
        return this;
    }

    public TestDrops applicant(Applicant value) {
        applicant = value;
        return this;
    }

    public TestDrops attachment(String name) {
        files.add(new DropFile(name, DropFile.Role.ATTACHMENT, null, 50, "b".repeat(64)));
        return this;
    }

    public TestDrops mainLast() {
        DropFile main = files.remove(0);
        files.add(main);
        return this;
    }

    public DocumentDrop build() {
        return new DocumentDrop(form, documentId, title, LocalDate.of(2026, 11, 20),
                new Posting("100", "Lærer ved Byåsen skole", "Byåsen skole", null), applicant, files);
    }
}
