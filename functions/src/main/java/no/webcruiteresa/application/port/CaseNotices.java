package no.webcruiteresa.application.port;

/** Where the responsible unit hears of a new hiring case (an SNS topic on AWS). */
public interface CaseNotices {
    /** Sends the notice once; a failure throws, and the caller decides whether that may fail its work. */
    void caseCreated(CaseNotice notice);

    /** Sends nothing (the seed's behaviour). */
    static CaseNotices none() {
        return notice -> {
        };
    }
}
