package no.webcruiteresa.application.port;

import java.util.Optional;
import no.webcruiteresa.domain.EntryRegistration;

/** The archive's journalposts, found by the WebCruiter reference they carry. */
public interface EntryArchive {
    /** The entry with this reference ("WEBCRUITER WC201-…"), with the files the archive holds for it so far. */
    Optional<ArchivedEntry> findEntry(String reference);

    /**
     * Registers whatever of the entry is not yet in the archive (the journalpost, its correspondents, each
     * document and each file) and returns the entry whole. Safe to repeat after a failure at any point: what an
     * earlier attempt registered is found and kept, never registered twice.
     */
    ArchivedEntry archiveEntry(ArchivedCase archivedCase, EntryRegistration registration, FileSource files);
}
