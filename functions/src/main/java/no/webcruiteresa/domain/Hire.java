package no.webcruiteresa.domain;

import java.util.List;

/**
 * WebCruiter's "candidate hired" message: which applicant of which posting became which employee, and which of
 * WebCruiter's documents hold that applicant's application (form 201, with the CV) and attachments (form 203).
 * Ids only: the message carries no name.
 *
 * @param applicationDocumentId the hired applicant's application (WebCruiter201)
 * @param attachmentDocumentIds the hired applicant's references and diplomas (WebCruiter203), possibly none
 */
public record Hire(String caseNumber, String applicantId, String employeeId, String applicationDocumentId,
                   List<String> attachmentDocumentIds) {
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    public Hire {
        Posting.requireText(caseNumber, "caseNumber");
        if (!caseNumber.matches("[0-9]{1,12}")) {
            throw new InvalidDropException("caseNumber", "must be 1 to 12 digits");
        }
        requireId(applicantId, "applicantId");
        requireId(employeeId, "employeeId");
        requireId(applicationDocumentId, "applicationDocumentId");
        attachmentDocumentIds = List.copyOf(attachmentDocumentIds == null ? List.of() : attachmentDocumentIds);
        attachmentDocumentIds.forEach(id -> requireId(id, "attachmentDocumentIds"));
        if (attachmentDocumentIds.contains(applicationDocumentId)
                || attachmentDocumentIds.stream().distinct().count() != attachmentDocumentIds.size()) {
            throw new InvalidDropException("attachmentDocumentIds", "must be distinct from each other and from "
                    + "the application");
        }
    }

    /** The documents to file, the application first, each with its form. */
    public List<HiredDocument> documents() {
        List<HiredDocument> documents = new java.util.ArrayList<>();
        documents.add(new HiredDocument(applicationDocumentId, Form.APPLICATION));
        attachmentDocumentIds.forEach(id -> documents.add(new HiredDocument(id, Form.APPLICATION_ATTACHMENTS)));
        return documents;
    }

    private static void requireId(String value, String field) {
        Posting.requireText(value, field);
        if (!value.matches(ID)) {
            throw new InvalidDropException(field, "must match " + ID);
        }
    }

    /** One of WebCruiter's documents about the hired applicant. */
    public record HiredDocument(String documentId, Form form) {
    }
}
