package no.webcruiteresa.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Decides what a posting and a dropped document become in the archive. Pure: no I/O, no clock. */
public final class RegistrationRules {
    /** What Noark 5 practice puts in a public title where a screened word stood. */
    public static final String SCREENED = "******";

    private final RegistrationSettings settings;

    public RegistrationRules(RegistrationSettings settings) {
        this.settings = settings;
    }

    public CaseRegistration caseFor(Posting posting, LocalDate caseDate) {
        return caseFor(posting, caseDate, new ResponsibleUnit(settings.administrativeUnit(), settings.caseHandler(),
                settings.accessGroup()));
    }

    /** A new case owned by the unit the routing table chose. */
    public CaseRegistration caseFor(Posting posting, LocalDate caseDate, ResponsibleUnit unit) {
        return new CaseRegistration(posting.caseNumber(), settings.caseReference(posting.caseNumber()),
                posting.title(), posting.title(), caseDate, unit.administrativeUnit(), unit.caseHandler(),
                unit.accessGroup(), settings.caseType(), settings.caseStatus(), settings.archivePart(),
                settings.classificationCode());
    }

    /** The WebCruiter reference of the case a posting's documents belong in. */
    public String caseReference(Posting posting) {
        return settings.caseReference(posting.caseNumber());
    }

    public EntryRegistration entryFor(DocumentDrop drop) {
        FormRule rule = settings.ruleFor(drop.form());
        if (!drop.form().aboutOneApplicant() && drop.applicant() != null) {
            throw new InvalidDropException("applicant", "must be absent for " + drop.form().code());
        }
        SpecialData.rejectIn(drop);
        return new EntryRegistration(drop.documentId(), settings.entryReference(drop.documentId()), drop.form(),
                rule.entryType(),
                settings.localEntryStatus(), settings.entryStatus(), PublicTitles.registered(drop.title()),
                publicTitle(drop, rule.screening()), drop.documentDate(),
                correspondents(drop, rule.entryType()), rule.screening(), documents(drop));
    }

    private String publicTitle(DocumentDrop drop, Screening screening) {
        String title = PublicTitles.registered(drop.title());
        if (drop.applicant() == null
                || !(screening.screenApplicantName() && drop.applicant().specialConsideration().exemptionRequested())) {
            return title;
        }
        return PublicTitles.withoutName(title, drop.applicant());
    }

    private List<Correspondent> correspondents(DocumentDrop drop, EntryType type) {
        List<Correspondent> parts = new ArrayList<>();
        drop.applicantIfAny().ifPresent(applicant -> parts.add(new Correspondent(
                type == EntryType.INCOMING ? Correspondent.Role.SENDER : Correspondent.Role.RECIPIENT,
                SpecialData.nfc(applicant.fullName()), applicant.postalAddress())));
        parts.add(new Correspondent(Correspondent.Role.INTERNAL_RECIPIENT, settings.caseHandler(), null));
        return parts;
    }

    private List<DocumentRegistration> documents(DocumentDrop drop) {
        List<DocumentRegistration> documents = new ArrayList<>();
        for (DropFile file : drop.filesInArchiveOrder()) {
            boolean main = file.role() == DropFile.Role.MAIN;
            String title = PublicTitles.registered(file.title() != null ? file.title() : main ? drop.title() : file.name());
            documents.add(new DocumentRegistration(documents.size() + 1, main, title, file.name(),
                    settings.documentStatus(), settings.variantFormat(), settings.mimeType(), file.size(),
                    file.sha256()));
        }
        return documents;
    }
}
