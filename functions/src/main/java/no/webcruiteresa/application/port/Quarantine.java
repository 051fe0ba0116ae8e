package no.webcruiteresa.application.port;

import java.util.List;
import java.util.Optional;

/**
 * Where input that can never be archived as it is waits for a person: moved aside with a machine-readable
 * report, never deleted by the pipeline, released by the redrive operation after a fix.
 */
public interface Quarantine {
    /** Moves the drop's objects (the XML and everything in its folder) aside and writes the report. */
    void quarantineDrop(String xmlKey, QuarantineReport report);

    /** Keeps a queue message that cannot even be read (the body is saved beside the report). */
    void quarantineMessage(String source, String messageId, String body, QuarantineReport report);

    /** True for keys inside the quarantine, which the pipeline must never treat as new drops. */
    boolean isQuarantined(String key);

    List<QuarantineReport> reports();

    Optional<QuarantineReport> report(String xmlKey);

    /** Moves a quarantined drop back where it came from, PDFs first and the XML last, and removes its report. */
    int release(String xmlKey);
}
