package no.webcruiteresa.application;

/**
 * A case that cannot be finished yet: documents of its posting are still waiting in the drop area or in
 * quarantine. Worth retrying later (the message is postponed with the retry budget's backoff).
 */
public class CaseNotFinishedException extends RuntimeException {
    private final int waiting;
    private final int quarantined;

    public CaseNotFinishedException(String caseNumber, int waiting, int quarantined) {
        super("case of posting " + caseNumber + " not finished: " + waiting + " document(s) not yet archived, "
                + quarantined + " in quarantine");
        this.waiting = waiting;
        this.quarantined = quarantined;
    }

    public int waiting() {
        return waiting;
    }

    public int quarantined() {
        return quarantined;
    }
}
