package no.webcruiteresa.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Decides what a posting and a dropped document become in the archive. Pure: no I/O, no clock. */
public final class RegistrationRules {
    /** What Noark 5 practice puts in a public title where a screened word stood. */
    public static final String SCREENED = "******";

    private static final List<DateTimeFormatter> BIRTH_DATE_FORMS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd.MM.yyyy"),
            DateTimeFormatter.ofPattern("d.M.yyyy"), DateTimeFormatter.ofPattern("ddMMyy"),
            DateTimeFormatter.ofPattern("dd.MM.yy"));

    private final RegistrationSettings settings;

    public RegistrationRules(RegistrationSettings settings) {
        this.settings = settings;
    }

    public CaseRegistration caseFor(Posting posting, LocalDate caseDate) {
        return new CaseRegistration(posting.caseNumber(), settings.caseReference(posting.caseNumber()),
                posting.title(), posting.title(), caseDate, settings.administrativeUnit(), settings.caseHandler(),
                settings.accessGroup(), settings.caseType(), settings.caseStatus(), settings.archivePart(),
                settings.classificationCode());
    }

    public EntryRegistration entryFor(DocumentDrop drop) {
        FormRule rule = settings.ruleFor(drop.form());
        if (!drop.form().aboutOneApplicant() && drop.applicant() != null) {
            throw new InvalidDropException("applicant", "must be absent for " + drop.form().code());
        }
        rejectBirthDateIn(drop);
        return new EntryRegistration(drop.documentId(), settings.entryReference(drop.documentId()), drop.form(),
                rule.entryType(),
                settings.localEntryStatus(), settings.entryStatus(), drop.title(),
                publicTitle(drop, rule.screening()), drop.documentDate(),
                correspondents(drop, rule.entryType()), rule.screening(), documents(drop));
    }

    private String publicTitle(DocumentDrop drop, Screening screening) {
        if (drop.applicant() == null
                || !(screening.screenApplicantName() && drop.applicant().specialConsideration().exemptionRequested())) {
            return drop.title();
        }
        Applicant applicant = drop.applicant();
        String title = drop.title();
        for (String name : List.of(applicant.fullName(), applicant.familyName(), applicant.givenName())) {
            // Whole words only: "Åse" must not screen the "åse" in "Byåsen".
            title = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(title).replaceAll(SCREENED);
        }
        return title;
    }

    private List<Correspondent> correspondents(DocumentDrop drop, EntryType type) {
        List<Correspondent> parts = new ArrayList<>();
        drop.applicantIfAny().ifPresent(applicant -> parts.add(new Correspondent(
                type == EntryType.INCOMING ? Correspondent.Role.SENDER : Correspondent.Role.RECIPIENT,
                applicant.fullName(), applicant.postalAddress())));
        parts.add(new Correspondent(Correspondent.Role.INTERNAL_RECIPIENT, settings.caseHandler(), null));
        return parts;
    }

    private List<DocumentRegistration> documents(DocumentDrop drop) {
        List<DocumentRegistration> documents = new ArrayList<>();
        for (DropFile file : drop.filesInArchiveOrder()) {
            boolean main = file.role() == DropFile.Role.MAIN;
            String title = file.title() != null ? file.title() : main ? drop.title() : file.name();
            documents.add(new DocumentRegistration(documents.size() + 1, main, title, file.name(),
                    settings.documentStatus(), settings.variantFormat(), settings.mimeType(), file.size(),
                    file.sha256()));
        }
        return documents;
    }

    /** Birth dates live only in the screened PDFs; a title that carries one is refused, not repaired. */
    private static void rejectBirthDateIn(DocumentDrop drop) {
        if (drop.applicant() == null || drop.applicant().birthDate() == null) {
            return;
        }
        List<String> texts = new ArrayList<>(List.of(drop.title()));
        drop.files().stream().map(DropFile::title).filter(t -> t != null).forEach(texts::add);
        for (DateTimeFormatter form : BIRTH_DATE_FORMS) {
            String birthDate = form.format(drop.applicant().birthDate());
            if (texts.stream().anyMatch(text -> text.contains(birthDate))) {
                throw new InvalidDropException("title", "must not contain the applicant's birth date");
            }
        }
    }
}
