package no.webcruiteresa.domain;

import java.util.Optional;
import java.util.Set;

/**
 * What must outlive the retention period (an appeal, a complaint, a court case): whole WebCruiter cases by their
 * case number, and single objects a person tagged. Held data is skipped and reported, never deleted.
 */
public record LegalHolds(Set<String> caseNumbers) {
    public static final LegalHolds NONE = new LegalHolds(Set.of());

    public LegalHolds {
        caseNumbers = Set.copyOf(caseNumbers);
    }

    public boolean holdsCase(Optional<String> caseNumber) {
        return caseNumber.isPresent() && caseNumbers.contains(caseNumber.get());
    }

    /** Why an object is held, for the audit record; empty when it is not. */
    public Optional<HoldReason> reason(Optional<String> caseNumber, boolean taggedForHold) {
        if (holdsCase(caseNumber)) {
            return Optional.of(HoldReason.CASE_ON_HOLD_LIST);
        }
        return taggedForHold ? Optional.of(HoldReason.OBJECT_TAG) : Optional.empty();
    }

    public enum HoldReason { CASE_ON_HOLD_LIST, OBJECT_TAG }
}
