package no.webcruiteresa.application;

import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;

/** Checks that the archive holds every file of a drop with the checksum and size the drop declared. */
final class ArchiveReceipts {
    private ArchiveReceipts() {
    }

    static boolean isComplete(DocumentDrop drop, ArchivedEntry entry) {
        return drop.files().stream().allMatch(file -> entry.file(file.name()).isPresent());
    }

    static void requireComplete(DocumentDrop drop, ArchivedEntry entry) {
        for (DropFile file : drop.files()) {
            ArchivedEntry.ArchivedFile archived = entry.file(file.name()).orElseThrow(() ->
                    new ArchiveMismatchException(drop.documentId(), "entry " + entry.entryId()
                            + " lacks file " + file.name()));
            if (!archived.sha256().equalsIgnoreCase(file.sha256())) {
                throw new ArchiveMismatchException(drop.documentId(), "file " + file.name()
                        + ": archive reports sjekksum " + archived.sha256() + ", drop declared " + file.sha256());
            }
            if (archived.size() != file.size()) {
                throw new ArchiveMismatchException(drop.documentId(), "file " + file.name()
                        + ": archive reports filstoerrelse " + archived.size() + ", drop declared " + file.size());
            }
        }
    }
}
