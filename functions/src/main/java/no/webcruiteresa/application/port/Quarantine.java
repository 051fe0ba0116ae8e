package no.webcruiteresa.application.port;

import java.util.List;
import java.util.Optional;

/**
 * Where input that can never be archived as it is waits for a person: moved aside with a machine-readable
 * report, never deleted by the pipeline, released by the redrive operation after a fix.
 */
public interface Quarantine {
    /**
     * Moves exactly one drop aside, its named files first and the XML last, and writes the report; nothing else
     * in the drop area is touched. Named files that are not there are recorded as missing. Safe to repeat.
     *
     * @param fileKeys the keys of the files the drop's XML names; empty when the XML could not be read
     */
    void quarantineDrop(String xmlKey, List<String> fileKeys, QuarantineReport report);

    /** Moves a file that arrived late for a quarantined drop beside it and records it in the drop's report. */
    void adopt(String xmlKey, String fileKey);

    /** Keeps a queue message that cannot even be read (its body parked beside the report, which holds only its size and hash). */
    void quarantineMessage(String source, String messageId, String body, QuarantineReport report);

    /** True for keys inside the quarantine, which the pipeline must never treat as new drops. */
    boolean isQuarantined(String key);

    List<QuarantineReport> reports();

    Optional<QuarantineReport> report(String xmlKey);

    /** Moves a quarantined drop back where it came from, PDFs first and the XML last, and removes its report. */
    int release(String xmlKey);
}
