package no.webcruiteresa.application.port;

import java.time.LocalDate;
import java.util.List;

/**
 * A journalpost read back whole for copying: the case it is filed in, its date, and each document with the
 * archive's own checksum and where its file can be read.
 *
 * @param archivedCase the case (saksmappe) holding the entry; null when the archive does not say
 */
public record RecordedEntry(String systemId, String entryId, ArchivedCase archivedCase, LocalDate documentDate,
                            List<RecordedDocument> documents) {
    public RecordedEntry {
        documents = List.copyOf(documents);
    }

    /**
     * One document with its stored file.
     *
     * @param location the archive's address of the file, opaque to callers
     */
    public record RecordedDocument(int number, boolean main, String fileName, String mimeType, long size,
                                   String sha256, String location) {
    }
}
