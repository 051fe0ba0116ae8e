package no.webcruiteresa.application.port;

import java.io.InputStream;
import java.util.Optional;
import no.webcruiteresa.domain.PersonnelFileRegistration;

/** The archive's personnel files (personalmapper), and what filing a hired applicant's entries there needs. */
public interface PersonnelFiles {
    /** The personnel file registered with this reference, if any. */
    Optional<ArchivedCase> findFile(String reference);

    /** Registers a new, screened personnel file; callers look it up first, so a repeat does not make a twin. */
    ArchivedCase createFile(PersonnelFileRegistration registration);

    /** The journalpost with this reference, read back with its documents; empty when the archive has none. */
    Optional<RecordedEntry> readEntry(String reference);

    /** Opens a stored file of an entry; the caller closes it. */
    InputStream openFile(RecordedEntry.RecordedDocument document);

    /**
     * Marks the entry as one to keep: a kassasjon with this decision (kassasjonsvedtak, B = bevares) and legal
     * basis. Does nothing when the entry already carries it.
     */
    void keep(RecordedEntry entry, String decision, String legalBasis);
}
