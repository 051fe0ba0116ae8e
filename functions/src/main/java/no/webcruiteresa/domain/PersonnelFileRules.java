package no.webcruiteresa.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a hire becomes in the employee's personnel file. Pure: no I/O, no clock.
 *
 * <p>A journalpost belongs to one mappe (Noark 5), so the hired person's entries are copied, not moved: each copy
 * is a new journalpost in the personnel file with the same files, found again by a reference naming the original
 * document and the employee. The copies carry no applicant name: their titles are fixed words and the hiring
 * case's number, and their only correspondent is the personnel file's case handler.
 */
public final class PersonnelFileRules {
    private final PersonnelFileSettings settings;
    private final RegistrationSettings registration;

    public PersonnelFileRules(PersonnelFileSettings settings, RegistrationSettings registration) {
        this.settings = settings;
        this.registration = registration;
    }

    /** "WEBCRUITER PERSONALMAPPE 10042": the personnel file's reference, kept where the hiring case keeps its own. */
    public String fileReference(String employeeId) {
        return registration.referencePrefix() + " PERSONALMAPPE " + employeeId;
    }

    /** "WEBCRUITER WC201-240117-1001 PERSONALMAPPE 10042": a copy's reference. */
    public String copyReference(String documentId, String employeeId) {
        return registration.entryReference(documentId) + " PERSONALMAPPE " + employeeId;
    }

    public PersonnelFileRegistration fileFor(String employeeId, LocalDate caseDate) {
        String title = settings.fileTitle() + " " + employeeId;
        return new PersonnelFileRegistration(employeeId, fileReference(employeeId), title, title, caseDate,
                settings.administrativeUnit(), settings.caseHandler(), settings.caseStatus(), settings.archivePart(),
                settings.classificationCode(), settings.screening());
    }

    /**
     * The copy of one archived entry of the hired applicant.
     *
     * @param hiringCaseId the hiring case's mappeID ("2026/17"), named in the title so the copy leads back
     * @param original     the documents of the original entry, in its order
     */
    public EntryRegistration copyOf(Hire.HiredDocument hired, String employeeId, String hiringCaseId,
                                    LocalDate documentDate, List<CopiedDocument> original) {
        if (original.isEmpty()) {
            throw new IllegalArgumentException("entry " + hired.documentId() + " has no document to copy");
        }
        String words = hired.form() == Form.APPLICATION ? settings.applicationTitle() : settings.attachmentsTitle();
        String title = words + " (tilsettingssak " + hiringCaseId + ")";
        List<DocumentRegistration> documents = new ArrayList<>();
        int attachment = 0;
        for (CopiedDocument document : original) {
            String documentTitle = document.main() ? title : "Vedlegg " + (++attachment);
            documents.add(new DocumentRegistration(document.number(), document.main(), documentTitle,
                    document.fileName(), registration.documentStatus(), registration.variantFormat(),
                    document.mimeType(), document.size(), document.sha256()));
        }
        return new EntryRegistration(hired.documentId(), copyReference(hired.documentId(), employeeId), hired.form(),
                registration.ruleFor(hired.form()).entryType(), registration.localEntryStatus(),
                registration.entryStatus(), title, title, documentDate,
                List.of(new Correspondent(Correspondent.Role.INTERNAL_RECIPIENT, settings.caseHandler(), null)),
                settings.screening(), documents);
    }

    /** One archived document to copy, as the archive reports it. */
    public record CopiedDocument(int number, boolean main, String fileName, String mimeType, long size,
                                 String sha256) {
    }
}
