package no.webcruiteresa.domain;

/**
 * The kinds of personal data the integration itself holds, each deleted once it is older than the retention
 * period. Counted separately in every sweep's audit record, so a data-protection officer sees what went.
 */
public enum RetentionCategory {
    /** Drops (XML and PDFs) still in the drop area: not archived yet, stuck, or left behind. */
    DROP,
    /** Drop objects moved aside into the quarantine. */
    QUARANTINED_FILE,
    /** The quarantine's reports: ids and rules, but beside files that name a person, and named after them. */
    QUARANTINE_REPORT,
    /** Queue messages that could not be read, parked in the quarantine with their body. */
    PARKED_MESSAGE
}
