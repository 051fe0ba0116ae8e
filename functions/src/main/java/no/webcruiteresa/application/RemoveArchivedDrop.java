package no.webcruiteresa.application;

import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.ArchivedNotice;
import no.webcruiteresa.application.port.CreationLocks;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.application.port.EntryArchive;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.RegistrationSettings;

/**
 * Use case: once the archive confirms an entry and every file's checksum, remove the drop's PDFs, any creation lock
 * left for its entry or case, and then its XML (the XML goes last: while it exists, the drop can be re-verified and
 * re-driven).
 */
public class RemoveArchivedDrop {
    private static final Logger LOG = Logger.getLogger(RemoveArchivedDrop.class.getName());

    private final DropReader reader;
    private final DropStore store;
    private final EntryArchive entries;
    private final RegistrationSettings settings;
    private final CreationLocks locks;

    public RemoveArchivedDrop(DropReader reader, DropStore store, EntryArchive entries, RegistrationSettings settings,
                              CreationLocks locks) {
        this.reader = reader;
        this.store = store;
        this.entries = entries;
        this.settings = settings;
        this.locks = locks;
    }

    /** @return the number of objects deleted; 0 when an earlier delivery already removed the drop */
    public int remove(ArchivedNotice notice) {
        var read = reader.read(notice.xmlKey());
        if (read.isEmpty()) {
            LOG.info(() -> "drop " + LogText.key(notice.xmlKey()) + " is already removed");
            return 0;
        }
        DocumentDrop drop = read.get();
        ArchivedEntry entry = entries.findEntry(settings.entryReference(drop.documentId())).orElseThrow(() ->
                new ArchiveMismatchException(drop.documentId(), "the archive has no entry for it; nothing deleted"));
        ArchiveReceipts.inOtherCase(drop, entry, settings.caseReference(drop.posting().caseNumber()))
                .ifPresent(conflict -> {
                    throw new ArchiveMismatchException(drop.documentId(), conflict + "; nothing deleted");
                });
        ArchiveReceipts.requireComplete(drop, entry);
        for (DropFile file : drop.files()) {
            store.delete(DropKeys.fileKey(notice.xmlKey(), file.name()));
        }
        // A lock kept after a lost write or left by a killed worker guards nothing once its entry is confirmed.
        locks.release(LockNames.forEntry(drop.documentId()));
        locks.release(LockNames.forCase(drop.posting().caseNumber()));
        store.delete(notice.xmlKey());
        LOG.info(() -> "removed drop " + LogText.key(notice.xmlKey()) + " (" + (drop.files().size() + 1)
                + " objects) after entry " + entry.entryId() + " was confirmed");
        return drop.files().size() + 1;
    }
}
