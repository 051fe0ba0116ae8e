package no.webcruiteresa.domain;

import java.time.Instant;

/**
 * WebCruiter closed a posting (the hiring is over): its case may be finished once every document is archived.
 *
 * @param closedAt when WebCruiter closed it; for the record and the logs, the decision does not depend on it
 */
public record PostingClosed(String caseNumber, Instant closedAt) {
    public PostingClosed {
        Posting.requireText(caseNumber, "caseNumber");
        if (!caseNumber.matches("[0-9]{1,12}")) {
            throw new InvalidDropException("caseNumber", "must be 1 to 12 digits");
        }
        if (closedAt == null) {
            throw new InvalidDropException("closedAt", "is required");
        }
    }
}
