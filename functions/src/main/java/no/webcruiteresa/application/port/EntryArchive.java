package no.webcruiteresa.application.port;

import java.util.Optional;
import no.webcruiteresa.domain.EntryRegistration;

/** The archive's journalposts, found by the WebCruiter document id they carry as external reference. */
public interface EntryArchive {
    /** The entry made for this WebCruiter document, with the documents the archive holds for it. */
    Optional<ArchivedEntry> findEntry(String documentId);

    /** Registers the journalpost, its documents and uploads each file from {@code files}. */
    ArchivedEntry createEntry(ArchivedCase archivedCase, EntryRegistration registration, FileSource files);
}
