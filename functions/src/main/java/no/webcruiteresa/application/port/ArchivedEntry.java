package no.webcruiteresa.application.port;

import java.util.List;
import java.util.Optional;

/**
 * A journalpost as the archive knows it, with the case it is filed in and what it reports about each stored file.
 *
 * @param entryId      registreringsID as the archive assigned it, "year/sequence"
 * @param archivedCase the case (saksmappe) holding the entry; null when the archive does not say
 */
public record ArchivedEntry(String systemId, String entryId, ArchivedCase archivedCase, List<ArchivedFile> files) {
    public ArchivedEntry {
        files = List.copyOf(files);
    }

    public Optional<ArchivedFile> file(String fileName) {
        return files.stream().filter(file -> file.fileName().equals(fileName)).findFirst();
    }

    public Optional<ArchivedCase> caseIfKnown() {
        return Optional.ofNullable(archivedCase);
    }

    /** The archive's own checksum and size of one stored file. */
    public record ArchivedFile(String fileName, String sha256, long size) {
    }
}
