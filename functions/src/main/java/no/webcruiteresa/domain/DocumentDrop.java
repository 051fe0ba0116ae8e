package no.webcruiteresa.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** One WebCruiter document as dropped: the form, its posting, its applicant if any, and its PDFs. */
public record DocumentDrop(Form form, String documentId, String title, LocalDate documentDate, Posting posting,
                           Applicant applicant, List<DropFile> files) {
    public DocumentDrop {
        Posting.requireText(documentId, "documentId");
        Posting.requireText(title, "title");
        if (documentDate == null) {
            throw new InvalidDropException("documentDate", "is required");
        }
        if (form.aboutOneApplicant() && applicant == null) {
            throw new InvalidDropException("applicant", "is required for " + form.code());
        }
        files = List.copyOf(files);
        if (files.stream().filter(file -> file.role() == DropFile.Role.MAIN).count() != 1) {
            throw new InvalidDropException("files", "must hold exactly one file with role main");
        }
        if (!files.stream().map(DropFile::name).allMatch(new HashSet<>()::add)) {
            throw new InvalidDropException("files.file.name", "must be unique within the document");
        }
    }

    public Optional<Applicant> applicantIfAny() {
        return Optional.ofNullable(applicant);
    }

    /** The main document first, then the attachments in the order WebCruiter listed them. */
    public List<DropFile> filesInArchiveOrder() {
        return files.stream()
                .sorted((a, b) -> Boolean.compare(a.role() != DropFile.Role.MAIN, b.role() != DropFile.Role.MAIN))
                .toList();
    }
}
